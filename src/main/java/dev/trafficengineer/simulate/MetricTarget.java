package dev.trafficengineer.simulate;

import dev.trafficengineer.kube.Quantity;

/**
 * A metric target as written in an HPA. The API server does not cross-check {@code type} against the value fields,
 * and the controller reads the value fields, not the type, for Resource and External metrics (research §4.4); so all
 * three are kept, each nullable.
 */
public record MetricTarget(MetricTargetType type, Integer averageUtilization, Quantity averageValue, Quantity value) {

    public static MetricTarget utilization(int percent) {
        return new MetricTarget(MetricTargetType.UTILIZATION, percent, null, null);
    }

    public static MetricTarget averageValue(Quantity q) {
        return new MetricTarget(MetricTargetType.AVERAGE_VALUE, null, q, null);
    }

    public static MetricTarget value(Quantity q) {
        return new MetricTarget(MetricTargetType.VALUE, null, null, q);
    }
}
