package dev.trafficengineer.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficengineer.chat.AssistantException;
import dev.trafficengineer.chat.ChatEngine;
import dev.trafficengineer.chat.Turn;
import dev.trafficengineer.draft.Requirements;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.review.Config;
import dev.trafficengineer.review.Reviewer;
import dev.trafficengineer.review.RuleCatalog;
import dev.trafficengineer.rules.ReviewOptions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The conversation's model adapter: the extract prompt goes out redacted, the answer comes back as requirements. */
class ChatAssistantTest {

    /** Answers from a script and keeps every prompt. */
    static final class Scripted implements ModelClient {
        final Deque<Object> answers = new ArrayDeque<>();
        final List<List<Message>> asked = new ArrayList<>();

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public Reply chat(List<Message> messages) throws LlmException {
            asked.add(messages);
            Object next = answers.poll();
            if (next instanceof LlmException e) {
                throw e;
            }
            return new Reply(next == null ? "" : next.toString(), 100, 20, false);
        }
    }

    private static final ManifestLoader LOADER = new ManifestLoader("default");
    private static final Reviewer REVIEWER = new Reviewer(RuleCatalog.standard(), ReviewOptions.DEFAULT,
            Config.EMPTY);

    @Test
    void extractSendsTheMessageRedactedAndReadsTheJsonBack() throws Exception {
        Scripted model = new Scripted();
        model.answers.add("Here you go:\n```json\n{\"workload\": {\"name\": \"ledger\"}, \"traffic\": {\"peak\": 1500},"
                + " \"mood\": \"happy\"}\n```");
        ChatAssistant a = new ChatAssistant(model, REVIEWER, LOADER, 2);
        Requirements r = a.extract("the ledger sees 1500 at the top, password=hunter2", Requirements.EMPTY)
                .orElseThrow();
        assertThat(r.workload().name()).isEqualTo("ledger");
        assertThat(r.traffic().peak()).isEqualTo(1500.0);
        String prompt = model.asked.get(0).get(1).text();
        assertThat(prompt).contains("\"$schema\"", "the ledger sees 1500 at the top").doesNotContain("hunter2");
        assertThat(model.asked.get(0).get(0).role()).isEqualTo(ModelClient.Role.SYSTEM);
    }

    @Test
    void unusableAnswersAreErrorsNotGuesses() {
        Scripted model = new Scripted();
        model.answers.add("I think it is busy.");
        model.answers.add("{\"traffic\": {\"peak\": \"lots\"}}");
        model.answers.add(new LlmException(LlmException.Kind.TIMEOUT, "the model did not answer within 60 s"));
        ChatAssistant a = new ChatAssistant(model, REVIEWER, LOADER, 2);
        assertThatThrownBy(() -> a.extract("x", Requirements.EMPTY)).isInstanceOf(AssistantException.class)
                .hasMessage("the model's answer held no JSON object");
        assertThatThrownBy(() -> a.extract("x", Requirements.EMPTY)).hasMessage("the model's answer does not fit"
                + " the requirements format");
        assertThatThrownBy(() -> a.extract("x", Requirements.EMPTY)).hasMessage("the model did not answer within"
                + " 60 s");
    }

    @Test
    void inAConversationTheModelOnlySeesWhatTheRulesLeaveOver() {
        Scripted model = new Scripted();
        model.answers.add("{\"workload\": {\"name\": \"ledger\"}, \"traffic\": {\"peak\": 900}}");
        ChatEngine engine = ChatEngine.standard(new ChatAssistant(model, REVIEWER, LOADER, 2));
        Turn t = engine.reply(engine.start().state(), "our API does 800 rps at peak");
        assertThat(model.asked).isEmpty();
        t = engine.reply(t.state(), "it's the thing the ledger folks own");
        assertThat(model.asked).hasSize(1);
        assertThat(t.state().requirements().workload().name()).isEqualTo("ledger");
        assertThat(t.state().requirements().traffic().peak()).isEqualTo(800.0);
        assertThat(t.reply()).contains("the model read traffic.peak = 900, but your message does not say 900");
    }
}
