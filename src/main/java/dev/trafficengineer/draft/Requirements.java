package dev.trafficengineer.draft;

import java.util.List;
import java.util.Map;

/**
 * What a user told us about a workload, as written in a requirements file or gathered in a conversation. Every
 * field may be absent (null): {@link Resolver} fills in documented defaults and reports each one as an assumption.
 * The file format is described by {@code schemas/requirements.schema.json}.
 */
public record Requirements(
        Workload workload,
        Traffic traffic,
        Capacity capacity,
        Slo slo,
        Source source,
        Bounds bounds,
        Preferences preferences) {

    public static final Requirements EMPTY = new Requirements(null, null, null, null, null, null, null);

    /** The workload to scale. */
    public record Workload(String name, String namespace, String kind, String type, List<Container> containers) {}

    /** A container and its resource requests (Kubernetes quantities: {@code 500m}, {@code 512Mi}). */
    public record Container(String name, String cpu, String memory) {}

    /**
     * The traffic the workload sees: {@code baseline} (the quiet rate) and {@code peak}, in {@code unit} ({@code rps}
     * or {@code msgs/s}); the daily {@code pattern}; how many seconds the climb from baseline to peak takes
     * ({@code rampSeconds}); when the day peaks ({@code peakHour}); idle windows ({@code "22:00-06:00"}) and the
     * {@code timezone} they are in.
     */
    public record Traffic(Double baseline, Double peak, String unit, String pattern, Integer rampSeconds,
            Double peakHour, List<String> idleWindows, String timezone) {}

    /** The rate one pod serves while meeting the latency target, and how long a new pod takes to become ready. */
    public record Capacity(Double perPod, Integer startupSeconds) {}

    /** The latency objective ({@code p95} or {@code p99}, in milliseconds) and whether a cold start is acceptable. */
    public record Slo(String percentile, Integer latencyMs, Boolean coldStartTolerable) {}

    /**
     * What to scale on: {@code cpu}, {@code memory}, {@code cpu-memory}, {@code prometheus-rate},
     * {@code prometheus-latency}, {@code kafka} or {@code cron}, with the details each needs.
     */
    public record Source(String type, Prometheus prometheus, Kafka kafka, Cron cron) {}

    /**
     * Where the metrics are: the Prometheus address, the request counter ({@code metric}), the latency histogram
     * ({@code histogram}, its base name) and the labels that select this workload's series.
     */
    public record Prometheus(String serverAddress, String metric, String histogram, Map<String, String> labels) {}

    /**
     * The topic a consumer reads: brokers, topic, consumer group, partition count, SASL mechanism ({@code none},
     * {@code plaintext}, {@code scram_sha256}, {@code scram_sha512}), TLS, the Secret holding the credentials, and
     * the delay a message may wait before it is processed.
     */
    public record Kafka(String bootstrapServers, String topic, String consumerGroup, Integer partitions, String sasl,
            Boolean tls, String credentialsSecret, Integer maxDelaySeconds) {}

    /** A schedule: from {@code start} to {@code end} (5-field cron, in the traffic's timezone) run {@code replicas}. */
    public record Cron(String start, String end, Integer replicas) {}

    /** Replica bounds, scaling to zero, and a cost ceiling ({@code maxCostPerHour} at {@code costPerPodHour}). */
    public record Bounds(Integer min, Integer max, Boolean scaleToZero, Double maxCostPerHour,
            Double costPerPodHour) {}

    /**
     * A conservative start (higher minimum, longer scale-down), a VPA in recommendation mode beside the
     * autoscaler, a fixed replica count to compare the simulation with, and overrides of derived values that
     * feedback sets ("scale-down is too aggressive"): the share of capacity a pod runs at (percent), the scale-down
     * stabilization window and the most pods removed per minute (percent).
     */
    public record Preferences(Boolean conservative, Boolean vpa, Integer compareWithReplicas,
            Integer targetUtilization, Integer scaleDownWindowSeconds, Integer scaleDownPercent) {}
}
