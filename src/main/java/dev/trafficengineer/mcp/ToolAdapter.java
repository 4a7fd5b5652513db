package dev.trafficengineer.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.trafficengineer.manifest.SecretValues;
import dev.trafficengineer.simulate.SimulationInputException;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an {@link McpTool} into the SDK's tool specification, and every outcome of a call into a tool result: the
 * answer (text, then the structured result as JSON text too, for clients that read only text), a bad call
 * ({@code isError} with the tool's message), or a bug ({@code isError}, logged with its stack trace to stderr). An
 * exception never reaches the SDK, which would answer it as a JSON-RPC internal error. Everything sent back passes
 * through the call's {@link SecretValues} first.
 */
final class ToolAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ToolAdapter.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final McpTool tool;
    private final Function<McpSyncServerExchange, Workspace> workspace;

    ToolAdapter(McpTool tool, Function<McpSyncServerExchange, Workspace> workspace) {
        this.tool = tool;
        this.workspace = workspace;
    }

    /** The workspace of a call: the client's roots, else the engine's default workspace. */
    static Function<McpSyncServerExchange, Workspace> roots(Engine engine) {
        Workspace fallback = ClientRoots.fallback(engine.workspace(), engine.workingDirectory(),
                Path.of(System.getProperty("user.home")));
        return exchange -> ClientRoots.workspace(exchange, fallback);
    }

    SyncToolSpecification specification(McpJsonMapper mapper) {
        McpSchema.Tool definition = McpSchema.Tool.builder()
                .name(tool.name())
                .title(tool.title())
                .description(tool.description())
                .inputSchema(mapper, ToolSchemas.text(tool.inputSchema()))
                .outputSchema(mapper, ToolSchemas.text(tool.outputSchema()))
                .annotations(McpSchema.ToolAnnotations.builder()
                        .title(tool.title())
                        .readOnlyHint(true)
                        .destructiveHint(false)
                        .idempotentHint(true)
                        .openWorldHint(false)
                        .build())
                .build();
        return SyncToolSpecification.builder()
                .tool(definition)
                .callHandler((exchange, request) -> call(exchange, Args.of(request.arguments())))
                .build();
    }

    /** One call, start to answer; public to the package so that tests can call a tool without a transport. */
    McpSchema.CallToolResult call(McpSyncServerExchange exchange, Args args) {
        CallContext context = new CallContext(() -> workspace.apply(exchange));
        try {
            ToolOutput out = tool.call(args, context);
            SecretValues secrets = context.secrets();
            JsonNode structured = secrets.redact(out.structured());
            return McpSchema.CallToolResult.builder()
                    .addTextContent(secrets.redact(out.text()))
                    .addTextContent(json(structured))
                    .structuredContent(structured)
                    .isError(false)
                    .build();
        } catch (ToolException | SimulationInputException e) {
            LOG.debug("{}: bad call: {}", tool.name(), e.getMessage());
            return error(context.secrets().redact(e.getMessage()));
        } catch (RuntimeException | StackOverflowError e) {
            // a bug of ours: say so and keep serving; the trace goes to stderr, its message scrubbed of secrets too
            String what = context.secrets().redact(e.toString());
            RuntimeException logged = new RuntimeException(what);
            logged.setStackTrace(e.getStackTrace());
            LOG.error("{} failed", tool.name(), logged);
            return error("internal error in " + tool.name() + ": " + what
                    + ". This is a bug in traffic-engineer; the server is still running. Please report it.");
        }
    }

    private static McpSchema.CallToolResult error(String message) {
        return McpSchema.CallToolResult.builder().addTextContent(message).isError(true).build();
    }

    private static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
