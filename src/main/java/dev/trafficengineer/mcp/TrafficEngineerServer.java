package dev.trafficengineer.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The MCP server: the tools over the engine, the rule docs as resources, and instructions that tell the assistant
 * how to use them. {@link #serve} runs it over a pair of streams (stdin and stdout in production) until the input
 * ends.
 */
public final class TrafficEngineerServer {

    public static final String NAME = "traffic-engineer";

    /** How long a request to the client (roots/list) may take before the call goes on without its answer. */
    private static final Duration CLIENT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** How long the requests of a client that closed its input may still take to be answered. */
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(2);

    private final Engine engine;
    private final String version;

    public TrafficEngineerServer(Engine engine, String version) {
        this.engine = engine;
        this.version = version;
    }

    List<McpTool> tools() {
        List<McpTool> tools = new ArrayList<>();
        tools.add(new ReviewManifestsTool(engine));
        tools.add(new DraftAutoscalingTool(engine));
        tools.add(new RefineAutoscalingTool(engine));
        tools.add(new SimulateScalingTool(engine));
        tools.add(new CheckPromqlTool());
        tools.add(new ExplainRuleTool(engine.registry()));
        return tools;
    }

    /** Builds the server on a transport; it serves from then on, on the transport's threads. */
    public McpSyncServer start(McpServerTransportProvider transport, McpJsonMapper mapper) {
        RuleResources docs = new RuleResources(engine.registry());
        var workspace = ToolAdapter.roots(engine);
        return McpServer.sync(transport)
                .serverInfo(NAME, version)
                .instructions(instructions())
                .capabilities(McpSchema.ServerCapabilities.builder()
                        .tools(false)
                        .resources(false, false)
                        .build())
                .jsonMapper(mapper)
                .requestTimeout(CLIENT_REQUEST_TIMEOUT)
                .tools(tools().stream().map(t -> new ToolAdapter(t, workspace).specification(mapper)).toList())
                .resources(docs.resources())
                .resourceTemplates(docs.template())
                .build();
    }

    /**
     * Serves over {@code in} and {@code out} until {@code in} ends. The SDK's transport reads on its own thread and
     * does not tell when input ends, so the input is watched here (by the guard that also keeps lines the SDK
     * cannot read away from it): at its end, once every request read has been answered, the server closes and this
     * returns.
     */
    public void serve(InputStream in, OutputStream out) throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(1);
        McpJsonMapper mapper = new JacksonMcpJsonMapper(new ObjectMapper());
        PendingRequests pending = new PendingRequests();
        OutputStream watched = pending.watch(out);
        InputStream guarded = new JsonRpcLineGuard(in, watched, mapper, ended::countDown, pending, DRAIN_LIMIT);
        McpSyncServer server = start(new StdioServerTransportProvider(mapper, guarded, watched), mapper);
        ended.await();
        server.closeGracefully();
    }

    /** What the assistant is told at initialize: the workflow the tools are made for. */
    static String instructions() {
        try (InputStream in = TrafficEngineerServer.class.getResourceAsStream("/mcp/instructions.md")) {
            if (in == null) {
                throw new IllegalStateException("missing from the jar: /mcp/instructions.md");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
