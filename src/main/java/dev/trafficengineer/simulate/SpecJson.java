package dev.trafficengineer.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.kube.Quantity;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the autoscaling/v2 pieces the simulator shares between its commands, written as in a manifest: a behavior,
 * a metric spec, and the controller flags.
 */
public final class SpecJson {

    private SpecJson() {
    }

    /** {@code spec.behavior} as written; null for null. Fields left out stay null, to be defaulted later. */
    public static Behavior behavior(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        JsonInput.requireObject(node, path);
        return new Behavior(rules(JsonInput.optional(node, "scaleUp"), JsonInput.child(path, "scaleUp")),
                rules(JsonInput.optional(node, "scaleDown"), JsonInput.child(path, "scaleDown")));
    }

    private static ScalingRules rules(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        JsonInput.requireObject(node, path);
        Integer window = JsonInput.optionalInt(node, "stabilizationWindowSeconds", path);
        SelectPolicy select = JsonInput.optional(node, "selectPolicy") == null ? null
                : JsonInput.apiEnum(node, "selectPolicy", path, SelectPolicy.class, SelectPolicy::fromApiName,
                        SelectPolicy::apiName);
        List<ScalingPolicy> policies = null;
        JsonNode list = JsonInput.optional(node, "policies");
        if (list != null) {
            String listPath = JsonInput.child(path, "policies");
            JsonInput.requireArray(list, listPath);
            policies = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                String p = JsonInput.element(listPath, i);
                JsonNode policy = JsonInput.requireObject(list.get(i), p);
                policies.add(new ScalingPolicy(
                        JsonInput.apiEnum(policy, "type", p, PolicyType.class, PolicyType::fromApiName,
                                PolicyType::apiName),
                        JsonInput.requiredInt(policy, "value", p),
                        JsonInput.requiredInt(policy, "periodSeconds", p)));
            }
        }
        JsonNode tolerance = JsonInput.optional(node, "tolerance");
        Quantity q = tolerance == null ? null : JsonInput.quantity(tolerance, JsonInput.child(path, "tolerance"));
        return new ScalingRules(window, select, policies, q);
    }

    /** One entry of {@code spec.metrics}, in the flat form of the propose command or as in a manifest. */
    public static MetricSpec metric(JsonNode node, String path) {
        JsonInput.requireObject(node, path);
        MetricSourceType type = JsonInput.apiEnum(node, "type", path, MetricSourceType.class,
                MetricSourceType::fromApiName, MetricSourceType::apiName);
        JsonNode source = nested(node, type);
        String sourcePath = source == node ? path : JsonInput.child(path, sourceField(type));
        String name;
        String container = null;
        if (type == MetricSourceType.RESOURCE || type == MetricSourceType.CONTAINER_RESOURCE) {
            name = source.has("resource") ? JsonInput.requiredString(source, "resource", sourcePath)
                    : JsonInput.requiredString(source, "name", sourcePath);
            if (type == MetricSourceType.CONTAINER_RESOURCE) {
                container = JsonInput.requiredString(source, "container", sourcePath);
            } else {
                container = JsonInput.optionalString(source, "container", sourcePath);
                if (container != null) {
                    // the flat form allows a container on Resource too: that is what ContainerResource means
                    type = MetricSourceType.CONTAINER_RESOURCE;
                }
            }
        } else {
            JsonNode metric = JsonInput.optional(source, "metric");
            name = metric != null ? JsonInput.optionalString(metric, "name", JsonInput.child(sourcePath, "metric"))
                    : JsonInput.optionalString(source, "name", sourcePath);
            if (name == null) {
                name = type.apiName().toLowerCase(java.util.Locale.ROOT) + "-metric";
            }
        }
        String targetPath = JsonInput.child(sourcePath, "target");
        JsonNode target = JsonInput.requireObject(JsonInput.required(source, "target", sourcePath), targetPath);
        MetricTargetType targetType = JsonInput.apiEnum(target, "type", targetPath, MetricTargetType.class,
                MetricTargetType::fromApiName, MetricTargetType::apiName);
        JsonNode average = JsonInput.optional(target, "averageValue");
        JsonNode value = JsonInput.optional(target, "value");
        MetricTarget t = new MetricTarget(targetType,
                JsonInput.optionalInt(target, "averageUtilization", targetPath),
                average == null ? null : JsonInput.quantity(average, JsonInput.child(targetPath, "averageValue")),
                value == null ? null : JsonInput.quantity(value, JsonInput.child(targetPath, "value")));
        requireTargetValue(type, t, targetPath);
        return new MetricSpec(type, name, container, t);
    }

    private static void requireTargetValue(MetricSourceType type, MetricTarget t, String path) {
        String needed = switch (t.type()) {
            case UTILIZATION -> t.averageUtilization() == null && t.averageValue() == null ? "averageUtilization"
                    : null;
            case AVERAGE_VALUE -> t.averageValue() == null ? "averageValue" : null;
            case VALUE -> t.value() == null && t.averageValue() == null ? "value" : null;
        };
        if (needed != null) {
            throw new SimulationInputException("missing field `" + JsonInput.child(path, needed) + "` for a "
                    + t.type().apiName() + " target");
        }
        if (t.type() == MetricTargetType.UTILIZATION && type != MetricSourceType.RESOURCE
                && type != MetricSourceType.CONTAINER_RESOURCE) {
            throw new SimulationInputException("`" + JsonInput.child(path, "type")
                    + "` Utilization applies only to Resource and ContainerResource metrics");
        }
    }

    /** A manifest metric nests its fields under resource/pods/...; the flat form has them at the top. */
    private static JsonNode nested(JsonNode node, MetricSourceType type) {
        JsonNode inner = JsonInput.optional(node, sourceField(type));
        return inner != null && inner.isObject() ? inner : node;
    }

    private static String sourceField(MetricSourceType type) {
        return switch (type) {
            case RESOURCE -> "resource";
            case CONTAINER_RESOURCE -> "containerResource";
            case PODS -> "pods";
            case OBJECT -> "object";
            case EXTERNAL -> "external";
        };
    }

    /**
     * Optional controller flags, {@code {"tolerance", "downscaleStabilizationSeconds",
     * "cpuInitializationPeriodSeconds", "initialReadinessDelaySeconds", "syncPeriodSeconds"}}; absent ones keep
     * the kube-controller-manager defaults.
     */
    public static ControllerConfig controller(JsonNode node, String path) {
        ControllerConfig d = ControllerConfig.DEFAULTS;
        if (node == null) {
            return d;
        }
        JsonInput.requireObject(node, path);
        JsonNode tolerance = JsonInput.optional(node, "tolerance");
        Integer sync = JsonInput.optionalInt(node, "syncPeriodSeconds", path);
        Integer down = JsonInput.optionalInt(node, "downscaleStabilizationSeconds", path);
        Integer cpu = JsonInput.optionalInt(node, "cpuInitializationPeriodSeconds", path);
        Integer delay = JsonInput.optionalInt(node, "initialReadinessDelaySeconds", path);
        if (sync != null && sync <= 0) {
            throw new SimulationInputException("`" + JsonInput.child(path, "syncPeriodSeconds")
                    + "` must be positive, got " + sync);
        }
        return new ControllerConfig(
                sync == null ? d.syncPeriodSeconds() : sync,
                tolerance == null ? d.tolerance()
                        : JsonInput.quantity(tolerance, JsonInput.child(path, "tolerance")).approximateDouble(),
                down == null ? d.downscaleStabilizationSeconds() : down,
                cpu == null ? d.cpuInitializationPeriodSeconds() : cpu,
                delay == null ? d.initialReadinessDelaySeconds() : delay);
    }
}
