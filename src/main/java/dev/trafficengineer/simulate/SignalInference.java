package dev.trafficengineer.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides what a metric of a manifest measures in the simulated world ({@link Signal}), from what the manifest says
 * about it: the KEDA scaler type, a Prometheus query's functions, or an HPA metric's name. Each decision comes with a
 * one-line note so that reports can say what was assumed.
 */
final class SignalInference {

    /** A signal and why it was chosen. */
    record Inferred(Signal signal, String note) {
    }

    /** Scalers that read a queue length or consumer lag. */
    private static final Set<String> BACKLOG_SCALERS = Set.of("kafka", "apache-kafka", "rabbitmq", "aws-sqs-queue",
            "redis", "redis-cluster", "redis-sentinel", "azure-servicebus", "azure-queue", "azure-eventhub",
            "gcp-pubsub", "nats-jetstream");

    private static final Pattern HISTOGRAM_QUANTILE = Pattern.compile("\\bhistogram_quantile\\s*\\(");
    private static final Pattern RATE = Pattern.compile("\\b(?:rate|irate)\\s*\\(");
    private static final Pattern INCREASE_RANGE = Pattern.compile("\\bincrease\\s*\\([^\\[]*\\[\\s*([0-9a-z]+)");
    private static final Pattern LATENCY_NAME = Pattern.compile("latency|duration|response_time");
    private static final Pattern BACKLOG_NAME = Pattern.compile(
            "(?<![a-z])lag|queue|backlog|pending|messages_ready|depth|unacked|undelivered");
    private static final Pattern MILLISECONDS = Pattern.compile("millis|_ms(?![a-z])");

    private final ScenarioOptions options;

    SignalInference(ScenarioOptions options) {
        this.options = options;
    }

    /**
     * An HPA metric of source Pods, Object or External, the {@code index}th of the HPA: from its name; a name that
     * says neither latency nor queue reads the arrival rate.
     */
    Inferred forHpaMetric(int index, MetricSpec m) {
        String name = m.name() == null ? "" : m.name().toLowerCase(Locale.ROOT);
        String what = "metric " + index + " (" + m.describe() + ")";
        if (LATENCY_NAME.matcher(name).find()) {
            return latency(what, MILLISECONDS.matcher(name).find(), "its name");
        }
        if (BACKLOG_NAME.matcher(name).find()) {
            return backlog(what, 0, "its name");
        }
        String share = m.source() == MetricSourceType.PODS ? "each ready pod's share of the arrival rate"
                : "the arrival rate";
        return new Inferred(new Signal.Demand(), what + ": " + share + " in units/s");
    }

    /** A KEDA trigger other than cpu and memory, from its type and metadata. */
    Inferred forTrigger(int index, String type, JsonNode metadata) {
        String what = "trigger " + index + " (" + type + ")";
        if ("prometheus".equals(type)) {
            return prometheus(what, text(metadata, "query"));
        }
        if ("rabbitmq".equals(type)) {
            String mode = text(metadata, "mode");
            if ("MessageRate".equals(mode) || "DeliverGetRate".equals(mode)) {
                return new Inferred(new Signal.Demand(), what + ": mode " + mode + " reads the arrival rate in"
                        + " messages/s");
            }
            boolean unacked = !"true".equalsIgnoreCase(text(metadata, "excludeUnacknowledged"));
            return backlog(what, unacked ? 1 : 0, unacked ? "the queue length counts unacknowledged messages"
                    : "excludeUnacknowledged");
        }
        if ("aws-sqs-queue".equals(type)) {
            boolean inFlight = !"false".equalsIgnoreCase(text(metadata, "scaleOnInFlight"));
            return backlog(what, inFlight ? 1 : 0, inFlight ? "scaleOnInFlight (the default) counts messages in"
                    + " flight" : "scaleOnInFlight: false");
        }
        if ("kafka".equals(type) || "apache-kafka".equals(type)) {
            return backlog(what, 5, "Kafka consumers commit offsets every 5s by default");
        }
        if ("gcp-pubsub".equals(type)) {
            return backlog(what, 1, "undelivered messages include unacknowledged ones");
        }
        if (BACKLOG_SCALERS.contains(type)) {
            return backlog(what, 0, "the scaler type");
        }
        return new Inferred(new Signal.Demand(), what + ": read as the arrival rate in units/s (the simulator has no"
                + " model of " + type + " metrics)");
    }

    private Inferred prometheus(String what, String query) {
        String q = query == null ? "" : query;
        if (HISTOGRAM_QUANTILE.matcher(q).find()) {
            return latency(what, MILLISECONDS.matcher(q).find(), "histogram_quantile");
        }
        Matcher increase = INCREASE_RANGE.matcher(q);
        if (increase.find()) {
            double window = 0;
            try {
                window = Durations.seconds(increase.group(1), "the increase() range");
            } catch (SimulationInputException e) {
                // an unusual range unit (w, y): fall through to the rate
            }
            if (window > 0) {
                return new Inferred(new Signal.Demand(window), what + ": increase() over " + increase.group(1)
                        + " reads the arrivals of that window (" + Format.number(window) + " × the rate in units/s)");
            }
        }
        if (RATE.matcher(q).find() || q.contains("increase")) {
            return new Inferred(new Signal.Demand(), what + ": rate() reads the arrival rate in units/s");
        }
        String lower = q.toLowerCase(Locale.ROOT);
        if (BACKLOG_NAME.matcher(lower).find()) {
            return backlog(what, 0, "the query's metric name");
        }
        return new Inferred(new Signal.Demand(), what + ": the query has no rate(), histogram_quantile() or"
                + " queue-like metric; read as the arrival rate in units/s");
    }

    private Inferred latency(String what, boolean milliseconds, String because) {
        double base = options.baseLatency() * (milliseconds ? 1000 : 1);
        return new Inferred(new Signal.Latency(base), what + ": latency (from " + because + "), "
                + Format.number(base) + (milliseconds ? " ms" : " s") + " when idle, base / (1 − utilization) under"
                + " load, 20 × base when saturated");
    }

    private Inferred backlog(String what, double defaultInFlight, String because) {
        double inFlight = options.inFlightSeconds() != null ? options.inFlightSeconds() : defaultInFlight;
        String why = options.inFlightSeconds() != null ? "as given" : because;
        return new Inferred(new Signal.Backlog(inFlight), what + ": queue length or lag = waiting messages + "
                + Format.number(inFlight) + "s of arrivals in flight (" + why + ")");
    }

    private static String text(JsonNode metadata, String key) {
        if (metadata == null) {
            return null;
        }
        JsonNode n = metadata.get(key);
        return n == null || !n.isValueNode() || n.isNull() ? null : n.asText();
    }
}
