package dev.trafficengineer.simulate;

import dev.trafficengineer.kube.Quantity;

/**
 * What a person tells the simulator beyond the manifests, each null for its default. The defaults are constants
 * here so that every front end documents and applies the same ones.
 *
 * @param autoscalerName which autoscaler to simulate when the manifests hold several: {@code name} or
 *     {@code kind/name} ({@code hpa/web}, {@code scaledobject/worker})
 * @param capacityPerPod units per second one ready pod serves
 * @param cpuPerUnit CPU used per unit/s on top of the idle CPU; null: derived so that a pod at capacity uses
 *     exactly its CPU request
 * @param startupSeconds from pod creation to Running
 * @param readinessSeconds from Running to Ready
 * @param metricsDelaySeconds how old the newest metric sample is when a controller reads it
 * @param baseLatencySeconds the latency an idle pod answers with, for latency metrics
 * @param inFlightSeconds for queue and lag metrics: seconds of arrivals counted while being processed (fetched or
 *     delivered but not yet committed or acknowledged); null: per scaler, see {@link ManifestScenario}
 * @param work requests (dropped beyond capacity) or messages (queued); null: messages when a metric reads a queue
 * @param initialReplicas the replica count at second 0; null: the autoscaler's minimum
 */
public record ScenarioOptions(String autoscalerName, Double capacityPerPod, Quantity cpuPerUnit,
        Integer startupSeconds, Integer readinessSeconds, Integer metricsDelaySeconds, Double baseLatencySeconds,
        Double inFlightSeconds, PodModel.WorkKind work, Integer initialReplicas) {

    public static final double DEFAULT_CAPACITY = 100;
    public static final String DEFAULT_CPU_REQUEST = "500m";
    public static final String DEFAULT_MEMORY_REQUEST = "512Mi";
    /** An idle pod uses this share of its CPU request. */
    public static final double CPU_IDLE_SHARE = 0.1;
    /** An idle pod uses this share of its memory request; memory grows linearly to the full request at capacity. */
    public static final double MEMORY_IDLE_SHARE = 0.5;
    public static final int DEFAULT_STARTUP_SECONDS = 30;
    public static final int DEFAULT_READINESS_SECONDS = 10;
    public static final int DEFAULT_METRICS_DELAY_SECONDS = 30;
    /** The window of a resource-metrics sample (metrics-server): a new pod has none until it has run this long. */
    public static final int METRIC_WINDOW_SECONDS = 30;
    public static final double DEFAULT_BASE_LATENCY_SECONDS = 0.1;

    public static final ScenarioOptions DEFAULTS = new ScenarioOptions(null, null, null, null, null, null, null, null,
            null, null);

    public ScenarioOptions {
        if (capacityPerPod != null && !(capacityPerPod > 0 && Double.isFinite(capacityPerPod))) {
            throw new SimulationInputException("the capacity per pod must be a positive number of units per second,"
                    + " got " + Format.number(capacityPerPod));
        }
        if (cpuPerUnit != null && cpuPerUnit.value().signum() < 0) {
            throw new SimulationInputException("the CPU per request must not be negative, got " + cpuPerUnit);
        }
        nonNegative(startupSeconds, "startup time");
        nonNegative(readinessSeconds, "readiness time");
        nonNegative(metricsDelaySeconds, "metrics delay");
        nonNegative(initialReplicas, "initial replica count");
        if (baseLatencySeconds != null && !(baseLatencySeconds > 0 && Double.isFinite(baseLatencySeconds))) {
            throw new SimulationInputException("the base latency must be more than 0 seconds, got "
                    + Format.number(baseLatencySeconds));
        }
        if (inFlightSeconds != null && !(inFlightSeconds >= 0 && Double.isFinite(inFlightSeconds))) {
            throw new SimulationInputException("the in-flight time must not be negative, got "
                    + Format.number(inFlightSeconds));
        }
    }

    private static void nonNegative(Integer v, String what) {
        if (v != null && v < 0) {
            throw new SimulationInputException("the " + what + " must not be negative, got " + v);
        }
    }

    public ScenarioOptions withAutoscalerName(String name) {
        return new ScenarioOptions(name, capacityPerPod, cpuPerUnit, startupSeconds, readinessSeconds,
                metricsDelaySeconds, baseLatencySeconds, inFlightSeconds, work, initialReplicas);
    }

    public double capacity() {
        return capacityPerPod != null ? capacityPerPod : DEFAULT_CAPACITY;
    }

    public double baseLatency() {
        return baseLatencySeconds != null ? baseLatencySeconds : DEFAULT_BASE_LATENCY_SECONDS;
    }
}
