package dev.trafficengineer.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's standard input as the SDK reads it, with every line the SDK could not read taken out and answered
 * here. The SDK's stdio transport stops reading for good at the first line that is not a JSON-RPC message (it logs
 * "Error processing inbound message" and closes the session), which would leave a server that answers nothing and
 * never exits. So each line is checked with the same deserializer the SDK uses: a good line passes through, a blank
 * one is skipped, and a bad one gets the JSON-RPC error the specification asks for (-32700 parse error, -32600
 * invalid request, -32602 invalid params where the SDK would fail to convert them and answer "internal error") on
 * the protocol output, written under the same lock as the SDK's own writes.
 */
final class JsonRpcLineGuard extends InputStream {

    private static final Logger LOG = LoggerFactory.getLogger(JsonRpcLineGuard.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int INVALID_PARAMS = -32602;

    private final BufferedReader in;
    private final OutputStream out;
    private final McpJsonMapper mapper;
    private final Runnable onEnd;
    private final PendingRequests pending;
    private final Duration drainLimit;
    private byte[] line = new byte[0];
    private int pos;
    private boolean ended;

    /**
     * @param out        the protocol output; the SDK locks this same object while it writes a message
     * @param onEnd      called once when the input ends
     * @param pending    the requests passed on and not answered yet: the end of the input is passed on to the SDK
     *                   only when they are answered (or after {@code drainLimit}), as the SDK drops unwritten
     *                   replies at the end of its input
     */
    JsonRpcLineGuard(InputStream in, OutputStream out, McpJsonMapper mapper, Runnable onEnd,
            PendingRequests pending, Duration drainLimit) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.out = out;
        this.mapper = mapper;
        this.onEnd = onEnd;
        this.pending = pending;
        this.drainLimit = drainLimit;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return line[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, line.length - pos);
        System.arraycopy(line, pos, b, off, n);
        pos += n;
        return n;
    }

    /** Makes sure bytes of an accepted line are waiting; false at the end of the input. */
    private boolean fill() throws IOException {
        while (pos >= line.length) {
            if (ended) {
                return false;
            }
            String next = in.readLine();
            if (next == null) {
                ended = true;
                drain();
                onEnd.run();
                return false;
            }
            if (accept(next)) {
                line = (next + "\n").getBytes(StandardCharsets.UTF_8);
                pos = 0;
            }
        }
        return true;
    }

    private void drain() throws IOException {
        try {
            if (!pending.awaitAnswered(drainLimit)) {
                LOG.warn("input ended with requests still unanswered after {}; closing", drainLimit);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while answering the last requests");
        }
    }

    private boolean accept(String text) throws IOException {
        if (text.isBlank()) {
            return false;
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            reject(null, PARSE_ERROR, "Parse error: the line is not JSON (" + e.getOriginalMessage() + ")");
            return false;
        }
        JsonNode id = tree.isObject() ? tree.get("id") : null;
        try {
            McpSchema.deserializeJsonRpcMessage(mapper, text);
        } catch (IOException | RuntimeException e) {
            reject(id, INVALID_REQUEST, "Invalid Request: not a JSON-RPC 2.0 request, notification or response");
            return false;
        }
        String invalid = invalidParams(tree);
        if (invalid != null && id != null) {
            reject(id, INVALID_PARAMS, "Invalid params: " + invalid);
            return false;
        }
        pending.sent(tree);
        return true;
    }

    /**
     * What is wrong with a request's params, for the shapes the SDK would otherwise fail to convert and answer with
     * an internal error: params that are not an object, a tools/call without a tool name or with arguments that are
     * not an object.
     */
    static String invalidParams(JsonNode message) {
        JsonNode params = message.get("params");
        if (params == null || params.isNull()) {
            return null;
        }
        if (!params.isObject()) {
            return "`params` must be an object";
        }
        if ("tools/call".equals(message.path("method").asText())) {
            if (!params.path("name").isTextual()) {
                return "tools/call needs the tool's `name` as a string";
            }
            JsonNode args = params.get("arguments");
            if (args != null && !args.isNull() && !args.isObject()) {
                return "tools/call `arguments` must be an object";
            }
        }
        return null;
    }

    private void reject(JsonNode id, int code, String message) throws IOException {
        LOG.warn("rejected an input line: {}", message);
        ObjectNode error = JSON.createObjectNode();
        error.put("jsonrpc", McpSchema.JSONRPC_VERSION);
        if (id == null || !(id.isTextual() || id.isNumber())) {
            error.putNull("id");
        } else {
            error.set("id", id);
        }
        error.putObject("error").put("code", code).put("message", message);
        byte[] bytes = (JSON.writeValueAsString(error) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            out.write(bytes);
            out.flush();
        }
    }

    @Override
    public int available() {
        return line.length - pos;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
