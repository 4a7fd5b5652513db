package dev.trafficengineer.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.kube.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the simulator's input records from the {@code spec} of a manifest, as a JSON tree (a YAML document read
 * into Jackson's tree model works the same): an autoscaling/v2 HorizontalPodAutoscaler, or a KEDA ScaledObject.
 */
public final class ManifestSpecs {

    /**
     * The target and activation metadata keys of common KEDA scalers, with the target's default where the scaler has
     * one (research keda.md §8). Scalers not listed read {@code threshold}/{@code activationThreshold}.
     */
    private record ScalerKeys(String target, String activation, Double defaultTarget) {
    }

    private static final Map<String, ScalerKeys> SCALERS = Map.ofEntries(
            Map.entry("prometheus", new ScalerKeys("threshold", "activationThreshold", null)),
            Map.entry("kafka", new ScalerKeys("lagThreshold", "activationLagThreshold", 10.0)),
            Map.entry("apache-kafka", new ScalerKeys("lagThreshold", "activationLagThreshold", 10.0)),
            Map.entry("rabbitmq", new ScalerKeys("value", "activationValue", 20.0)),
            Map.entry("aws-sqs-queue", new ScalerKeys("queueLength", "activationQueueLength", 5.0)),
            Map.entry("redis", new ScalerKeys("listLength", "activationListLength", 5.0)),
            Map.entry("redis-cluster", new ScalerKeys("listLength", "activationListLength", 5.0)),
            Map.entry("redis-sentinel", new ScalerKeys("listLength", "activationListLength", 5.0)),
            Map.entry("azure-servicebus", new ScalerKeys("messageCount", "activationMessageCount", 5.0)),
            Map.entry("azure-queue", new ScalerKeys("queueLength", "activationQueueLength", 5.0)),
            Map.entry("azure-eventhub", new ScalerKeys("unprocessedEventThreshold",
                    "activationUnprocessedEventThreshold", 64.0)),
            Map.entry("aws-cloudwatch", new ScalerKeys("targetMetricValue", "activationTargetMetricValue", null)),
            Map.entry("datadog", new ScalerKeys("queryValue", "activationQueryValue", null)),
            Map.entry("mongodb", new ScalerKeys("queryValue", "activationQueryValue", null)),
            Map.entry("gcp-pubsub", new ScalerKeys("value", "activationValue", 10.0)),
            Map.entry("nats-jetstream", new ScalerKeys("lagThreshold", "activationLagThreshold", 10.0)),
            Map.entry("postgresql", new ScalerKeys("targetQueryValue", "activationTargetQueryValue", null)),
            Map.entry("mysql", new ScalerKeys("queryValue", "activationQueryValue", null)),
            Map.entry("metrics-api", new ScalerKeys("targetValue", "activationTargetValue", null)),
            Map.entry("kubernetes-workload", new ScalerKeys("value", "activationValue", null)));

    private ManifestSpecs() {
    }

    /** An HPA's {@code spec}: minReplicas, maxReplicas, metrics (manifest form) and behavior. */
    public static HpaSpec hpa(JsonNode spec) {
        JsonInput.requireObject(spec, "spec");
        List<MetricSpec> metrics = new ArrayList<>();
        JsonNode list = JsonInput.optional(spec, "metrics");
        if (list != null) {
            JsonInput.requireArray(list, "spec.metrics");
            for (int i = 0; i < list.size(); i++) {
                metrics.add(SpecJson.metric(list.get(i), JsonInput.element("spec.metrics", i)));
            }
        }
        return new HpaSpec(JsonInput.optionalInt(spec, "minReplicas", "spec"),
                JsonInput.requiredInt(spec, "maxReplicas", "spec"), metrics,
                SpecJson.behavior(JsonInput.optional(spec, "behavior"), "spec.behavior"));
    }

