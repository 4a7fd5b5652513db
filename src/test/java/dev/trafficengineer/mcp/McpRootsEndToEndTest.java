package dev.trafficengineer.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trafficengineer.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that announces workspace roots: the server asks for them (roots/list) when a tool reads paths, reads
 * only under them, and no longer under its own working directory.
 */
class McpRootsEndToEndTest {

    @TempDir
    Path tmp;

    @Test
    void pathsAreReadUnderTheAnnouncedRootsOnly() throws IOException {
        Path cwd = Files.createDirectories(tmp.resolve("server-cwd"));
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.copy(Golden.root().resolve("examples/web.yaml"), project.resolve("web.yaml"));
        Files.copy(Golden.root().resolve("examples/web.yaml"), cwd.resolve("web.yaml"));
        AtomicInteger asked = new AtomicInteger();
        try (McpClient client = McpClient.start(cwd, request -> {
            asked.incrementAndGet();
            ObjectNode result = McpClient.JSON.createObjectNode();
            result.putArray("roots")
                    .add(McpClient.JSON.createObjectNode().put("uri", project.toUri().toString()).put("name", "p"))
                    .add(McpClient.JSON.createObjectNode().put("uri", "https://example.com/repo").put("name", "web"));
            return result;
        })) {
            client.initialize(true);
            JsonNode inside = client.callTool("review_manifests", paths("web.yaml"));
            assertThat(inside.path("isError").asBoolean()).as(inside.toString()).isFalse();
            assertThat(inside.at("/structuredContent/summary/files").asInt()).isEqualTo(1);
            assertThat(asked.get()).as("roots/list requests").isEqualTo(1);

            JsonNode cwdFile = client.callTool("review_manifests", paths(cwd.resolve("web.yaml").toString()));
            assertThat(cwdFile.path("isError").asBoolean()).isTrue();
            assertThat(cwdFile.at("/content/0/text").asText()).contains("outside the workspace",
                    "the workspace roots the client announced");
            assertThat(client.closeAndWait()).isZero();
        }
    }

    @Test
    void noAnnouncedRootMeansNoPathIsRead() throws IOException {
        Path cwd = Files.createDirectories(tmp.resolve("cwd"));
        Files.copy(Golden.root().resolve("examples/web.yaml"), cwd.resolve("web.yaml"));
        try (McpClient client = McpClient.start(cwd, request -> {
            ObjectNode result = McpClient.JSON.createObjectNode();
            result.putArray("roots");
            return result;
        })) {
            client.initialize(true);
            JsonNode r = client.callTool("review_manifests", paths("web.yaml"));
            assertThat(r.path("isError").asBoolean()).isTrue();
            assertThat(r.at("/content/0/text").asText()).contains("no workspace to read from",
                    "announced no local workspace folder", "`yaml`");
            assertThat(client.closeAndWait()).isZero();
        }
    }

    @Test
    void withoutRootsTheWorkspaceOptionNamesTheDirectories() throws IOException {
        Path cwd = Files.createDirectories(tmp.resolve("started-here"));
        Path project = Files.createDirectories(tmp.resolve("the-project"));
        Files.copy(Golden.root().resolve("examples/web.yaml"), project.resolve("web.yaml"));
        Files.copy(Golden.root().resolve("examples/web.yaml"), cwd.resolve("web.yaml"));
        try (McpClient client = McpClient.start(cwd, null, "--workspace", project.toString())) {
            client.initialize(false);
            JsonNode inside = client.callTool("review_manifests", paths("web.yaml"));
            assertThat(inside.path("isError").asBoolean()).as(inside.toString()).isFalse();
            JsonNode cwdFile = client.callTool("review_manifests", paths(cwd.resolve("web.yaml").toString()));
            assertThat(cwdFile.at("/content/0/text").asText()).contains("outside the workspace",
                    "the --workspace directories");
            assertThat(client.closeAndWait()).isZero();
        }
    }

    private static ObjectNode paths(String path) {
        ObjectNode a = McpClient.JSON.createObjectNode();
        a.putArray("paths").add(path);
        return a;
    }
}
