package dev.trafficengineer.simulate;

import dev.trafficengineer.kube.Quantity;
import java.util.Objects;

/**
 * One entry of {@code spec.metrics}: the source type, the resource name (Resource, ContainerResource) or metric name
 * (Pods, Object, External), the container (ContainerResource only, else null) and the target.
 */
public record MetricSpec(MetricSourceType source, String name, String container, MetricTarget target) {

    public MetricSpec {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
    }

    public static MetricSpec resource(String resource, MetricTarget target) {
        return new MetricSpec(MetricSourceType.RESOURCE, resource, null, target);
    }

    public static MetricSpec containerResource(String resource, String container, MetricTarget target) {
        return new MetricSpec(MetricSourceType.CONTAINER_RESOURCE, resource, container, target);
    }

    public static MetricSpec pods(String metric, Quantity averageValue) {
        return new MetricSpec(MetricSourceType.PODS, metric, null, MetricTarget.averageValue(averageValue));
    }

    public static MetricSpec object(String metric, MetricTarget target) {
        return new MetricSpec(MetricSourceType.OBJECT, metric, null, target);
    }

    public static MetricSpec external(String metric, MetricTarget target) {
        return new MetricSpec(MetricSourceType.EXTERNAL, metric, null, target);
    }

    /** A short human name, as the controller words it in events ("cpu resource utilization", "queue (external)"). */
    public String describe() {
        return switch (source) {
            case RESOURCE -> name + " resource" + (target.averageValue() == null ? " utilization" : "");
            case CONTAINER_RESOURCE -> name + " container resource" + (target.averageValue() == null
                    ? " utilization" : "") + " (" + container + ")";
            case PODS -> "pods metric " + name;
            case OBJECT -> "object metric " + name;
            case EXTERNAL -> "external metric " + name;
        };
    }
}
