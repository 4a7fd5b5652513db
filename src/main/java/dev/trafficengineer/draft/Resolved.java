package dev.trafficengineer.draft;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Requirements with every value filled in: what the user stated, and documented defaults for the rest (listed in
 * {@link #assumptions()}; {@link #origins()} tells, per field, which was which).
 */
public record Resolved(
        Workload workload,
        Traffic traffic,
        Capacity capacity,
        Slo slo,
        Source source,
        Bounds bounds,
        Preferences preferences,
        List<Assumption> assumptions,
        Map<String, Origin> origins) {

    public Resolved {
        assumptions = List.copyOf(assumptions);
        origins = Collections.unmodifiableMap(new LinkedHashMap<>(origins)); // in the order they were resolved
    }

    /** Where a value came from. */
    public enum Origin { STATED, ASSUMED }

    public enum WorkloadType {
        HTTP, QUEUE, STREAM, BATCH;

        public boolean consumer() {
            return this != HTTP;
        }
    }

    public enum SourceType {
        CPU("cpu"), MEMORY("memory"), CPU_MEMORY("cpu-memory"), PROMETHEUS_RATE("prometheus-rate"),
        PROMETHEUS_LATENCY("prometheus-latency"), KAFKA("kafka"), CRON("cron");

        private final String label;

        SourceType(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static SourceType of(String label) {
            for (SourceType t : values()) {
                if (t.label.equals(label)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown source type " + label);
        }

        /** KEDA is needed for anything but cpu and memory. */
        public boolean needsKeda() {
            return this != CPU && this != MEMORY && this != CPU_MEMORY;
        }
    }

    /** A container's requests, in millicores and bytes; null when unknown. */
    public record Container(String name, Long cpuMillis, Long memoryBytes) {}

    public record Workload(String name, String namespace, String kind, WorkloadType type,
            List<Container> containers) {
        public Workload {
            containers = List.copyOf(containers);
        }
    }

    /** A daily window, e.g. 22:00–06:00 (it may wrap past midnight). */
    public record Window(LocalTime from, LocalTime to) {

        /** A daily cron schedule 15 minutes before the window ends, so pods are ready when traffic returns. */
        public String wakeCron() {
            return cron(to.minusMinutes(15));
        }

        /** A daily cron schedule when the window begins. */
        public String sleepCron() {
            return cron(from);
        }

        private static String cron(LocalTime t) {
            return t.getMinute() + " " + t.getHour() + " * * *";
        }

        @Override
        public String toString() {
            return from + "-" + to;
        }
    }

    public record Traffic(double baseline, double peak, String unit, String pattern, int rampSeconds,
            double peakHour, List<Window> idleWindows, ZoneId timezone) {
        public Traffic {
            idleWindows = List.copyOf(idleWindows);
        }

        /** "rps" or "msgs/s" as a word for sentences: "requests/s", "messages/s". */
        public String unitWords() {
            return unit.equals("rps") ? "req/s" : "msgs/s";
        }
    }

    public record Capacity(double perPod, int startupSeconds) {}

    public record Slo(String percentile, int latencyMs, boolean coldStartTolerable) {

        /** 0.95 or 0.99. */
        public double quantile() {
            return percentile.equals("p99") ? 0.99 : 0.95;
        }
    }

    public record Prometheus(String serverAddress, String metric, String histogram, Map<String, String> labels) {
        public Prometheus {
            labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels)); // as written: the query shows them
        }
    }

    public record Kafka(String bootstrapServers, String topic, String consumerGroup, int partitions, String sasl,
            boolean tls, String credentialsSecret, int maxDelaySeconds) {

        public boolean needsAuth() {
            return !sasl.equals("none") || tls;
        }
    }

    public record Cron(String start, String end, Integer replicas) {}

    public record Source(SourceType type, Prometheus prometheus, Kafka kafka, Cron cron) {}

    /** {@code min} and {@code max} are null when they are to be derived. */
    public record Bounds(Integer min, Integer max, boolean scaleToZero, Double maxCostPerHour,
            Double costPerPodHour) {}

    /** The last three are null when {@link Plan} is to derive them. */
    public record Preferences(boolean conservative, boolean vpa, Integer compareWithReplicas,
            Integer targetUtilization, Integer scaleDownWindowSeconds, Integer scaleDownPercent) {}
}
