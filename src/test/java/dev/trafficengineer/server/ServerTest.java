package dev.trafficengineer.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trafficengineer.chat.Assistant;
import dev.trafficengineer.chat.ChatEngine;
import dev.trafficengineer.draft.DraftService;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.metrics.LlmMetrics;
import dev.trafficengineer.metrics.Metrics;
import dev.trafficengineer.review.Config;
import dev.trafficengineer.review.ReviewService;
import dev.trafficengineer.review.Reviewer;
import dev.trafficengineer.review.RuleCatalog;
import dev.trafficengineer.rules.ReviewOptions;
import dev.trafficengineer.testing.Cli;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP API over real sockets, with the JDK's HTTP client: routes, limits, tokens and sealed state. */
class ServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] KEY = "a-test-key-of-32-bytes-at-least!".getBytes(StandardCharsets.UTF_8);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private Server server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Server.Options options(String token, long maxBody, Duration timeout, int concurrency) {
        return new Server.Options("127.0.0.1", 0, token, KEY, maxBody, timeout, concurrency, 2);
    }

    private Server start(Server.Options o) throws IOException {
        return start(o, Map.of());
    }

    private Server start(Server.Options o, Map<String, Server.Route> extra) throws IOException {
        ManifestLoader loader = new ManifestLoader("default");
        Reviewer reviewer = new Reviewer(RuleCatalog.standard(), ReviewOptions.DEFAULT, Config.EMPTY);
        DraftService drafts = new DraftService(reviewer, loader);
        Metrics metrics = new Metrics();
        LlmMetrics.in(metrics);
        if (extra.isEmpty()) {
            server = Server.start(o, new ChatEngine(drafts, loader, Assistant.NONE), new ReviewService(reviewer,
                    loader), drafts, loader, metrics);
        } else {
            server = new Server(o, metrics, extra);
        }
        return server;
    }

    private Server start() throws IOException {
        return start(options(null, Server.Options.DEFAULT_MAX_BODY, Duration.ofSeconds(60), 4));
    }

    private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(60));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode chat(String state, String message) throws Exception {
        ObjectNode req = JSON.createObjectNode().put("message", message);
        if (state != null) {
            req.put("state", state);
        }
        HttpResponse<String> r = post("/v1/chat", req.toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        return JSON.readTree(r.body());
    }

    private static void assertError(HttpResponse<String> r, int status, String message) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(JSON.readTree(r.body()).path("error").asText()).contains(message);
    }

    @Test
    void healthz() throws Exception {
        start();
        HttpResponse<String> r = get("/healthz");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).path("status").asText()).isEqualTo("ok");
    }

    @Test
    void aConversationFromTheFirstSentenceToReviewedManifests() throws Exception {
        start();
        JsonNode greeting = chat(null, "");
        assertThat(greeting.path("reply").asText()).startsWith("Hi!");
        assertThat(greeting.path("manifests").isNull()).isTrue();
        JsonNode t = chat(greeting.path("state").asText(), "our API does 800 rps at peak");
        assertThat(t.path("requirements").toString()).isEqualTo(
                "{\"workload\":{\"type\":\"http\"},\"traffic\":{\"peak\":800,\"unit\":\"rps\"}}");
        assertThat(t.path("question").path("id").asText()).isEqualTo("WORKLOAD");
        t = chat(t.path("state").asText(), "");
        t = chat(t.path("state").asText(), "");
        assertThat(t.path("manifests").asText()).contains("kind: HorizontalPodAutoscaler");
        assertThat(t.path("findings").isArray()).isTrue();
        assertThat(t.path("findings")).allSatisfy(f -> assertThat(f.path("severity").asText()).isEqualTo("info"));
        assertThat(t.path("simulation").path("run").path("peakReplicas").asInt()).isPositive();
        t = chat(t.path("state").asText(), "max 20 replicas");
        assertThat(t.path("reply").asText()).contains("spec.maxReplicas 29 → 20");
        assertThat(t.path("requirements").path("bounds").path("max").asInt()).isEqualTo(20);
        JsonNode save = chat(t.path("state").asText(), "/save out.yaml");
        assertThat(save.path("reply").asText()).contains("the manifests are in this response's `manifests`");
        assertThat(chat(t.path("state").asText(), "/quit").path("done").asBoolean()).isTrue();
    }

    @Test
    void aTamperedStateIsRefusedWithoutACrash() throws Exception {
        start();
        String state = chat(null, "our API does 800 rps at peak").path("state").asText();
        String data = state.substring(0, state.indexOf('.'));
        String mac = state.substring(state.indexOf('.') + 1);
        byte[] bytes = Base64.getUrlDecoder().decode(data);
        bytes[bytes.length / 2] ^= 1;
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "." + mac;
        assertError(post("/v1/chat", JSON.createObjectNode().put("state", tampered).put("message", "hi")
                .toString()), 400, "the state was changed, or sealed with another key");
        String otherKey = new StateSeal("another-key-another-key!".getBytes(StandardCharsets.UTF_8))
                .seal(dev.trafficengineer.chat.ChatState.initial());
        assertError(post("/v1/chat", JSON.createObjectNode().put("state", otherKey).put("message", "hi")
                .toString()), 400, "sealed with another key");
        assertError(post("/v1/chat", "{\"state\": \"nonsense\", \"message\": \"hi\"}"), 400,
                "not one this server handed out");
        assertError(post("/v1/chat", "{\"state\": {\"version\": 1}, \"message\": \"hi\"}"), 400,
                "`state` must be the string the last reply returned");
        assertError(post("/v1/chat", "{\"message\": 42}"), 400, "`message` must be a string");
        assertError(post("/v1/chat", "not json"), 400, "the body must be a JSON object");
        // and the server still serves
        assertThat(chat(state, "max 20 replicas").path("reply").asText()).startsWith("Noted: at most 20");
    }

    @Test
    void aValidlySealedButInvalidStateIsRefused() throws Exception {
        start();
        // sealed with the server's own key but not a state this version writes: validated after the MAC
        StateSeal seal = new StateSeal(KEY);
        String forged = seal.seal(new dev.trafficengineer.chat.ChatState(1, null, null, null, "NO_SUCH_QUESTION",
                null, false, null, null));
        assertError(post("/v1/chat", JSON.createObjectNode().put("state", forged).put("message", "hi")
                .toString()), 400, "unknown question");
    }

    @Test
    void reviewTakesYamlOrJson() throws Exception {
        start();
        String hpa = "apiVersion: autoscaling/v2beta2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\n"
                + "spec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  maxReplicas: 5\n";
        HttpResponse<String> r = post("/v1/review", hpa);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode json = JSON.readTree(r.body());
        assertThat(json.path("findings").get(0).path("ruleId").asText()).isEqualTo("api/removed-version");
        assertThat(json.path("findings").get(0).path("file").asText()).isEqualTo("request.yaml");
        JsonNode same = JSON.readTree(post("/v1/review", JSON.createObjectNode().put("yaml", hpa)
                .put("name", "web.yaml").toString()).body());
        assertThat(same.path("summary")).isEqualTo(json.path("summary"));
        assertThat(same.path("findings").get(0).path("file").asText()).isEqualTo("web.yaml");
        assertError(post("/v1/review", ""), 400, "the body is empty");
    }

    @Test
    void draftTakesRequirements() throws Exception {
        start();
        HttpResponse<String> r = post("/v1/draft", "workload: {name: checkout, type: http}\n"
                + "traffic: {baseline: 50, peak: 800}\ncapacity: {perPod: 80}\n");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode json = JSON.readTree(r.body());
        assertThat(json.path("yaml").asText()).contains("name: checkout");
        assertThat(json.path("review").path("summary").path("error").asInt()).isZero();
        assertThat(json.path("simulation").path("run").isObject()).isTrue();
        JsonNode wrapped = JSON.readTree(post("/v1/draft", "{\"requirements\": {\"traffic\": {\"peak\": 300}}}")
                .body());
        assertThat(wrapped.path("yaml").asText()).contains("kind: HorizontalPodAutoscaler");
        HttpResponse<String> bad = post("/v1/draft", "traffic: {peak: -5, colour: blue}\n");
        assertError(bad, 400, "the requirements cannot be used");
        assertThat(JSON.readTree(bad.body()).path("problems")).isNotEmpty();
    }

    @Test
    void simulateTakesManifestsAndTraffic() throws Exception {
        start();
        String hpa = "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n"
                + "  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 2\n"
                + "  maxReplicas: 10\n  metrics:\n  - type: Resource\n    resource:\n      name: cpu\n"
                + "      target: {type: Utilization, averageUtilization: 70}\n";
        ObjectNode req = JSON.createObjectNode().put("yaml", hpa).put("pattern", "spike").put("base", 100)
                .put("peak", 600).put("ramp", "2m").put("capacity", 100).put("compare", "3 replicas");
        HttpResponse<String> r = post("/v1/simulate", req.toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"summary\"");
        assertError(post("/v1/simulate", req.deepCopy().put("pattern", "wavy").toString()), 400,
                "`pattern` must be steady, diurnal, spike or ramp");
        assertError(post("/v1/simulate", req.deepCopy().put("peakHour", 3).toString()), 400,
                "does not shape the spike pattern");
        assertError(post("/v1/simulate", JSON.createObjectNode().put("yaml", "kind: [").toString()), 400,
                "request.yaml:1:");
        assertError(post("/v1/simulate", req.deepCopy().put("colour", "blue").toString()), 400,
                "unknown field `colour`");
        HttpResponse<String> svg = post("/v1/simulate", req.deepCopy().put("format", "svg").toString());
        assertThat(svg.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
    }

    @Test
    void unknownRoutesAndMethods() throws Exception {
        start();
        assertError(get("/v2/everything"), 404, "no such route");
        HttpResponse<String> r = get("/v1/chat");
        assertError(r, 405, "/v1/chat takes POST");
        assertThat(r.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        start(options(null, 1024, Duration.ofSeconds(60), 4));
        assertError(post("/v1/review", "#".repeat(2048)), 413, "larger than 1024 bytes");
        assertThat(post("/v1/review", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aSaturatedServerAnswers503WithRetryAfter() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Server.Route block = new Server.Route("POST", true, true, body -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Response.json(200, JSON.createObjectNode().put("done", true));
        });
        start(options(null, 1024, Duration.ofSeconds(60), 1), Map.of("/test/block", block));
        CompletableFuture<HttpResponse<String>> first = client.sendAsync(HttpRequest.newBuilder(
                URI.create(server.url() + "/test/block")).POST(HttpRequest.BodyPublishers.ofString("")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
        HttpResponse<String> second = post("/test/block", "");
        assertError(second, 503, "busy");
        assertThat(second.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(get("/healthz").statusCode()).isEqualTo(200); // health is never held back
        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void workBeyondTheTimeoutIs503() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Server.Route slow = new Server.Route("POST", true, true, body -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Response.json(200, JSON.createObjectNode());
        });
        start(options(null, 1024, Duration.ofMillis(200), 2), Map.of("/test/slow", slow));
        try {
            HttpResponse<String> r = post("/test/slow", "");
            assertError(r, 503, "took longer than");
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
        } finally {
            release.countDown();
        }
    }

    @Test
    void aTokenGuardsEverythingButHealth() throws Exception {
        start(options("s3cret-token", Server.Options.DEFAULT_MAX_BODY, Duration.ofSeconds(60), 2));
        String body = "{\"message\": \"\"}";
        HttpResponse<String> none = post("/v1/chat", body);
        assertError(none, 401, "a bearer token is required");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertError(post("/v1/chat", body, "Authorization", "Bearer wrong"), 401, "bearer token");
        assertThat(post("/v1/chat", body, "Authorization", "Bearer s3cret-token").statusCode()).isEqualTo(200);
        assertThat(get("/healthz").statusCode()).isEqualTo(200);
        assertThat(get("/metrics").statusCode()).isEqualTo(401);
        assertThat(get("/metrics", "Authorization", "Bearer s3cret-token").statusCode()).isEqualTo(200);
    }

    @Test
    void beyondLoopbackATokenIsRequired() {
        Server.Options open = new Server.Options("0.0.0.0", 0, null, KEY, 1024, Duration.ofSeconds(1), 1, 1);
        assertThatThrownBy(() -> start(open)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("set a token");
        Cli.Result r = Cli.run("serve", "--bind", "0.0.0.0", "--port", "0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("set a token (--token or TRAFFIC_ENGINEER_TOKEN)");
    }

    @Test
    void metricsCountRequestsByRouteAndStatus() throws Exception {
        start();
        chat(null, "");
        post("/v1/chat", "nope");
        get("/nowhere");
        String text = get("/metrics").body();
        assertThat(text).contains("# TYPE traffic_engineer_http_requests_total counter",
                "traffic_engineer_http_requests_total{route=\"/v1/chat\",status=\"200\"} 1",
                "traffic_engineer_http_requests_total{route=\"/v1/chat\",status=\"400\"} 1",
                "traffic_engineer_http_requests_total{route=\"other\",status=\"404\"} 1",
                "# TYPE traffic_engineer_http_request_duration_seconds histogram",
                "traffic_engineer_http_request_duration_seconds_bucket{route=\"/v1/chat\",le=\"+Inf\"} 2",
                "traffic_engineer_http_request_duration_seconds_count{route=\"/v1/chat\"} 2",
                "traffic_engineer_llm_calls_total{outcome=\"ok\"} 0",
                "traffic_engineer_llm_tokens_total{kind=\"input\"} 0");
    }
}
