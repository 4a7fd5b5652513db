package dev.trafficengineer.draft.refine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.draft.Requirements;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a user types, parsing and applying it neither throws nor loses words. */
class FeedbackProperties {

    @Provide
    Arbitrary<String> sentences() {
        Arbitrary<String> words = Arbitraries.of("max", "min", "20", "800", "rps", "at", "night", "peak", "p99",
                "scale-down", "too", "aggressive", "slow", "no", "cold", "starts", "topic", "orders", "has",
                "partitions", "and", ",", ".", "ms", "300", "pods", "replicas", "kafka", "sasl", "tls", "22:00-06:00",
                "idle", "called", "checkout", "namespace", "shop", "$5", "per", "pod", "500m", "cpu", "1Gi", "%",
                "60", "vpa", "1.5k", "the", "our", "api", "-", "between", "to", "http://p:9090", "prometheus");
        return words.list().ofMaxSize(14).map(l -> String.join(" ", l));
    }

    @Property(tries = 400)
    void parsingAndApplyingNeverThrow(@ForAll("sentences") String text) {
        List<Intent> intents = Feedback.parse(text);
        RequirementsRefiner.Outcome o = RequirementsRefiner.refine(Requirements.EMPTY, intents);
        assertThat(o.changes().size() + o.unchanged().size() + o.notApplied().size()).isEqualTo(intents.size());
    }

    @Property(tries = 200)
    void anyTextParses(@ForAll String text) {
        assertThat(Feedback.parse(text)).doesNotContainNull();
    }
}
