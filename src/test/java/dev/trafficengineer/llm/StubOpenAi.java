package dev.trafficengineer.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local OpenAI-compatible endpoint that replays recorded replies, so the real langchain4j client runs over HTTP
 * in tests. It records every request body.
 */
final class StubOpenAi implements AutoCloseable {

    /** One recorded reply: an HTTP status, a body, and a delay before answering (to provoke timeouts). */
    record Reply(int status, String body, long delayMillis) {

        /** A chat completion whose message is {@code content}. */
        static Reply completion(String content, int promptTokens, int completionTokens, String finish) {
            var n = JSON.createObjectNode();
            n.put("id", "chatcmpl-stub").put("object", "chat.completion").put("created", 1700000000)
                    .put("model", "stub-model");
            var choice = n.putArray("choices").addObject();
            choice.put("index", 0);
            choice.putObject("message").put("role", "assistant").put("content", content);
            choice.put("finish_reason", finish);
            n.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                    .put("total_tokens", promptTokens + completionTokens);
            return new Reply(200, n.toString(), 0);
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ConcurrentLinkedDeque<Reply> replies = new ConcurrentLinkedDeque<>();
    final List<JsonNode> requests = new CopyOnWriteArrayList<>();

    StubOpenAi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(JSON.readTree(body));
            Reply r = replies.poll();
            if (r == null) {
                r = new Reply(500, "{\"error\":{\"message\":\"no recorded reply left\"}}", 0);
            }
            try {
                Thread.sleep(r.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            try {
                ex.sendResponseHeaders(r.status(), bytes.length);
                ex.getResponseBody().write(bytes);
            } catch (IOException clientGone) {
                // the client timed out and closed the connection: nothing to answer
            }
            ex.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    StubOpenAi then(Reply reply) {
        replies.add(reply);
        return this;
    }

    /**
     * Replies recorded in a golden case: {@code golden/llm/<case>/reply-N.md} is the content of the N-th answer;
     * {@code reply-N.status} (optional) an HTTP status to answer with instead, {@code reply-N.delay} (optional)
     * milliseconds to wait.
     */
    StubOpenAi replay(Path dir) {
        try {
            for (int i = 1; ; i++) {
                Path content = dir.resolve("reply-" + i + ".md");
                Path status = dir.resolve("reply-" + i + ".status");
                if (!Files.exists(content) && !Files.exists(status)) {
                    return this;
                }
                long delay = Files.exists(dir.resolve("reply-" + i + ".delay"))
                        ? Long.parseLong(Files.readString(dir.resolve("reply-" + i + ".delay")).trim()) : 0;
                if (Files.exists(status)) {
                    int code = Integer.parseInt(Files.readString(status).trim());
                    then(new Reply(code, "{\"error\":{\"message\":\"recorded failure " + code + "\"}}", delay));
                } else {
                    Reply r = Reply.completion(Files.readString(content), 900 + i, 300 + i, "stop");
                    then(new Reply(r.status(), r.body(), delay));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
