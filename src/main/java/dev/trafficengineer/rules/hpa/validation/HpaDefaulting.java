package dev.trafficengineer.rules.hpa.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trafficengineer.source.JsonPointer;
import java.util.ArrayList;
import java.util.List;

/**
 * The API server's autoscaling/v2 defaulting (pkg/apis/autoscaling/v2/defaults.go
 * {@code SetDefaults_HorizontalPodAutoscaler}), applied to a copy of the object before validation. It is why an
 * omitted {@code minReplicas}, {@code metrics}, {@code selectPolicy} or {@code policies} never fails validation.
 *
 * <p>A JSON {@code null} counts as omitted, as it does for the server's pointers and slices. An explicit empty
 * {@code policies: []} is kept (Go copies any non-nil slice), so it still fails "must specify at least one Policy";
 * an explicit {@code metrics: []} is replaced, because the server tests the length.
 */
public final class HpaDefaulting {

    /** autoscaling.DefaultCPUUtilization. */
    static final int DEFAULT_CPU_UTILIZATION = 80;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private HpaDefaulting() {
    }

    /**
     * The defaulted copy and the fields defaulting filled in, outermost first (a whole filled-in rule set is one
     * entry, e.g. {@code /spec/behavior/scaleUp}).
     */
    public record Result(JsonNode object, List<JsonPointer> defaulted) {
        public Result {
            defaulted = List.copyOf(defaulted);
        }

        public boolean wasDefaulted(JsonPointer p) {
            for (JsonPointer d : defaulted) {
                if (p.startsWith(d)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Applies defaulting to a deep copy; the input is not changed. A non-object input is returned as it is. */
    public static Result apply(JsonNode hpa) {
        if (hpa == null || !hpa.isObject()) {
            return new Result(hpa, List.of());
        }
        ObjectNode copy = ((ObjectNode) hpa).deepCopy();
        List<JsonPointer> defaulted = new ArrayList<>();
        JsonPointer specPointer = JsonPointer.of("spec");
        JsonNode existing = copy.get("spec");
        if (existing != null && !existing.isNull() && !existing.isObject()) {
            return new Result(copy, defaulted); // cannot happen after a successful decode
        }
        ObjectNode spec = absent(existing) ? copy.putObject("spec") : (ObjectNode) existing;

        if (absent(spec.get("minReplicas"))) {
            spec.put("minReplicas", 1);
            defaulted.add(specPointer.child("minReplicas"));
        }
        JsonNode metrics = spec.get("metrics");
        if (absent(metrics) || (metrics.isArray() && metrics.isEmpty())) {
            spec.set("metrics", JSON.arrayNode().add(defaultMetric()));
            defaulted.add(specPointer.child("metrics"));
        }
        JsonNode behavior = spec.get("behavior");
        if (behavior != null && behavior.isObject()) {
            // SetDefaults_HorizontalPodAutoscalerBehavior: only a behavior that is present is filled in
            JsonPointer b = specPointer.child("behavior");
            fillRules((ObjectNode) behavior, "scaleUp", scaleUpDefaults(), b, defaulted);
            fillRules((ObjectNode) behavior, "scaleDown", scaleDownDefaults(), b, defaulted);
        }
        return new Result(copy, defaulted);
    }

    private static boolean absent(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode();
    }

    /** {@code {type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 80}}}}. */
    private static ObjectNode defaultMetric() {
        ObjectNode metric = JSON.objectNode().put("type", "Resource");
        ObjectNode resource = metric.putObject("resource").put("name", "cpu");
        resource.putObject("target").put("type", "Utilization").put("averageUtilization", DEFAULT_CPU_UTILIZATION);
        return metric;
    }

    /** defaultHPAScaleUpRules: no window, Max of 4 pods or 100% every 15 s. */
    private static ObjectNode scaleUpDefaults() {
        ObjectNode rules = JSON.objectNode().put("stabilizationWindowSeconds", 0).put("selectPolicy", "Max");
        ArrayNode policies = rules.putArray("policies");
        policies.addObject().put("type", "Pods").put("value", 4).put("periodSeconds", 15);
        policies.addObject().put("type", "Percent").put("value", 100).put("periodSeconds", 15);
        return rules;
    }

    /**
     * defaultHPAScaleDownRules: Max of 100% every 15 s. The window stays unset: the controller fills it from its
     * --horizontal-pod-autoscaler-downscale-stabilization flag at run time.
     */
    private static ObjectNode scaleDownDefaults() {
        ObjectNode rules = JSON.objectNode().put("selectPolicy", "Max");
        rules.putArray("policies").addObject().put("type", "Percent").put("value", 100).put("periodSeconds", 15);
        return rules;
    }

    /** copyHPAScalingRules: every field the user set wins, field by field; the rest comes from the defaults. */
    private static void fillRules(ObjectNode behavior, String name, ObjectNode defaults, JsonPointer behaviorPointer,
            List<JsonPointer> defaulted) {
        JsonPointer p = behaviorPointer.child(name);
        JsonNode given = behavior.get(name);
        if (absent(given) || !given.isObject()) {
            behavior.set(name, defaults);
            defaulted.add(p);
            return;
        }
        ObjectNode rules = (ObjectNode) given;
        for (String field : List.of("stabilizationWindowSeconds", "selectPolicy", "policies")) {
            if (absent(rules.get(field)) && defaults.has(field)) {
                rules.set(field, defaults.get(field));
                defaulted.add(p.child(field));
            }
        }
    }
}
