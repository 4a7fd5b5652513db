package dev.trafficengineer.simulate;

import java.util.List;

/**
 * The parts of a KEDA ScaledObject that decide scaling. Null fields are omitted ones; the accessors below apply
 * KEDA's defaults.
 *
 * @param behavior {@code advanced.horizontalPodAutoscalerConfig.behavior}, copied verbatim into the generated HPA
 */
public record ScaledObjectSpec(Integer pollingInterval, Integer cooldownPeriod, Integer initialCooldownPeriod,
        Integer idleReplicaCount, Integer minReplicaCount, Integer maxReplicaCount, Fallback fallback,
        Behavior behavior, List<KedaTrigger> triggers) {

    /** {@code spec.fallback}. */
    public record Fallback(int failureThreshold, int replicas, FallbackBehavior behavior) {
    }

    public ScaledObjectSpec {
        triggers = List.copyOf(triggers);
    }

    public int pollingIntervalSeconds() {
        return pollingInterval == null ? 30 : pollingInterval;
    }

    public int cooldownPeriodSeconds() {
        return cooldownPeriod == null ? 300 : cooldownPeriod;
    }

    public int initialCooldownPeriodSeconds() {
        return initialCooldownPeriod == null ? 0 : initialCooldownPeriod;
    }

    /** minReplicaCount as KEDA's scale loop reads it (0 when omitted). */
    public int minReplicas() {
        return minReplicaCount == null ? 0 : minReplicaCount;
    }

    public int maxReplicas() {
        return maxReplicaCount == null ? 100 : maxReplicaCount;
    }
}
