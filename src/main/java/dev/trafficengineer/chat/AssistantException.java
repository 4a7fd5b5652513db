package dev.trafficengineer.chat;

/** The model could not answer (unreachable, timed out, out of retries, unusable output); the message says why. */
public final class AssistantException extends Exception {

    private static final long serialVersionUID = 1L;

    public AssistantException(String message) {
        super(message);
    }

    public AssistantException(String message, Throwable cause) {
        super(message, cause);
    }
}
