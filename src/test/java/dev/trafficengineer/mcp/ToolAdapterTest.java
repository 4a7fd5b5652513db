package dev.trafficengineer.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.source.SourceText;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** How the adapter turns each outcome of a tool into a result, with fake tools that answer, refuse and fail. */
class ToolAdapterTest {

    private static final String SECRET_YAML = """
            apiVersion: v1
            kind: Secret
            metadata: {name: db}
            stringData: {password: adapter-secret-42}
            """;

    /** A tool whose call is the given function; it reads SECRET_YAML first, as a tool that loads manifests does. */
    private record FakeTool(BiFunction<Args, CallContext, ToolOutput> body) implements McpTool {
        @Override
        public String name() {
            return "fake";
        }

        @Override
        public String title() {
            return "Fake";
        }

        @Override
        public String description() {
            return "A tool for tests.";
        }

        @Override
        public ObjectNode inputSchema() {
            return JsonNodeFactory.instance.objectNode().put("type", "object");
        }

        @Override
        public ObjectNode outputSchema() {
            return JsonNodeFactory.instance.objectNode().put("type", "object");
        }

        @Override
        public ToolOutput call(Args args, CallContext context) {
            context.read(List.of(new ManifestLoader("default").load(new SourceText("s.yaml", SECRET_YAML), false)));
            return body.apply(args, context);
        }
    }

    private static McpSchema.CallToolResult call(BiFunction<Args, CallContext, ToolOutput> body) {
        ToolAdapter adapter = new ToolAdapter(new FakeTool(body), exchange -> Workspace.of(List.of(Path.of("")), "t"));
        return adapter.call(null, Args.of(Map.of("x", 1)));
    }

    private static String text(McpSchema.CallToolResult r, int i) {
        return ((McpSchema.TextContent) r.content().get(i)).text();
    }

    @Test
    void anAnswerIsTextThenJsonAndTheStructuredResultScrubbedOfSecrets() {
        McpSchema.CallToolResult r = call((args, ctx) -> new ToolOutput("saw adapter-secret-42",
                JsonNodeFactory.instance.objectNode().put("value", "adapter-secret-42").put("x", args.integer("x"))));
        assertThat(r.isError()).isFalse();
        assertThat(text(r, 0)).isEqualTo("saw [redacted]");
        assertThat(text(r, 1)).contains("\"value\" : \"[redacted]\"", "\"x\" : 1");
        assertThat(r.structuredContent().toString()).isEqualTo("{\"value\":\"[redacted]\",\"x\":1}");
    }

    @Test
    void aBadCallIsAnErrorResultWithTheToolsMessage() {
        McpSchema.CallToolResult r = call((args, ctx) -> {
            throw new ToolException("`yaml` is required; adapter-secret-42 was seen");
        });
        assertThat(r.isError()).isTrue();
        assertThat(text(r, 0)).isEqualTo("`yaml` is required; [redacted] was seen");
        assertThat(r.structuredContent()).isNull();
    }

    @Test
    void aBugIsAnErrorResultThatSaysSoAndTheServerGoesOn() {
        McpSchema.CallToolResult r = call((args, ctx) -> {
            throw new IllegalStateException("broken near adapter-secret-42");
        });
        assertThat(r.isError()).isTrue();
        assertThat(text(r, 0)).startsWith("internal error in fake: java.lang.IllegalStateException: broken near"
                + " [redacted]").contains("still running");
    }

    @Test
    void argumentsOfTheWrongTypeNameTheArgument() {
        McpSchema.CallToolResult r = call((args, ctx) -> new ToolOutput(args.text("x"),
                JsonNodeFactory.instance.objectNode()));
        assertThat(r.isError()).isTrue();
        assertThat(text(r, 0)).isEqualTo("`x` must be a string");
    }
}
