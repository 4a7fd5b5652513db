package dev.trafficengineer.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.trafficengineer.chat.ChatEngine;
import dev.trafficengineer.draft.DraftService;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.metrics.Metrics;
import dev.trafficengineer.review.ReviewService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code traffic-engineer serve}: the engine over HTTP with the JDK's server. Stateless between requests (the chat
 * state travels sealed in each reply), so replicas sharing a state key can serve any turn.
 *
 * <p>Limits: a body larger than {@code maxBodyBytes} is refused with 413 before it is read; at most
 * {@code maxConcurrent} requests do work at once, and one more is answered 503 with {@code Retry-After}; work that
 * takes longer than {@code requestTimeout} is answered 503 (the work finishes in the background and only then frees
 * its slot, so the bound holds). With a token, every route but {@code /healthz} needs {@code Authorization: Bearer
 * <token>}. Every error is JSON: {@code {"error": "…"}}.
 */
public final class Server implements AutoCloseable {

    /** How the server listens and what it allows. */
    public record Options(String bind, int port, String token, byte[] stateKey, long maxBodyBytes,
            Duration requestTimeout, int maxConcurrent, int retryAfterSeconds) {

        public static final long DEFAULT_MAX_BODY = 1024 * 1024;
        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
        public static final int DEFAULT_CONCURRENCY = Math.max(2, Runtime.getRuntime().availableProcessors());

        public Options {
            if (maxBodyBytes < 1 || maxConcurrent < 1 || requestTimeout.isNegative() || requestTimeout.isZero()) {
                throw new IllegalArgumentException("limits must be positive");
            }
        }

        /** Beyond loopback, anyone on the network can reach the server: a token is then required. */
        public boolean loopback() {
            try {
                return InetAddress.getByName(bind).isLoopbackAddress();
            } catch (IOException e) {
                return false;
            }
        }
    }

    /** A route: its method, whether it needs the token, whether it counts against the concurrency limit. */
    record Route(String method, boolean authenticated, boolean limited, Handler handler) {}

    /** A route's work: the body in, a response out. */
    @FunctionalInterface
    interface Handler {
        Response handle(byte[] body) throws ApiException;
    }

    private static final double[] LATENCY_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

    private final Options options;
    private final Metrics metrics;
    private final Map<String, Route> routes = new LinkedHashMap<>();
    private final Semaphore slots;
    private final ExecutorService workers;
    private final HttpServer http;
    private final Metrics.Counter requests;
    private final Metrics.Histogram latency;
    private final Metrics.Gauge inFlight;

    /** Starts listening; {@code port} 0 picks a free port ({@link #port()} tells which). */
    public static Server start(Options options, ChatEngine chat, ReviewService reviews, DraftService drafts,
            ManifestLoader loader, Metrics metrics) throws IOException {
        Api api = new Api(chat, reviews, drafts, loader, new StateSeal(options.stateKey()));
        Map<String, Route> routes = new LinkedHashMap<>();
        routes.put("/v1/chat", new Route("POST", true, true, api::chat));
        routes.put("/v1/review", new Route("POST", true, true, api::review));
        routes.put("/v1/draft", new Route("POST", true, true, api::draft));
        routes.put("/v1/simulate", new Route("POST", true, true, api::simulate));
        return new Server(options, metrics, routes);
    }

