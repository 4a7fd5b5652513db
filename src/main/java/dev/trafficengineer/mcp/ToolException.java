package dev.trafficengineer.mcp;

/**
 * A call a tool cannot carry out as asked: missing or contradictory arguments, YAML that does not parse, a path
 * outside the workspace. The message is for the assistant: it says what was wrong and what to send instead. The
 * server answers it as a tool result with {@code isError: true}, never as a protocol error.
 */
public final class ToolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ToolException(String message) {
        super(message);
    }
}
