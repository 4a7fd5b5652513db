package dev.trafficengineer.chat;

/** One answer of the engine: what to say, the conversation's new state, and what the front end should do. */
public record Turn(String reply, ChatState state, Effect effect) {

    public Turn(String reply, ChatState state) {
        this(reply, state, Effect.NONE);
    }
}
