package dev.trafficengineer.simulate;

import java.util.List;

/**
 * The parts of an autoscaling/v2 HPA spec the controller acts on.
 *
 * @param minReplicas null when omitted (the API server defaults it to 1)
 * @param metrics in spec order; the API server defaults an empty list to CPU at 80% utilization
 * @param behavior as written; null for an HPA without behavior (the legacy path)
 */
public record HpaSpec(Integer minReplicas, int maxReplicas, List<MetricSpec> metrics, Behavior behavior) {

    public HpaSpec {
        metrics = metrics == null || metrics.isEmpty()
                ? List.of(MetricSpec.resource("cpu", MetricTarget.utilization(80)))
                : List.copyOf(metrics);
    }

    public int effectiveMinReplicas() {
        return minReplicas == null ? 1 : minReplicas;
    }
}
