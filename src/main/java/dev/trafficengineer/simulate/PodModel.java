package dev.trafficengineer.simulate;

import dev.trafficengineer.kube.Quantity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How one pod of the workload behaves, for the timeline simulation.
 *
 * @param capacityPerPod work units per second one ready pod serves at most (requests/s or messages/s)
 * @param unit the work unit for reports, e.g. "req" or "msg"
 * @param work what happens to work beyond capacity: dropped (requests) or queued (messages)
 * @param resources per resource name ("cpu", "memory"): request and usage model; Resource metrics read these
 * @param startupSeconds from creation to Running: scheduling, image pull, container start
 * @param readinessSeconds from Running to Ready: the readiness probe's first success
 * @param metricsDelaySeconds how old the newest metric sample is when a controller reads it
 * @param metricWindowSeconds the window of a resource sample; a new pod has none until it has run this long
 */
public record PodModel(double capacityPerPod, String unit, WorkKind work, Map<String, ResourceModel> resources,
        int startupSeconds, int readinessSeconds, int metricsDelaySeconds, int metricWindowSeconds) {

    /** Dropped or queued: the two ways work beyond capacity goes. */
    public enum WorkKind {
        /** HTTP-like: what exceeds capacity is not served (errors, timeouts). */
        REQUESTS,
        /** Queue-like: what exceeds capacity waits; the backlog is consumer lag. */
        MESSAGES
    }

    /**
     * A resource's request and usage: {@code idle + perUnit × units served per second} while serving; idle while
     * starting.
     */
    public record ResourceModel(Quantity request, Quantity idle, Quantity perUnit) {

        public ResourceModel {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(idle, "idle");
            Objects.requireNonNull(perUnit, "perUnit");
        }

        long usageMilli(double unitsPerSecond) {
            return idle.milliValue() + Math.round(perUnit.approximateDouble() * 1000 * unitsPerSecond);
        }
    }

    public PodModel {
        if (!(capacityPerPod > 0)) {
            throw new IllegalArgumentException("capacityPerPod must be positive, got " + capacityPerPod);
        }
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(work, "work");
        resources = Map.copyOf(resources);
        if (startupSeconds < 0 || readinessSeconds < 0 || metricsDelaySeconds < 0 || metricWindowSeconds < 0) {
            throw new IllegalArgumentException("pod model times must not be negative");
        }
    }

    /**
     * A web service: {@code capacity} requests/s per pod, {@code cpuPerRequest} CPU per request/s on top of
     * {@code cpuIdle}, 30 s to start, 10 s to become ready, metrics 30 s old with a 30 s window.
     */
    public static PodModel web(double capacity, String cpuRequest, String cpuIdle, String cpuPerRequest) {
        Map<String, ResourceModel> resources = new LinkedHashMap<>();
        resources.put("cpu", new ResourceModel(Quantity.valueOf(cpuRequest), Quantity.valueOf(cpuIdle),
                Quantity.valueOf(cpuPerRequest)));
        return new PodModel(capacity, "req", WorkKind.REQUESTS, resources, 30, 10, 30, 30);
    }

    public PodModel withWork(WorkKind kind, String unitName) {
        return new PodModel(capacityPerPod, unitName, kind, resources, startupSeconds, readinessSeconds,
                metricsDelaySeconds, metricWindowSeconds);
    }

    public PodModel withTimes(int startup, int readiness, int metricsDelay, int metricWindow) {
        return new PodModel(capacityPerPod, unit, work, resources, startup, readiness, metricsDelay, metricWindow);
    }
}
