package dev.trafficengineer.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A minimal MCP client for the end-to-end tests: it starts {@code traffic-engineer mcp} as a real process (the test
 * classpath holds the same classes the jar does) and speaks JSON-RPC with it one line at a time, as an IDE does. It
 * reads each reply before it writes the next request and closes stdin only at the end: the SDK's stdio transport
 * drops replies it has not written when input ends (see the tech brief).
 *
 * <p>It answers the server's {@code roots/list} requests with {@link #roots}, and records every line it wrote and
 * read so that a test can print the session.
 */
final class McpClient implements AutoCloseable {

    /** How long to wait for one reply before the test fails instead of hanging: a guard, not a measurement. */
    private static final long REPLY_TIMEOUT_SECONDS = 120;

    static final ObjectMapper JSON = new ObjectMapper();

    /** One line of the session: {@code true} for client to server. */
    record Line(boolean sent, String json) {}

    private final Process process;
    private final BufferedWriter stdin;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    private final StringBuffer stderr = new StringBuffer();
    private final List<Line> transcript = Collections.synchronizedList(new ArrayList<>());
    private final List<String> allStdout = Collections.synchronizedList(new ArrayList<>());
    private final Function<JsonNode, JsonNode> roots;
    private final List<Thread> readers = new ArrayList<>();
    private int nextId = 1;

    private McpClient(Process process, Function<JsonNode, JsonNode> roots) {
        this.process = process;
        this.roots = roots;
        this.stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        pump(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), true);
        pump(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), false);
    }

    /** Starts the server in {@code workingDirectory}; {@code roots} answers roots/list (null: never asked). */
    static McpClient start(Path workingDirectory, Function<JsonNode, JsonNode> roots, String... extraArgs) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "dev.trafficengineer.cli.Main", "mcp", "--llm", "none"));
        command.addAll(List.of(extraArgs));
        try {
            Process p = new ProcessBuilder(command).directory(workingDirectory.toFile()).start();
            return new McpClient(p, roots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void pump(BufferedReader reader, boolean protocol) {
        Thread t = new Thread(() -> {
            try {
                for (String line; (line = reader.readLine()) != null; ) {
                    if (protocol) {
                        allStdout.add(line);
                        stdout.add(line);
                    } else {
                        stderr.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, protocol ? "mcp-stdout" : "mcp-stderr");
        t.setDaemon(true);
        readers.add(t);
        t.start();
    }

    /** initialize, then notifications/initialized; returns the initialize result. */
    JsonNode initialize(boolean announceRoots) {
        ObjectNode params = JSON.createObjectNode();
        params.put("protocolVersion", "2025-06-18");
        ObjectNode caps = params.putObject("capabilities");
        if (announceRoots) {
            caps.putObject("roots").put("listChanged", false);
        }
        params.putObject("clientInfo").put("name", "traffic-engineer-tests").put("version", "1");
        JsonNode result = result(request("initialize", params));
        notify("notifications/initialized");
        return result;
    }

    /** Sends a request and returns the whole response (result or error). */
    JsonNode request(String method, JsonNode params) {
        int id = nextId++;
        ObjectNode msg = JSON.createObjectNode();
        msg.put("jsonrpc", "2.0");
        msg.put("id", id);
        msg.put("method", method);
        if (params != null) {
            msg.set("params", params);
        }
        send(msg.toString());
        return replyTo(id);
    }

    /** tools/call; returns the result (content, structuredContent, isError). */
    JsonNode callTool(String name, JsonNode arguments) {
        ObjectNode params = JSON.createObjectNode();
        params.put("name", name);
        params.set("arguments", arguments);
        return result(request("tools/call", params));
    }

    void notify(String method) {
        send("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\"}");
    }

    /** Writes a line as is (malformed input) and returns the next message the server writes. */
    JsonNode sendRaw(String line) {
        send(line);
        return next();
    }

    private void send(String line) {
        transcript.add(new Line(true, line));
        try {
            stdin.write(line);
            stdin.write('\n');
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the server closed its input; stderr:\n" + stderr, e);
        }
    }

    /** Reads messages until the response with this id, answering the server's own requests on the way. */
    private JsonNode replyTo(int id) {
        while (true) {
            JsonNode m = next();
            if (m.has("method") && m.has("id")) {
                answer(m);
            } else if (m.has("id") && m.get("id").asInt() == id && !m.has("method")) {
                return m;
            }
            // a notification (logging, list changed): not what this test waits for
        }
    }

    private void answer(JsonNode request) {
        ObjectNode reply = JSON.createObjectNode();
        reply.put("jsonrpc", "2.0");
        reply.set("id", request.get("id"));
        if ("roots/list".equals(request.path("method").asText()) && roots != null) {
            reply.set("result", roots.apply(request));
        } else {
            reply.putObject("error").put("code", -32601).put("message", "not supported by the test client");
        }
        send(reply.toString());
    }

    private JsonNode next() {
        try {
            String line = stdout.poll(REPLY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("no reply from the server within " + REPLY_TIMEOUT_SECONDS
                        + " s (alive: " + process.isAlive() + "); stderr:\n" + stderr);
            }
            transcript.add(new Line(false, line));
            return JSON.readTree(line);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (IOException e) {
            throw new AssertionError("the server wrote a line that is not JSON", e);
        }
    }

    static JsonNode result(JsonNode response) {
        if (!response.has("result")) {
            throw new AssertionError("expected a result, got " + response);
        }
        return response.get("result");
    }

    List<Line> transcript() {
        return List.copyOf(transcript);
    }

    /** Every line the server wrote to stdout so far. */
    List<String> stdoutLines() {
        return List.copyOf(allStdout);
    }

    String stderr() {
        return stderr.toString();
    }

    /** Writes lines without reading any reply, as a shell pipe does; {@link #closeAndWait} may follow at once. */
    void sendBlind(String... lines) {
        for (String line : lines) {
            send(line);
        }
    }

    /** Closes stdin, as a client does at the end, and returns the exit code. */
    int closeAndWait() {
        try {
            stdin.close();
            if (!process.waitFor(REPLY_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the server did not exit after stdin closed; stderr:\n" + stderr);
            }
            int exit = process.exitValue();
            drainReaders();
            return exit;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Lets the reader threads take in what the process wrote before it exited. */
    private void drainReaders() throws InterruptedException {
        for (Thread t : readers) {
            t.join(TimeUnit.SECONDS.toMillis(REPLY_TIMEOUT_SECONDS));
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
