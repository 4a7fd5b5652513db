package dev.trafficengineer.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The client's requests that have not been answered yet. The SDK's stdio transport stops writing the moment it
 * reads the end of its input, so replies still being computed would be lost when a client (or a shell pipe) closes
 * stdin right after its last request; the input guard holds the end back until this set is empty. Requests are
 * noted as they pass the guard, answers as they are written to the {@link #watch watched} output.
 */
final class PendingRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> ids = new HashSet<>();

    synchronized void sent(JsonNode message) {
        if (message.hasNonNull("method") && message.hasNonNull("id")) {
            ids.add(message.get("id").toString());
        }
    }

    synchronized void answered(JsonNode message) {
        if (!message.has("method") && message.hasNonNull("id")) {
            ids.remove(message.get("id").toString());
            notifyAll();
        }
    }

    /** Waits until every request has its answer, or {@code limit} has passed; true when none is left. */
    synchronized boolean awaitAnswered(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!ids.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** {@code out} with every line written to it read back as a JSON-RPC message, to see answers go out. */
    OutputStream watch(OutputStream out) {
        return new FilterOutputStream(out) {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                seen(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                for (int i = off; i < off + len; i++) {
                    seen(b[i]);
                }
            }

            private void seen(int b) {
                if (b != '\n') {
                    line.write(b);
                    return;
                }
                try {
                    answered(JSON.readTree(line.toString(StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    // not JSON: nothing this set waits for
                }
                line.reset();
            }
        };
    }
}
