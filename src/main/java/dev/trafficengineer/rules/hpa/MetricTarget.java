package dev.trafficengineer.rules.hpa;

import dev.trafficengineer.kube.Quantity;
import dev.trafficengineer.source.JsonPointer;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * One metric of an HPA and its target, read the same way from every autoscaling version (v1's
 * {@code targetCPUUtilizationPercentage} and v2beta1's {@code targetAverageUtilization} included, converted as the API
 * server converts them).
 *
 * @param at                 the metric ({@code /spec/metrics/0}); {@code /spec} for v1 and for the default metric
 * @param source             Resource, ContainerResource, Pods, Object or External
 * @param name               the resource name (Resource, ContainerResource) or the metric name
 * @param nameAt             where the name is written
 * @param container          the container of a ContainerResource metric, else null
 * @param containerAt        where the container is written
 * @param type               the target type as written in v2/v2beta2, as conversion derives it in v1/v2beta1; null
 *                           when missing
 * @param typeAt             where the type is written (null when it is derived)
 * @param averageUtilization the utilization target, or null
 * @param averageValue       the per-pod target as written, or null
 * @param value              the total target as written, or null
 * @param implicit           true for the metric the API server adds when none is given (cpu at 80%)
 */
public record MetricTarget(JsonPointer at, String source, String name, JsonPointer nameAt, String container,
        JsonPointer containerAt, String type, JsonPointer typeAt, Integer averageUtilization,
        JsonPointer averageUtilizationAt, String averageValue, JsonPointer averageValueAt, String value,
        JsonPointer valueAt, boolean implicit) {

    public boolean isResource() {
        return source.equals("Resource") || source.equals("ContainerResource");
    }

    /**
     * Whether the controller computes utilization against requests for this metric: a Resource or
     * ContainerResource target with {@code averageUtilization} and without {@code averageValue}, which would take
     * precedence (horizontal.go computeStatusForResourceMetricGeneric).
     */
    public boolean usesUtilization() {
        return isResource() && averageUtilization != null && averageValue == null;
    }

    /** The per-pod target as a number, when it is written and parses as a quantity. */
    public Optional<BigDecimal> averageValueNumber() {
        return number(averageValue);
    }

    public Optional<BigDecimal> valueNumber() {
        return number(value);
    }

    static Optional<BigDecimal> number(String text) {
        return Quantity.tryParse(text).map(Quantity::value);
    }

    /** How messages name the metric: {@code cpu}, {@code memory of container `app`}, {@code `requests-per-second`}. */
    public String describe() {
        if (source.equals("ContainerResource")) {
            return name + " of container `" + container + "`";
        }
        return isResource() ? name : "`" + name + "`";
    }
}
