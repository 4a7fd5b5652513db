package dev.trafficengineer.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficengineer.testing.Cli;
import dev.trafficengineer.testing.Golden;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The LLM loop end to end from the command line: the real langchain4j OpenAI client talks HTTP to a local stub
 * that replays the recorded answers of golden/llm/<case>/, and the output is compared with the case's golden file.
 * The tests also check what the client sent.
 */
class LlmDraftingTest {

    private static final Path CASES = Golden.root().resolve("golden/llm");
    private static final String REQUIREMENTS = Golden.root().relativize(CASES.resolve("requirements.yaml")).toString();

    private record Run(Cli.Result yaml, JsonNode json, StubOpenAi stub) {}

    /** Runs `draft --llm openai` against the case's recorded replies, in YAML and in JSON. */
    private static Run run(String name, String... extra) throws Exception {
        Path dir = CASES.resolve(name);
        Cli.Result yaml;
        StubOpenAi recorded;
        try (StubOpenAi stub = new StubOpenAi().replay(dir)) {
            yaml = Cli.run(args(stub, extra, "yaml"));
            recorded = stub;
        }
        JsonNode json;
        try (StubOpenAi stub = new StubOpenAi().replay(dir)) {
            json = new ObjectMapper().readTree(Cli.run(args(stub, extra, "json")).out());
        }
        assertThat(yaml.err()).isEmpty();
        // the stub listens on a new port each run
        Golden.assertMatches(dir.resolve("expected.yaml"), yaml.out().replaceAll("127\\.0\\.0\\.1:\\d+",
                "127.0.0.1:PORT"));
        return new Run(yaml, json, recorded);
    }

    private static String[] args(StubOpenAi stub, String[] extra, String format) {
        List<String> a = new ArrayList<>(List.of("draft", "--llm", "openai", "--llm-base-url", stub.baseUrl(),
                "--llm-model", "stub-model", "--format", format));
        a.addAll(List.of(extra));
        a.add(REQUIREMENTS);
        return a.toArray(String[]::new);
    }

    @Test
    void aGoodDraftIsTakenAtOnce() throws Exception {
        Run r = run("good-draft");
        assertThat(r.yaml().exit()).isZero();
        assertThat(r.json().at("/llm/rounds").asInt()).isEqualTo(1);
        assertThat(r.json().at("/llm/fellBack").asBoolean()).isFalse();
        assertThat(r.json().at("/llm/inputTokens").asInt()).isEqualTo(901);
        assertThat(r.json().at("/yaml").asText()).contains("# p95 under 300 ms needs room for bursts");
        JsonNode request = r.stub().requests.get(0);
        assertThat(request.at("/model").asText()).isEqualTo("stub-model");
        assertThat(request.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(request.at("/messages/1/content").asText())
                .contains("\"peak\" : 800").contains("hpa/invalid").contains("<data>");
    }

    @Test
    void anInvalidDraftIsFixedInRoundTwoWithTheFindingsQuoted() throws Exception {
        Run r = run("fixed-in-round-two");
        assertThat(r.yaml().exit()).isZero();
        assertThat(r.json().at("/llm/rounds").asInt()).isEqualTo(2);
        assertThat(r.json().at("/llm/fellBack").asBoolean()).isFalse();
        JsonNode first = r.json().at("/llm/roundFindings/0/findings");
        assertThat(first.findValuesAsText("ruleId")).contains("hpa/invalid");
        JsonNode second = r.stub().requests.get(1).get("messages");
        String refine = second.get(second.size() - 1).get("content").asText();
        assertThat(refine).startsWith("The validator rejected your manifests.");
        assertThat(refine).contains("- hpa/invalid error").contains("averageUtilization")
                .contains("cannot unmarshal string");
        assertThat(r.stub().requests.get(1).get("messages")).hasSize(4); // system, draft, answer, refine
    }

    @Test
    void aModelThatNeverGetsItRightFallsBackToTheDeterministicDraft() throws Exception {
        Run r = run("never-right");
        assertThat(r.yaml().exit()).isZero();
        assertThat(r.json().at("/llm/rounds").asInt()).isEqualTo(3);
        assertThat(r.json().at("/llm/fellBack").asBoolean()).isTrue();
        assertThat(r.json().at("/llm/why").asText())
                .startsWith("after 3 rounds the model's manifests still had 1 error")
                .endsWith("this is the deterministic draft");
        assertThat(r.json().at("/yaml").asText()).startsWith("# Drafted by traffic-engineer");
        assertThat(r.stub().requests).hasSize(3);
    }

    @Test
    void malformedOutputGoesBackAsASyntaxFinding() throws Exception {
        Run r = run("malformed");
        assertThat(r.json().at("/llm/rounds").asInt()).isEqualTo(2);
        assertThat(r.json().at("/llm/roundFindings/0/findings").findValuesAsText("ruleId"))
                .contains("input/yaml-syntax");
        assertThat(r.json().at("/llm/fellBack").asBoolean()).isFalse();
    }

    @Test
    void rateLimitingIsRetriedWithBackoff() throws Exception {
        Run r = run("rate-limited");
        assertThat(r.stub().requests).hasSize(2); // the 429, then the retry that succeeded
        assertThat(r.json().at("/llm/rounds").asInt()).isEqualTo(1);
        assertThat(r.json().at("/llm/fellBack").asBoolean()).isFalse();
    }

    @Test
    void aTimeoutFallsBackWithoutHanging() throws Exception {
        Run r = run("timeout", "--llm-timeout", "300ms", "--llm-rounds", "1");
        assertThat(r.json().at("/llm/fellBack").asBoolean()).isTrue();
        assertThat(r.json().at("/llm/why").asText()).contains("did not answer in time");
        assertThat(r.yaml().exit()).isZero();
    }

    @Test
    void secretsNeverReachTheModelAndItsSecretsAndSuppressionsAreDropped() throws Exception {
        String workload = Golden.root().relativize(CASES.resolve("secrets-stay-local/workload.yaml")).toString();
        Run r = run("secrets-stay-local", "--workload", workload);
        for (JsonNode request : r.stub().requests) {
            assertThat(request.toString()).doesNotContain("hunter2-not-for-models")
                    .doesNotContain("also-not-for-models").doesNotContain("s3cr3t-in-url")
                    .contains("<redacted>");
        }
        JsonNode notes = r.json().at("/llm/roundFindings/0/notes");
        assertThat(notes.toString()).contains("Secret with values (checkout-db); it was dropped")
                .contains("traffic-engineer.dev/ignore: all");
        String yaml = r.json().at("/yaml").asText();
        assertThat(yaml).doesNotContain("made-up-by-the-model").doesNotContain("traffic-engineer.dev/ignore");
    }
}