    /**
     * A ScaledObject's {@code spec}: replica counts, polling and cooldown, fallback, the HPA behavior under
     * {@code advanced.horizontalPodAutoscalerConfig}, and each trigger's target and activation threshold read from
     * its scaler's metadata keys (cron triggers get the constant target 1 KEDA gives them).
     */
    public static ScaledObjectSpec scaledObject(JsonNode spec) {
        JsonInput.requireObject(spec, "spec");
        ScaledObjectSpec.Fallback fallback = null;
        JsonNode fb = JsonInput.optional(spec, "fallback");
        if (fb != null) {
            JsonInput.requireObject(fb, "spec.fallback");
            String behavior = JsonInput.optionalString(fb, "behavior", "spec.fallback");
            fallback = new ScaledObjectSpec.Fallback(JsonInput.requiredInt(fb, "failureThreshold", "spec.fallback"),
                    JsonInput.requiredInt(fb, "replicas", "spec.fallback"),
                    behavior == null ? FallbackBehavior.STATIC : FallbackBehavior.fromApiName(behavior)
                            .orElseThrow(() -> new SimulationInputException("`spec.fallback.behavior` must be one of"
                                    + " static, currentReplicas, currentReplicasIfHigher, currentReplicasIfLower;"
                                    + " got \"" + behavior + "\"")));
        }
        Behavior behavior = null;
        JsonNode advanced = JsonInput.optional(spec, "advanced");
        if (advanced != null) {
            JsonNode hpaConfig = JsonInput.optional(advanced, "horizontalPodAutoscalerConfig");
            if (hpaConfig != null) {
                behavior = SpecJson.behavior(JsonInput.optional(hpaConfig, "behavior"),
                        "spec.advanced.horizontalPodAutoscalerConfig.behavior");
            }
        }
        JsonNode list = JsonInput.requireArray(JsonInput.required(spec, "triggers", "spec"), "spec.triggers");
        List<KedaTrigger> triggers = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            triggers.add(trigger(JsonInput.requireObject(list.get(i), JsonInput.element("spec.triggers", i)),
                    JsonInput.element("spec.triggers", i)));
        }
        return new ScaledObjectSpec(JsonInput.optionalInt(spec, "pollingInterval", "spec"),
                JsonInput.optionalInt(spec, "cooldownPeriod", "spec"),
                JsonInput.optionalInt(spec, "initialCooldownPeriod", "spec"),
                JsonInput.optionalInt(spec, "idleReplicaCount", "spec"),
                JsonInput.optionalInt(spec, "minReplicaCount", "spec"),
                JsonInput.optionalInt(spec, "maxReplicaCount", "spec"), fallback, behavior, triggers);
    }

    private static KedaTrigger trigger(JsonNode t, String path) {
        String type = JsonInput.requiredString(t, "type", path);
        String name = JsonInput.optionalString(t, "name", path);
        String metricType = JsonInput.optionalString(t, "metricType", path);
        JsonNode metadata = JsonInput.optional(t, "metadata");
        String metaPath = JsonInput.child(path, "metadata");
        if ("cpu".equals(type) || "memory".equals(type)) {
            String value = metadata == null ? null : JsonInput.optionalString(metadata, "value", metaPath);
            if (value == null) {
                throw new SimulationInputException("missing field `" + JsonInput.child(metaPath, "value") + "`");
            }
            String container = metadata == null ? null : JsonInput.optionalString(metadata, "containerName",
                    metaPath);
            if ("Utilization".equals(metricType)) {
                return new KedaTrigger(type, name, MetricTargetType.UTILIZATION, null,
                        (int) number(value, JsonInput.child(metaPath, "value")), 0, container);
            }
            if ("AverageValue".equals(metricType)) {
                return new KedaTrigger(type, name, MetricTargetType.AVERAGE_VALUE,
                        JsonInput.quantity(metadata.get("value"), JsonInput.child(metaPath, "value")), null, 0,
                        container);
            }
            throw new SimulationInputException("`" + JsonInput.child(path, "metricType") + "` of a " + type
                    + " trigger must be Utilization or AverageValue; got " + (metricType == null ? "nothing"
                    : "\"" + metricType + "\""));
        }
        MetricTargetType target = "Value".equals(metricType) ? MetricTargetType.VALUE
                : MetricTargetType.AVERAGE_VALUE;
        if ("cron".equals(type)) {
            return new KedaTrigger(type, name, target, Quantity.valueOf("1"), null, 0, null);
        }
        ScalerKeys keys = SCALERS.getOrDefault(type, new ScalerKeys("threshold", "activationThreshold", null));
        String targetText = metadata == null ? null : JsonInput.optionalString(metadata, keys.target(), metaPath);
        double threshold;
        if (targetText != null) {
            threshold = number(targetText, JsonInput.child(metaPath, keys.target()));
        } else if (keys.defaultTarget() != null) {
            threshold = keys.defaultTarget();
        } else {
            throw new SimulationInputException("missing field `" + JsonInput.child(metaPath, keys.target())
                    + "`: the " + type + " scaler's target");
        }
        String activationText = metadata == null ? null : JsonInput.optionalString(metadata, keys.activation(),
                metaPath);
        double activation = activationText == null ? 0
                : number(activationText, JsonInput.child(metaPath, keys.activation()));
        return new KedaTrigger(type, name, target, KedaTrigger.thresholdQuantity(threshold), null, activation, null);
    }

    private static double number(String text, String path) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new SimulationInputException("`" + path + "` must be a number in a string, got \"" + text + "\"");
        }
    }
}
