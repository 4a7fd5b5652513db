package dev.trafficengineer.draft;

import dev.trafficengineer.draft.Requirements.Bounds;
import dev.trafficengineer.draft.Requirements.Capacity;
import dev.trafficengineer.draft.Requirements.Preferences;
import dev.trafficengineer.draft.Requirements.Slo;
import dev.trafficengineer.draft.Requirements.Source;
import dev.trafficengineer.draft.Requirements.Traffic;
import dev.trafficengineer.draft.Requirements.Workload;
import dev.trafficengineer.draft.Resolved.Origin;
import dev.trafficengineer.draft.Resolved.SourceType;
import dev.trafficengineer.draft.Resolved.WorkloadType;
import dev.trafficengineer.kube.Quantity;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Fills in what the requirements leave out with documented defaults (the same ones
 * {@code schemas/requirements.schema.json} describes), records each as an assumption with its reason, and checks
 * what a schema cannot: a peak below the baseline, an unknown time zone, bounds the wrong way round.
 */
public final class Resolver {

    private final List<Assumption> assumptions = new ArrayList<>();
    private final Map<String, Origin> origins = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    private Resolver() {}

    public static Resolved resolve(Requirements r) throws RequirementsException {
        return new Resolver().run(r);
    }

    private Resolved run(Requirements r) throws RequirementsException {
        Workload w = r.workload() == null ? new Workload(null, null, null, null, null) : r.workload();
        Traffic t = r.traffic() == null ? new Traffic(null, null, null, null, null, null, null, null) : r.traffic();
        Capacity c = r.capacity() == null ? new Capacity(null, null) : r.capacity();
        Slo s = r.slo() == null ? new Slo(null, null, null) : r.slo();
        Source src = r.source() == null ? new Source(null, null, null, null) : r.source();
        Bounds b = r.bounds() == null ? new Bounds(null, null, null, null, null) : r.bounds();
        Preferences p = r.preferences() == null ? new Preferences(null, null, null, null, null, null)
                : r.preferences();

        String name = pick("workload.name", w.name(), () -> "app", "the workload was not named");
        String namespace = pick("workload.namespace", w.namespace(), () -> "default",
                "objects without a namespace go to `default`");
        String kind = pick("workload.kind", w.kind(), () -> "Deployment", "most stateless workloads are Deployments");
        WorkloadType type = WorkloadType.valueOf(pick("workload.type", w.type(),
                () -> src.kafka() != null ? "queue" : "http",
                src.kafka() != null ? "Kafka details were given, so the workload consumes messages"
                        : "no workload type was given; an HTTP API is the common case").toUpperCase(Locale.ROOT));
        List<Resolved.Container> containers = new ArrayList<>();
        if (w.containers() != null) {
            origins.put("workload.containers", Origin.STATED);
            for (Requirements.Container k : w.containers()) {
                containers.add(new Resolved.Container(k.name(), k.cpu() == null ? null : millicores(k.cpu()),
                        k.memory() == null ? null : bytes(k.memory())));
            }
        }

        boolean consumer = type.consumer();
        String unit = pick("traffic.unit", t.unit(), () -> consumer ? "msgs/s" : "rps",
                consumer ? "consumers count messages" : "HTTP traffic is counted in requests per second");
        double peak = pick("traffic.peak", t.peak(), () -> 100.0,
                "no peak rate was given; state it, since the maximum replica count follows from it");
        double baseline = pick("traffic.baseline", t.baseline(), () -> round(peak * 0.2),
                "a quiet period at about a fifth of the peak is typical of daily traffic");
        if (baseline > peak) {
            problems.add("traffic.baseline (" + num(baseline) + ") is above traffic.peak (" + num(peak)
                    + "); the baseline is the quiet rate, the peak the busiest");
        }
        String pattern = pick("traffic.pattern", t.pattern(), () -> "diurnal",
                "most services follow the working day: quiet at night, busy in the afternoon");
        int ramp = pick("traffic.rampSeconds", t.rampSeconds(), () -> pattern.equals("spike") ? 60 : 900,
                pattern.equals("spike") ? "a spike arrives within a minute"
                        : "daily traffic climbs to its peak over a quarter of an hour or more");
        double peakHour = pick("traffic.peakHour", t.peakHour(), () -> 14.0, "afternoons are usually busiest");
        ZoneId zone = ZoneId.of("UTC");
        String tz = pick("traffic.timezone", t.timezone(), () -> "UTC", "no time zone was given");
        try {
            zone = ZoneId.of(tz);
        } catch (DateTimeException e) {
            problems.add("traffic.timezone `" + tz + "` is not an IANA time zone; write one such as Europe/Berlin"
                    + " or America/New_York");
        }
        List<Resolved.Window> idle = new ArrayList<>();
        if (t.idleWindows() != null) {
            origins.put("traffic.idleWindows", Origin.STATED);
            for (String win : t.idleWindows()) {
                String[] parts = win.split("-");
                idle.add(new Resolved.Window(LocalTime.parse(parts[0]), LocalTime.parse(parts[1])));
            }
        }

        double perPod = pick("capacity.perPod", c.perPod(), () -> consumer ? 100.0 : 50.0,
                "no per-pod capacity was given; measure it with a load test, since replica counts follow from it");
        int startup = pick("capacity.startupSeconds", c.startupSeconds(), () -> 30,
                "a typical container starts and passes its readiness probe within half a minute");

        String percentile = pick("slo.percentile", s.percentile(), () -> "p95", "p95 is the usual latency objective");
        int latency = pick("slo.latencyMs", s.latencyMs(), () -> consumer ? 5000 : 500,
                consumer ? "consumers are judged by delay more than per-message latency"
                        : "half a second is a common objective for an API");
        boolean coldStartOk = pick("slo.coldStartTolerable", s.coldStartTolerable(), () -> consumer,
                consumer ? "a message can wait for a pod to start" : "a user request should not wait for a pod to start");

        SourceType sourceType = SourceType.of(pick("source.type", src.type(), () -> defaultSource(type, src),
                sourceReason(type, src)));
        // scaling to zero needs an event source to wake on; the plan then scales on Prometheus or Kafka instead of
        // cpu or memory, and needs their details (defaults, reported as assumptions like any other)
        boolean wakes = Boolean.TRUE.equals(b.scaleToZero()) && !sourceType.needsKeda();
        Resolved.Prometheus prom = null;
        if (sourceType == SourceType.PROMETHEUS_RATE || sourceType == SourceType.PROMETHEUS_LATENCY
                || src.prometheus() != null || wakes && !consumer) {
            Requirements.Prometheus sp = src.prometheus() == null
                    ? new Requirements.Prometheus(null, null, null, null) : src.prometheus();
            Map<String, String> labels = sp.labels() != null ? sp.labels() : null;
            if (labels == null) {
                labels = new LinkedHashMap<>();
                labels.put("namespace", namespace);
                labels.put("service", name);
            }
            pick("source.prometheus.labels", sp.labels(), labelsString(labels),
                    "series are usually labelled with the namespace and the service that scrapes them; check them in"
                            + " Prometheus");
            prom = new Resolved.Prometheus(
                    pick("source.prometheus.serverAddress", sp.serverAddress(),
                            () -> "http://prometheus-operated.monitoring.svc:9090",
                            "the Prometheus Operator's default service"),
                    pick("source.prometheus.metric", sp.metric(), () -> "http_requests_total",
                            "the conventional name of a request counter"),
                    pick("source.prometheus.histogram", sp.histogram(), () -> "http_request_duration_seconds",
                            "the conventional name of a latency histogram (in seconds)"),
                    labels);
        }
        Resolved.Kafka kafka = null;
        if (sourceType == SourceType.KAFKA || src.kafka() != null || wakes && consumer) {
            Requirements.Kafka k = src.kafka() == null
                    ? new Requirements.Kafka(null, null, null, null, null, null, null, null) : src.kafka();
            String sasl = pick("source.kafka.sasl", k.sasl(), () -> "none", "no SASL mechanism was given");
            boolean tls = pick("source.kafka.tls", k.tls(), () -> !sasl.equals("none"),
                    sasl.equals("none") ? "no TLS was asked for" : "SASL credentials must not cross the network in"
                            + " clear text");
            kafka = new Resolved.Kafka(
                    pick("source.kafka.bootstrapServers", k.bootstrapServers(),
                            () -> "kafka-bootstrap.kafka.svc:9092", "the Strimzi operator's default bootstrap service"),
                    pick("source.kafka.topic", k.topic(), () -> name, "the topic was not named"),
                    pick("source.kafka.consumerGroup", k.consumerGroup(), () -> name, "the group was not named"),
                    pick("source.kafka.partitions", k.partitions(), () -> 12,
                            "no partition count was given; replicas beyond it sit idle, so state it"),
                    sasl, tls,
                    pick("source.kafka.credentialsSecret", k.credentialsSecret(), () -> name + "-kafka-credentials",
                            "a Secret named after the workload"),
                    pick("source.kafka.maxDelaySeconds", k.maxDelaySeconds(), () -> 60,
                            "a minute of delay is acceptable for most background processing"));
        }
        Resolved.Cron cron = null;
        if (sourceType == SourceType.CRON || src.cron() != null) {
            Requirements.Cron k = src.cron() == null ? new Requirements.Cron(null, null, null) : src.cron();
            Resolved.Window quiet = idle.isEmpty() ? null : idle.get(0);
            cron = new Resolved.Cron(quiet == null
                    ? pick("source.cron.start", k.start(), () -> "0 8 * * 1-5", "business hours start at 08:00")
                    : pick("source.cron.start", k.start(), quiet::wakeCron, "15 minutes before the idle window "
                            + quiet + " ends, so pods are ready when traffic returns"),
                    quiet == null
                    ? pick("source.cron.end", k.end(), () -> "0 19 * * 1-5", "business hours end at 19:00")
                    : pick("source.cron.end", k.end(), quiet::sleepCron, "traffic stops when the idle window "
                            + quiet + " begins"),
                    k.replicas());
        }

        Integer min = b.min();
        Integer max = b.max();
        if (min != null) {
            origins.put("bounds.min", Origin.STATED);
        }
        if (max != null) {
            origins.put("bounds.max", Origin.STATED);
        }
        if (min != null && max != null && min > max) {
            problems.add("bounds.min (" + min + ") is above bounds.max (" + max + ")");
        } else if (min != null && min.equals(max)) {
            problems.add("bounds.min and bounds.max are both " + min + ", which leaves nothing to autoscale: set"
                    + " replicas: " + min + " on the workload instead, or widen the bounds");
        }
        if (cron != null && cron.replicas() != null && max != null && cron.replicas() > max) {
            problems.add("source.cron.replicas (" + cron.replicas() + ") is above bounds.max (" + max
                    + "): KEDA would run only " + max);
        }
        boolean zero = pick("bounds.scaleToZero", b.scaleToZero(), () -> false,
                "scaling to zero trades cold starts for cost; it is off unless asked for");
        if (max != null && max == 1 && !zero && min == null) {
            problems.add("bounds.max of 1 leaves nothing to autoscale: allow at least 2 pods, or ask for"
                    + " bounds.scaleToZero to run between 0 and 1");
        }
        if (b.maxCostPerHour() != null && b.costPerPodHour() == null) {
            problems.add("bounds.maxCostPerHour needs bounds.costPerPodHour, the cost of one pod per hour");
        }
        boolean conservative = pick("preferences.conservative", p.conservative(), () -> false,
                "no cautious start was asked for");
        boolean vpa = pick("preferences.vpa", p.vpa(), () -> false, "no VPA was asked for");
        // stated or derived by the plan, never assumed: no default to report
        statedIfPresent("preferences.compareWithReplicas", p.compareWithReplicas());
        statedIfPresent("preferences.targetUtilization", p.targetUtilization());
        statedIfPresent("preferences.scaleDownWindowSeconds", p.scaleDownWindowSeconds());
        statedIfPresent("preferences.scaleDownPercent", p.scaleDownPercent());
        if (!problems.isEmpty()) {
            throw new RequirementsException(problems);
        }
        return new Resolved(
                new Resolved.Workload(name, namespace, kind, type, containers),
                new Resolved.Traffic(baseline, peak, unit, pattern, ramp, peakHour, idle, zone),
                new Resolved.Capacity(perPod, startup),
                new Resolved.Slo(percentile, latency, coldStartOk),
                new Resolved.Source(sourceType, prom, kafka, cron),
                new Resolved.Bounds(min, max, zero, b.maxCostPerHour(), b.costPerPodHour()),
                new Resolved.Preferences(conservative, vpa, p.compareWithReplicas(), p.targetUtilization(),
                        p.scaleDownWindowSeconds(), p.scaleDownPercent()),
                assumptions, origins);
    }

