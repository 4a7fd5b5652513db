package dev.trafficengineer.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the server process starts and ends: a client that closes stdin early, bad flags, a bad config file. */
class McpLifecycleEndToEndTest {

    @TempDir
    Path tmp;

    @Test
    void aClientThatClosesStdinRightAfterItsRequestsStillGetsEveryReply() {
        ObjectNode call = McpClient.JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 2)
                .put("method", "tools/call");
        call.putObject("params").put("name", "simulate_scaling").putObject("arguments").put("yaml", """
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: web}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
                  minReplicas: 2
                  maxReplicas: 10
                  metrics:
                    - {type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}}
                """);
        try (McpClient client = McpClient.start(tmp, null)) {
            client.sendBlind(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"pipe\","
                            + "\"version\":\"0\"}}}",
                    "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                    call.toString(),
                    "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}");
            assertThat(client.closeAndWait()).as(client.stderr()).isZero();
            List<Integer> ids = new ArrayList<>();
            for (String line : client.stdoutLines()) {
                JsonNode m = json(line);
                ids.add(m.get("id").asInt());
                assertThat(m.has("result")).as(line).isTrue();
            }
            assertThat(ids).containsExactlyInAnyOrder(1, 2, 3);
        }
    }

    @Test
    void badFlagsAndABadConfigEndTheProcessWithExitTwoAndNothingOnStdout() throws IOException {
        try (McpClient client = McpClient.start(tmp, null, "--no-such-flag")) {
            assertThat(client.closeAndWait()).isEqualTo(2);
            assertThat(client.stdoutLines()).isEmpty();
            assertThat(client.stderr()).contains("--no-such-flag");
        }
        Path config = Files.writeString(tmp.resolve("bad.yaml"), "rules: [\n");
        try (McpClient client = McpClient.start(tmp, null, "--config", config.toString())) {
            assertThat(client.closeAndWait()).isEqualTo(2);
            assertThat(client.stdoutLines()).isEmpty();
        }
    }

    private static JsonNode json(String line) {
        try {
            return McpClient.JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError(line, e);
        }
    }
}
