package dev.trafficengineer.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JsonRpcLineGuardTest {

    @Test
    void passesMessagesAndAnswersTheRest() throws IOException {
        String input = String.join("\n",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
                "",
                "not json",
                "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"x\":1}",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":[1]}",
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"arguments\":{}}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}") + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicInteger ended = new AtomicInteger();
        JsonRpcLineGuard guard = new JsonRpcLineGuard(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                out, new JacksonMcpJsonMapper(new ObjectMapper()), ended::incrementAndGet,
                new PendingRequests(), Duration.ZERO);
        String passed = new String(guard.readAllBytes(), StandardCharsets.UTF_8);
        assertThat(passed).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\n"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n");
        assertThat(ended.get()).isEqualTo(1);
        assertThat(guard.read()).isEqualTo(-1);
        assertThat(ended.get()).as("the end is told once").isEqualTo(1);
        String[] answers = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(answers).hasSize(4);
        assertThat(answers[0]).startsWith("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,");
        assertThat(answers[1]).startsWith("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"error\":{\"code\":-32600,");
        assertThat(answers[2]).startsWith("{\"jsonrpc\":\"2.0\",\"id\":2,\"error\":{\"code\":-32602,")
                .contains("must be an object");
        assertThat(answers[3]).contains("\"id\":3", "-32602", "tool's `name`");
    }
}
