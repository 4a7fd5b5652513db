package dev.trafficengineer.simulate;

import java.util.OptionalInt;

/** The result of one metric in one reconcile: a replica proposal, or the reason the metric could not be used. */
public sealed interface MetricOutcome {

    /**
     * @param utilization the current utilization in percent, for utilization targets
     * @param usageMilli the current value the controller reports in the HPA status: the per-pod average for
     *     Resource, Pods and AverageValue targets, the total for Value targets
     */
    record Proposal(int replicas, OptionalInt utilization, long usageMilli) implements MetricOutcome {
    }

    /** The metric failed; the controller counts it invalid and words the problem like this. */
    record Failure(String message) implements MetricOutcome {
    }
}
