package dev.trafficengineer.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.rules.ReviewOptions;
import dev.trafficengineer.testing.RuleTester;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A mistake that a specific rule and the generic schema rule both see is reported once, by the specific rule. */
class SupersessionTest {

    private static String scaledObject(String annotations, String spec) {
        return """
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata:
                  name: checkout
                  namespace: shop
                """ + annotations + """
                spec:
                  scaleTargetRef:
                    name: checkout
                """ + spec + """
                  triggers:
                    - type: prometheus
                      metadata:
                        serverAddress: http://prometheus.monitoring:9090
                        query: sum(rate(http_requests_total{service="checkout"}[2m]))
                        threshold: 50
                """;
    }

    private static List<Finding> at(String yaml, String pointer) {
        return RuleTester.review(yaml).findings().stream().filter(f -> f.pointer().value().equals(pointer)).toList();
    }

    @Test
    void anUnquotedMetadataNumberIsReportedOnceWithTheQuotingFix() {
        List<Finding> f = at(scaledObject("", ""), "/spec/triggers/0/metadata/threshold");
        assertThat(f).extracting(Finding::ruleId).containsExactly("keda/admission-metadata-not-string");
        assertThat(f.get(0).fix()).isNotNull();
    }

    @Test
    void otherSchemaFindingsOfTheSameObjectStay() {
        List<Finding> f = RuleTester.review(scaledObject("", "  maxReplicaCount: \"10\"\n")).findings();
        assertThat(f).extracting(x -> x.ruleId(), x -> x.pointer().value()).contains(
                tuple("schema/invalid", "/spec/maxReplicaCount"),
                tuple("keda/admission-metadata-not-string", "/spec/triggers/0/metadata/threshold"))
                .doesNotContain(tuple("schema/invalid", "/spec/triggers/0/metadata/threshold"));
    }

    @Test
    void silencingTheSpecificRuleBringsTheSchemaFindingBack() {
        String ignored = "  annotations:\n    traffic-engineer.dev/ignore: keda/admission-metadata-not-string\n";
        assertThat(at(scaledObject(ignored, ""), "/spec/triggers/0/metadata/threshold"))
                .extracting(Finding::ruleId).containsExactly("schema/invalid");
    }

    @Test
    void aRuleThatDeclaresNothingHidesNothingAtTheSamePointer() {
        // keda/paused notes the annotation; the API server still rejects its boolean value
        String paused = "  annotations:\n    autoscaling.keda.sh/paused: true\n";
        assertThat(at(scaledObject(paused, ""), "/metadata/annotations/autoscaling.keda.sh~1paused"))
                .extracting(Finding::ruleId).containsExactlyInAnyOrder("keda/paused", "schema/invalid");
    }

    private static List<Finding> reviewWith(Map<String, Optional<Severity>> rules, String yaml) {
        Config config = new Config(null, rules, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of());
        return new Reviewer(RuleCatalog.standard(), ReviewOptions.DEFAULT, config)
                .review(List.of(RuleTester.load(yaml))).findings();
    }

    @Test
    void disablingTheSpecificRuleInTheConfigBringsTheSchemaFindingBack() {
        List<Finding> f = reviewWith(Map.of("keda/admission-metadata-not-string", Optional.empty()),
                scaledObject("", ""));
        assertThat(f).extracting(x -> x.ruleId(), x -> x.pointer().value())
                .contains(tuple("schema/invalid", "/spec/triggers/0/metadata/threshold"))
                .doesNotContain(tuple("keda/admission-metadata-not-string", "/spec/triggers/0/metadata/threshold"));
    }

    @Test
    void aRuleWithSeveralIdsRunsWhileOneOfThemIsEnabled() {
        // the prometheus query rule's own id off: the promql/* findings of the same rule still come
        String yaml = scaledObject("", "").replace("[2m]))", "[2m])").replace("threshold: 50", "threshold: \"50\"");
        List<Finding> f = reviewWith(Map.of("keda/runtime-query-series-per-pod", Optional.empty()), yaml);
        assertThat(f).extracting(Finding::ruleId).contains("promql/syntax");
        List<Finding> none = reviewWith(Map.of("keda/runtime-query-series-per-pod", Optional.empty(),
                "promql/syntax", Optional.empty()), yaml);
        assertThat(none).extracting(Finding::ruleId).doesNotContain("promql/syntax");
    }
}