    private static String defaultSource(WorkloadType type, Source src) {
        if (src.kafka() != null || type.consumer() && src.prometheus() == null) {
            return type.consumer() ? "kafka" : "cpu";
        }
        if (src.prometheus() != null) {
            return "prometheus-rate";
        }
        if (src.cron() != null) {
            return "cron";
        }
        return "cpu";
    }

    private static String sourceReason(WorkloadType type, Source src) {
        if (src.kafka() != null || type.consumer() && src.prometheus() == null) {
            return type.consumer() ? "a consumer scales best on its backlog (Kafka consumer lag)"
                    : "CPU follows load for most request-serving workloads";
        }
        if (src.prometheus() != null) {
            return "Prometheus details were given: the request rate is the most direct measure of load";
        }
        return src.cron() != null ? "a schedule was given" : "CPU follows load for most request-serving workloads,"
                + " and needs nothing but the metrics-server";
    }

    private <T> T pick(String field, T stated, Supplier<T> fallback, String reason) {
        if (stated != null) {
            origins.put(field, Origin.STATED);
            return stated;
        }
        T value = fallback.get();
        origins.put(field, Origin.ASSUMED);
        assumptions.add(new Assumption(field, String.valueOf(value instanceof Double d ? num(d) : value), reason));
        return value;
    }

    private void statedIfPresent(String field, Object value) {
        if (value != null) {
            origins.put(field, Origin.STATED);
        }
    }

    /** Records an assumption for a value computed elsewhere (a map, say). */
    private void pick(String field, Object stated, String shown, String reason) {
        if (stated != null) {
            origins.put(field, Origin.STATED);
            return;
        }
        origins.put(field, Origin.ASSUMED);
        assumptions.add(new Assumption(field, shown, reason));
    }

    private static String labelsString(Map<String, String> labels) {
        StringBuilder out = new StringBuilder("{");
        labels.forEach((k, v) -> out.append(out.length() > 1 ? ", " : "").append(k).append(": ").append(v));
        return out.append('}').toString();
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }

    static String num(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** A stated CPU request ({@code 500m}, {@code 1.5}) in whole millicores; a fraction of one is dropped. */
    private static long millicores(String cpu) {
        return Quantity.valueOf(cpu.strip()).value().movePointRight(3).longValue();
    }

    /** A stated memory request ({@code 512Mi}, {@code 1G}) in whole bytes; a fraction of one is dropped. */
    private static long bytes(String memory) {
        return Quantity.valueOf(memory.strip()).value().longValue();
    }
}
