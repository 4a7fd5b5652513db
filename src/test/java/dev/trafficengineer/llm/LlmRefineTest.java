package dev.trafficengineer.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficengineer.testing.Cli;
import dev.trafficengineer.testing.Golden;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** `refine`: offline for what the offline refiner understands, the model (over real HTTP) for the rest. */
class LlmRefineTest {

    private static final Path CASE = Golden.root().resolve("golden/llm/refine-with-feedback");
    private static final String FILE = Golden.root().relativize(CASE.resolve("manifests.yaml")).toString();

    @Test
    void understoodFeedbackIsDoneOfflineWithoutAskingTheModel() throws Exception {
        try (StubOpenAi stub = new StubOpenAi()) {
            Cli.Result r = Cli.run("refine", "--llm", "openai", "--llm-base-url", stub.baseUrl(), "--format", "json",
                    "--feedback", "max 30 replicas", FILE);
            assertThat(r.exit()).isZero();
            assertThat(stub.requests).isEmpty();
            JsonNode j = new ObjectMapper().readTree(r.out());
            assertThat(j.get("yaml").asText()).contains("maxReplicas: 30").contains("# The storefront's autoscaler");
            assertThat(j.has("llm")).isFalse();
        }
    }

    @Test
    void feedbackTheRefinerDoesNotUnderstandGoesToTheModelAndIsReviewed() throws Exception {
        try (StubOpenAi stub = new StubOpenAi().replay(CASE)) {
            Cli.Result r = Cli.run("refine", "--llm", "openai", "--llm-base-url", stub.baseUrl(), "--llm-model",
                    "stub-model", "--feedback", "do not react to the CPU burst of a rollout, password=hunter2", FILE);
            assertThat(r.exit()).isZero();
            Golden.assertMatches(CASE.resolve("expected.yaml"), r.out());
            assertThat(r.out()).contains("stabilizationWindowSeconds: 60").contains("its manifests passed the review");
            String sent = stub.requests.get(0).toString();
            assertThat(sent).contains("do not react to the CPU burst of a rollout").doesNotContain("hunter2");
            assertThat(sent).contains("averageUtilization: 70");
        }
    }

    @Test
    void withoutAModelItSaysWhatItCouldNotDo() {
        Cli.Result r = Cli.run("refine", "--llm", "none", "--feedback", "make it purple", FILE);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("# Nothing changed.").contains("# Not done: I did not understand \"make it purple\"");
    }
}
