package dev.trafficengineer.simulate;

import java.util.Objects;

/**
 * What the replica calculator knows about one pod matched by the HPA's selector, for one metric: its status, its
 * sample of that metric and, for utilization, its request. Times are milliseconds on the caller's timeline.
 *
 * @param terminating the pod has a deletionTimestamp
 * @param ready the Ready condition's status; null when the pod has no Ready condition
 * @param startMillis {@code status.startTime}; null when not set
 * @param readyTransitionMillis the Ready condition's lastTransitionTime (ignored when {@code ready} is null)
 * @param metricMilli the pod's metric value in milli-units; null when the metrics API returned none for it
 * @param metricTimestampMillis when the sample was taken
 * @param metricWindowMillis the window the sample covers (metrics-server reports it with CPU rates)
 * @param requestMilli the pod's request of the resource (summed over the counted containers); null when a counted
 *     container has none, in which case {@code requestProblem} says which
 */
public record PodSample(
        String name, PodPhase phase, boolean terminating, Boolean ready, Long startMillis,
        long readyTransitionMillis, Long metricMilli, long metricTimestampMillis, long metricWindowMillis,
        Long requestMilli, String requestProblem) {

    public PodSample {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phase, "phase");
    }

    /** Counted by getReadyPodsCount: phase Running and a Ready condition with status True. */
    boolean isRunningAndReady() {
        return phase == PodPhase.RUNNING && Boolean.TRUE.equals(ready);
    }
}
