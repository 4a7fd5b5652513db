package dev.trafficengineer.llm;

/** A model call that failed; {@link #kind()} says how, the message what to do about it. It never holds the key. */
public final class LlmException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Kind { TIMEOUT, RATE_LIMITED, SERVER_ERROR, AUTHENTICATION, BAD_REQUEST, UNREACHABLE, OTHER }

    private final Kind kind;

    public LlmException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
