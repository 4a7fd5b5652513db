package dev.trafficengineer.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.testing.Cli;
import dev.trafficengineer.testing.Golden;
import org.junit.jupiter.api.Test;

/** The conversation with a model, over real HTTP: what the offline reading leaves over goes to the extract prompt. */
class LlmChatTest {

    @Test
    void wordsTheOfflineReadingMissesAreExtractedByTheModelAndChecked() throws Exception {
        try (StubOpenAi stub = new StubOpenAi().replay(Golden.root().resolve("golden/llm/chat-extract"))) {
            Cli.Result r = Cli.runWithInput("the ledger thing lives in payments, token=abc123secret\n", "chat",
                    "--llm", "openai", "--llm-base-url", stub.baseUrl(), "--llm-model", "stub-model");
            assertThat(r.exit()).isZero();
            assertThat(stub.requests).hasSize(1);
            JsonNode messages = stub.requests.get(0).get("messages");
            String prompt = messages.get(messages.size() - 1).get("content").asText();
            assertThat(prompt).startsWith("Read what the user says about their workload")
                    .contains("the ledger thing lives in payments").doesNotContain("abc123secret");
            assertThat(r.out()).contains("ledger").contains("payments");
            assertThat(r.out()).doesNotContain("I can't do that offline");
        }
    }

    @Test
    void aModelThatInventsValuesIsOverruledByTheUsersWords() throws Exception {
        try (StubOpenAi stub = new StubOpenAi().then(StubOpenAi.Reply.completion(
                "{\"workload\": {\"name\": \"ledger\"}, \"traffic\": {\"peak\": 5000}}", 10, 5, "stop"))) {
            Cli.Result r = Cli.runWithInput("the ledger thing lives in payments\n", "chat", "--llm", "openai",
                    "--llm-base-url", stub.baseUrl());
            assertThat(r.out()).contains("ledger").doesNotContain("5000 rps").contains("5000");
        }
    }
}
