package dev.trafficengineer.simulate;

import dev.trafficengineer.kube.Quantity;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * One trigger of a ScaledObject, reduced to what scaling needs.
 *
 * @param type the scaler type, e.g. {@code prometheus}, {@code kafka}, {@code cpu}
 * @param metricType the trigger's {@code metricType}: AverageValue (the default for external scalers), Value, or for
 *     cpu/memory Utilization or AverageValue
 * @param target the threshold as the HPA target ({@link #thresholdQuantity}); for cpu/memory with Utilization, the
 *     percentage is {@code targetUtilization} instead
 * @param activationThreshold the scaler's {@code activation*} parameter (0 when it has none)
 * @param containerName for cpu/memory: makes the HPA metric a ContainerResource
 */
public record KedaTrigger(String type, String name, MetricTargetType metricType, Quantity target,
        Integer targetUtilization, double activationThreshold, String containerName) {

    /** An external scaler with an AverageValue target (KEDA's default metricType). */
    public static KedaTrigger external(String type, double threshold, double activationThreshold) {
        return new KedaTrigger(type, null, MetricTargetType.AVERAGE_VALUE, thresholdQuantity(threshold), null,
                activationThreshold, null);
    }

    /** A cpu or memory trigger with a Utilization target. */
    public static KedaTrigger utilization(String resource, int percent) {
        return new KedaTrigger(resource, null, MetricTargetType.UTILIZATION, null, percent, 0, null);
    }

    /** cpu and memory triggers become Resource metrics of the HPA and never take part in activation. */
    public boolean isResource() {
        return "cpu".equals(type) || "memory".equals(type);
    }

    /**
     * A float threshold as KEDA turns it into an HPA target (scaler.go quantityFromFloat64): three decimals; NaN,
     * infinities and negatives become 0, which the HPA API then rejects as not positive.
     */
    public static Quantity thresholdQuantity(double threshold) {
        if (Double.isNaN(threshold) || Double.isInfinite(threshold) || threshold < 0) {
            return Quantity.valueOf("0");
        }
        // built from the value, not parsed: "2.500" is to print as KEDA's milli quantity does, "2500m"
        return Quantity.of(new BigDecimal(String.format(Locale.ROOT, "%.3f", threshold)));
    }
}
