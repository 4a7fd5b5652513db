package dev.trafficengineer.llm;

import java.util.List;

/** A chat model: messages in, one reply out. The OpenAI-compatible implementation is {@link OpenAiModelClient}. */
public interface ModelClient {

    /** Who said a message. */
    enum Role { SYSTEM, USER, ASSISTANT }

    record Message(Role role, String text) {
        public static Message system(String text) {
            return new Message(Role.SYSTEM, text);
        }

        public static Message user(String text) {
            return new Message(Role.USER, text);
        }

        public static Message assistant(String text) {
            return new Message(Role.ASSISTANT, text);
        }
    }

    /** The model's answer; {@code truncated} when it stopped at its output limit. */
    record Reply(String text, int inputTokens, int outputTokens, boolean truncated) {}

    /** The model's name, for reports. */
    String name();

    Reply chat(List<Message> messages) throws LlmException;
}
