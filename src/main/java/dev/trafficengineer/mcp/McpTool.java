package dev.trafficengineer.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One tool of the server: its name and documentation as the assistant sees them, its input and output schemas, and
 * the call. A call returns a {@link ToolOutput} or throws {@link ToolException} for a bad call; the server turns
 * both into tool results, and any other exception into an error result that says it is a bug.
 */
interface McpTool {

    String name();

    String title();

    /** What the tool does and when to call it: this is what the assistant reads to choose a tool. */
    String description();

    ObjectNode inputSchema();

    ObjectNode outputSchema();

    ToolOutput call(Args args, CallContext context);
}