    /** For tests: a server with extra routes. */
    Server(Options options, Metrics metrics, Map<String, Route> extra) throws IOException {
        if (!options.loopback() && (options.token() == null || options.token().isEmpty())) {
            throw new IllegalArgumentException("binding to " + options.bind() + " reaches beyond this machine: set"
                    + " a token (--token or TRAFFIC_ENGINEER_TOKEN) so that only its holders can call the API");
        }
        this.options = options;
        this.metrics = metrics;
        this.slots = new Semaphore(options.maxConcurrent());
        this.workers = Executors.newFixedThreadPool(options.maxConcurrent(), daemon("traffic-engineer-work"));
        this.requests = metrics.counter("traffic_engineer_http_requests_total", "HTTP requests, by route and status.",
                "route", "status");
        this.latency = metrics.histogram("traffic_engineer_http_request_duration_seconds",
                "Time from a request's arrival to its response, by route.", LATENCY_BUCKETS, "route");
        this.inFlight = metrics.gauge("traffic_engineer_http_requests_in_flight", "Requests being served now.");
        inFlight.add(0);
        routes.put("/healthz", new Route("GET", false, false, body -> Response.json(200,
                Response.JSON.createObjectNode().put("status", "ok"))));
        routes.put("/metrics", new Route("GET", true, false, body -> Response.text(200,
                "text/plain; version=0.0.4; charset=utf-8", metrics.render())));
        routes.putAll(extra);
        this.http = HttpServer.create(new InetSocketAddress(options.bind(), options.port()), 64);
        // threads that accept and answer; the work itself runs on the bounded pool above
        http.setExecutor(Executors.newFixedThreadPool(options.maxConcurrent() + 8, daemon("traffic-engineer-http")));
        http.createContext("/", this::exchange);
        http.start();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public String url() {
        String host = options.bind().contains(":") ? "[" + options.bind() + "]" : options.bind();
        return "http://" + host + ":" + port();
    }

    /** Says where it listens and how state is protected, on the given writer (standard error for the command). */
    public void describe(PrintWriter err, boolean randomKey) {
        err.println("traffic-engineer: listening on " + url() + " (POST /v1/chat, /v1/review, /v1/draft,"
                + " /v1/simulate; GET /healthz, /metrics)");
        if (randomKey) {
            err.println("traffic-engineer: chat states are sealed with a key made for this process: they do not"
                    + " survive a restart or move between replicas; set --state-key or TRAFFIC_ENGINEER_STATE_KEY"
                    + " to share one");
        }
        err.flush();
    }

    private void exchange(HttpExchange ex) {
        long start = System.nanoTime();
        String path = ex.getRequestURI().getPath();
        Route route = routes.get(path);
        String label = route == null ? "other" : path;
        inFlight.add(1);
        Response response;
        try {
            response = dispatch(ex, route);
        } catch (RuntimeException | Error e) {
            response = Response.error(500, "internal error (" + e.getClass().getSimpleName() + "); please report"
                    + " it");
        } finally {
            inFlight.add(-1);
        }
        send(ex, response);
        requests.inc(label, String.valueOf(response.status()));
        latency.observe((System.nanoTime() - start) / 1e9, label);
    }

    private Response dispatch(HttpExchange ex, Route route) {
        if (route == null) {
            return Response.error(404, "no such route: " + ex.getRequestURI().getPath() + "; the routes are POST "
                    + String.join(", ", Api.routes()) + " and GET /healthz, /metrics");
        }
        if (!route.method().equals(ex.getRequestMethod())) {
            return Response.error(405, ex.getRequestURI().getPath() + " takes " + route.method())
                    .withHeader("Allow", route.method());
        }
        if (route.authenticated() && options.token() != null && !authorized(ex)) {
            return Response.error(401, "a bearer token is required: Authorization: Bearer <token>")
                    .withHeader("WWW-Authenticate", "Bearer");
        }
        byte[] body;
        try {
            body = body(ex);
        } catch (TooLarge e) {
            return Response.error(413, "the body is larger than " + options.maxBodyBytes() + " bytes");
        } catch (IOException e) {
            return Response.error(400, "the body could not be read (" + e.getMessage() + ")");
        }
        if (!route.limited()) {
            return call(route, body);
        }
        if (!slots.tryAcquire()) {
            return Response.error(503, "busy: " + options.maxConcurrent() + " requests are being served; try again"
                    + " shortly").withHeader("Retry-After", String.valueOf(options.retryAfterSeconds()));
        }
        Future<Response> work;
        try {
            work = workers.submit(() -> {
                try {
                    return call(route, body);
                } finally {
                    slots.release(); // only when the work is done, so a timed-out request still holds its slot
                }
            });
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
        try {
            return work.get(options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Response.error(503, "the request took longer than " + options.requestTimeout().toSeconds()
                    + " s; try again, or send less").withHeader("Retry-After",
                            String.valueOf(options.retryAfterSeconds()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Response.error(503, "the server is shutting down");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Response call(Route route, byte[] body) {
        try {
            return route.handler().handle(body);
        } catch (ApiException e) {
            return Response.error(e.status(), e.getMessage(), e.problems());
        }
    }

    private boolean authorized(HttpExchange ex) {
        String h = ex.getRequestHeaders().getFirst("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(h.substring(7).strip().getBytes(StandardCharsets.UTF_8),
                options.token().getBytes(StandardCharsets.UTF_8));
    }

    private static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;
    }

    /** The body, refused before reading when its declared length is too large, and cut off when it grows so. */
    private byte[] body(HttpExchange ex) throws IOException, TooLarge {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > options.maxBodyBytes()) {
                    throw new TooLarge();
                }
            } catch (NumberFormatException e) {
                throw new IOException("bad Content-Length");
            }
        }
        try (InputStream in = ex.getRequestBody()) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, options.maxBodyBytes() + 1));
            if (b.length > options.maxBodyBytes()) {
                throw new TooLarge();
            }
            return b;
        }
    }

    private static void send(HttpExchange ex, Response r) {
        try {
            ex.getResponseHeaders().set("Content-Type", r.contentType());
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            r.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            ex.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(r.body());
            }
        } catch (IOException e) {
            // the client went away; nothing to tell it
        } finally {
            ex.close();
        }
    }

    @Override
    public void close() {
        http.stop(0);
        workers.shutdownNow();
        ((ExecutorService) http.getExecutor()).shutdownNow();
    }

    Metrics metrics() {
        return metrics;
    }
}
