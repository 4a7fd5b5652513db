package dev.trafficengineer.cli;

import dev.trafficengineer.chat.Assistant;
import dev.trafficengineer.chat.ChatEngine;
import dev.trafficengineer.draft.DraftService;
import dev.trafficengineer.llm.MetricsUsage;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.metrics.LlmMetrics;
import dev.trafficengineer.metrics.Metrics;
import dev.trafficengineer.review.Config;
import dev.trafficengineer.review.ReviewService;
import dev.trafficengineer.review.Reviewer;
import dev.trafficengineer.review.RuleCatalog;
import dev.trafficengineer.rules.RuleRegistry;
import dev.trafficengineer.server.Server;
import dev.trafficengineer.simulate.Durations;
import dev.trafficengineer.simulate.SimulationInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code traffic-engineer serve}: the HTTP API. Runs until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the engine over HTTP: POST /v1/chat, /v1/review, /v1/draft, /v1/simulate; GET /healthz,"
                + " /metrics (Prometheus text format). Stateless: each chat reply carries the conversation's state,"
                + " sealed with an HMAC."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "2:the server could not start (bad flags, a port in use, no token for an address beyond loopback)"
        })
final class ServeCommand implements Callable<Integer> {

    static final String TOKEN_ENV = "TRAFFIC_ENGINEER_TOKEN";
    static final String STATE_KEY_ENV = "TRAFFIC_ENGINEER_STATE_KEY";

    @Spec
    CommandSpec spec;

    @Mixin
    Settings settings = new Settings();

    @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0 picks one).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}). Beyond loopback a token is required.")
    String bind;

    @Option(names = "--token", paramLabel = "TOKEN", description = "Require Authorization: Bearer TOKEN (default:"
            + " $" + TOKEN_ENV + "; none on loopback).")
    String token;

    @Option(names = "--state-key", paramLabel = "KEY", description = "Key that seals chat states, at least 16"
            + " characters; replicas behind one load balancer need the same (default: $" + STATE_KEY_ENV
            + "; else a random key per process).")
    String stateKey;

    @Option(names = "--max-body", defaultValue = "1048576", paramLabel = "BYTES",
            description = "Largest request body (default: ${DEFAULT-VALUE}); larger ones get 413.")
    long maxBody;

    @Option(names = "--timeout", defaultValue = "30s", paramLabel = "DURATION",
            description = "Longest a request may take (default: ${DEFAULT-VALUE}); then 503.")
    String timeout;

    @Option(names = "--max-concurrent", paramLabel = "N",
            description = "Requests served at once (default: the number of cores); more get 503 with Retry-After.")
    Integer maxConcurrent;

    @Mixin
    LlmOptions llm = new LlmOptions();

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        Duration limit;
        try {
            limit = Duration.ofSeconds(Durations.wholeSeconds(timeout, "--timeout"));
        } catch (SimulationInputException e) {
            throw new UsageException(e.getMessage());
        }
        if (limit.isZero() || maxBody < 1 || maxConcurrent != null && maxConcurrent < 1) {
            throw new UsageException("--timeout, --max-body and --max-concurrent must be positive");
        }
        String t = token != null ? token : System.getenv(TOKEN_ENV);
        String k = stateKey != null ? stateKey : System.getenv(STATE_KEY_ENV);
        byte[] key;
        boolean random = k == null || k.isEmpty();
        if (random) {
            key = new byte[32];
            new SecureRandom().nextBytes(key);
        } else if (k.length() < 16) {
            throw new UsageException("the state key must have at least 16 characters");
        } else {
            key = k.getBytes(StandardCharsets.UTF_8);
        }
        // the JDK server's own limits on a slow client: reading a request, writing a response
        System.setProperty("sun.net.httpserver.maxReqTime", String.valueOf(limit.toSeconds()));
        System.setProperty("sun.net.httpserver.maxRspTime", String.valueOf(limit.toSeconds()));

        RuleRegistry registry = RuleCatalog.standard();
        Config config = settings.config(registry);
        ManifestLoader loader = new ManifestLoader(settings.namespace(config));
        Reviewer reviewer = new Reviewer(registry, settings.options(config), config);
        DraftService drafts = new DraftService(reviewer, loader);
        Metrics metrics = new Metrics();
        Assistant assistant = ChatCommand.assistant(llm.settings(config), reviewer, loader,
                new MetricsUsage(LlmMetrics.in(metrics)));
        Server.Options options = new Server.Options(bind, port, t == null || t.isEmpty() ? null : t, key, maxBody,
                limit, maxConcurrent != null ? maxConcurrent : Server.Options.DEFAULT_CONCURRENCY, 1);
        Server server;
        try {
            server = Server.start(options, new ChatEngine(drafts, loader, assistant),
                    new ReviewService(reviewer, loader), drafts, loader, metrics);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            throw new UsageException("cannot listen on " + bind + ":" + port + " (" + e.getMessage() + ")");
        }
        server.describe(err, random);
        if (assistant.online()) {
            err.println("traffic-engineer: chat asks " + assistant.name() + " about what it does not understand"
                    + " offline");
            err.flush();
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        stopped.await();
        return ExitCode.OK;
    }
}
