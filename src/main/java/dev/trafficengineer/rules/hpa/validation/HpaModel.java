package dev.trafficengineer.rules.hpa.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.kube.Quantity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HPA as the validation code sees it: the internal autoscaling type the server converts the decoded, defaulted
 * v2 object to (pkg/apis/autoscaling types.go). Go's nil pointers and nil slices are Java nulls here; Go's zero values
 * (empty string, 0) are kept as such, because the rules test them ({@code len(ref.Kind) == 0},
 * {@code MaxReplicas == 0}).
 */
final class HpaModel {

    /**
     * The annotations older API versions use to carry v2 fields (pkg/apis/autoscaling annotations.go). The v2 to
     * internal conversion removes them ({@code DropRoundTripHorizontalPodAutoscalerAnnotations}), so validation never
     * sees them: they are neither checked nor counted towards the size limit.
     */
    static final List<String> ROUND_TRIP_ANNOTATIONS = List.of(
            "autoscaling.alpha.kubernetes.io/metrics",
            "autoscaling.alpha.kubernetes.io/behavior",
            "autoscaling.alpha.kubernetes.io/current-metrics",
            "autoscaling.alpha.kubernetes.io/conditions");

    private HpaModel() {
    }

    record Hpa(ObjectMeta metadata, Spec spec) {
    }

    /** {@code generation} is 0 when unset, as Go's int64 zero value. */
    record ObjectMeta(String name, String generateName, String namespace, long generation, Map<String, String> labels,
            Map<String, String> annotations, List<OwnerReference> ownerReferences, List<String> finalizers) {
    }

    /** {@code controller} is null when unset. */
    record OwnerReference(String apiVersion, String kind, String name, String uid, Boolean controller,
            Boolean blockOwnerDeletion) {
    }

    /** {@code minReplicas} null = nil; {@code metrics} and {@code behavior} null = nil. */
    record Spec(CrossVersionObjectReference scaleTargetRef, Integer minReplicas, int maxReplicas,
            List<MetricSpec> metrics, Behavior behavior) {
    }

    record CrossVersionObjectReference(String kind, String name, String apiVersion) {
    }

    /** Each source is null unless populated. */
    record MetricSpec(String type, ObjectSource object, PodsSource pods, ResourceSource resource,
            ContainerResourceSource containerResource, ExternalSource external) {
    }

    /** The selector is not modelled: the server does not validate it (research §2.4). */
    record MetricIdentifier(String name) {
    }

    /** Null fields are nil pointers. */
    record MetricTarget(String type, Quantity value, Quantity averageValue, Integer averageUtilization) {
    }

    record ObjectSource(CrossVersionObjectReference describedObject, MetricTarget target, MetricIdentifier metric) {
    }

    record PodsSource(MetricIdentifier metric, MetricTarget target) {
    }

    record ResourceSource(String name, MetricTarget target) {
    }

    record ContainerResourceSource(String name, MetricTarget target, String container) {
    }

    record ExternalSource(MetricIdentifier metric, MetricTarget target) {
    }

    /** A null rule set was not given (and behavior itself was nil, or defaulting would have filled it). */
    record Behavior(ScalingRules scaleUp, ScalingRules scaleDown) {
    }

    /** Null fields are nil; {@code policies} is nil only when neither user nor defaulting set it. */
    record ScalingRules(Integer stabilizationWindowSeconds, String selectPolicy, List<ScalingPolicy> policies,
            Quantity tolerance) {

        ScalingRules withoutTolerance() {
            return new ScalingRules(stabilizationWindowSeconds, selectPolicy, policies, null);
        }
    }

    record ScalingPolicy(String type, int value, int periodSeconds) {
    }

    /**
     * Reads a decoded (and defaulted) object. The decode stage has already proved every field has its Go type, so a
     * value of another type cannot occur; it is read as the zero value all the same rather than failing.
     */
    static Hpa read(JsonNode hpa) {
        return new Hpa(objectMeta(field(hpa, "metadata")), spec(field(hpa, "spec")));
    }

    private static ObjectMeta objectMeta(JsonNode m) {
        List<OwnerReference> owners = new ArrayList<>();
        for (JsonNode o : elements(field(m, "ownerReferences"))) {
            owners.add(new OwnerReference(string(o, "apiVersion"), string(o, "kind"), string(o, "name"),
                    string(o, "uid"), bool(o, "controller"), bool(o, "blockOwnerDeletion")));
        }
        List<String> finalizers = new ArrayList<>();
        for (JsonNode f : elements(field(m, "finalizers"))) {
            finalizers.add(f.isTextual() ? f.textValue() : "");
        }
        Map<String, String> annotations = stringMap(field(m, "annotations"));
        ROUND_TRIP_ANNOTATIONS.forEach(annotations::remove);
        return new ObjectMeta(string(m, "name"), string(m, "generateName"), string(m, "namespace"),
                int64(m, "generation"), stringMap(field(m, "labels")), annotations, owners, finalizers);
    }

    private static Spec spec(JsonNode s) {
        List<MetricSpec> metrics = null;
        JsonNode list = field(s, "metrics");
        if (list.isArray()) {
            metrics = new ArrayList<>();
            for (JsonNode m : list) {
                metrics.add(metricSpec(m));
            }
        }
        JsonNode b = field(s, "behavior");
        Behavior behavior = b.isObject() ? new Behavior(rules(field(b, "scaleUp")), rules(field(b, "scaleDown")))
                : null;
        Integer max = integer(s, "maxReplicas");
        return new Spec(reference(field(s, "scaleTargetRef")), integer(s, "minReplicas"), max == null ? 0 : max,
                metrics, behavior);
    }

    private static CrossVersionObjectReference reference(JsonNode r) {
        return new CrossVersionObjectReference(string(r, "kind"), string(r, "name"), string(r, "apiVersion"));
    }

    private static MetricSpec metricSpec(JsonNode m) {
        JsonNode o = field(m, "object");
        JsonNode p = field(m, "pods");
        JsonNode r = field(m, "resource");
        JsonNode c = field(m, "containerResource");
        JsonNode e = field(m, "external");
        return new MetricSpec(string(m, "type"),
                o.isObject() ? new ObjectSource(reference(field(o, "describedObject")), target(field(o, "target")),
                        identifier(field(o, "metric"))) : null,
                p.isObject() ? new PodsSource(identifier(field(p, "metric")), target(field(p, "target"))) : null,
                r.isObject() ? new ResourceSource(string(r, "name"), target(field(r, "target"))) : null,
                c.isObject() ? new ContainerResourceSource(string(c, "name"), target(field(c, "target")),
                        string(c, "container")) : null,
                e.isObject() ? new ExternalSource(identifier(field(e, "metric")), target(field(e, "target"))) : null);
    }

    private static MetricIdentifier identifier(JsonNode i) {
        return new MetricIdentifier(string(i, "name"));
    }

    private static MetricTarget target(JsonNode t) {
        return new MetricTarget(string(t, "type"), quantity(t, "value"), quantity(t, "averageValue"),
                integer(t, "averageUtilization"));
    }

    private static ScalingRules rules(JsonNode r) {
        if (!r.isObject()) {
            return null;
        }
        List<ScalingPolicy> policies = null;
        JsonNode list = field(r, "policies");
        if (list.isArray()) {
            policies = new ArrayList<>();
            for (JsonNode p : list) {
                Integer value = integer(p, "value");
                Integer period = integer(p, "periodSeconds");
                policies.add(new ScalingPolicy(string(p, "type"), value == null ? 0 : value,
                        period == null ? 0 : period));
            }
        }
        return new ScalingRules(integer(r, "stabilizationWindowSeconds"), nullableString(r, "selectPolicy"),
                policies, quantity(r, "tolerance"));
    }

    /** The child, or a missing node: reading through absent parents gives zero values. */
    private static JsonNode field(JsonNode parent, String name) {
        if (parent == null || !parent.isObject()) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        JsonNode n = parent.get(name);
        return n == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : n;
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(out::add);
        }
        return out;
    }

    /** A Go string field: "" when absent. */
    private static String string(JsonNode parent, String name) {
        String s = nullableString(parent, name);
        return s == null ? "" : s;
    }

    /** A Go *string-like field (e.g. *ScalingPolicySelect): null when absent. */
    private static String nullableString(JsonNode parent, String name) {
        JsonNode n = field(parent, name);
        return n.isTextual() ? n.textValue() : null;
    }

    private static Boolean bool(JsonNode parent, String name) {
        JsonNode n = field(parent, name);
        return n.isBoolean() ? n.booleanValue() : null;
    }

    /** An int32 or *int32 field: null when absent (the decode stage has checked range and form). */
    private static Integer integer(JsonNode parent, String name) {
        JsonNode n = field(parent, name);
        if (!n.isNumber()) {
            return null;
        }
        try {
            return Integer.valueOf(KubectlWire.numberLiteral(n));
        } catch (IllegalArgumentException notAnInt32) {
            return null;
        }
    }

    /** An int64 field: 0 when absent (the decode stage has checked range and form). */
    private static long int64(JsonNode parent, String name) {
        JsonNode n = field(parent, name);
        if (!n.isNumber()) {
            return 0;
        }
        try {
            return Long.parseLong(KubectlWire.numberLiteral(n));
        } catch (IllegalArgumentException notAnInt64) {
            return 0;
        }
    }

    private static Quantity quantity(JsonNode parent, String name) {
        try {
            return KubectlWire.quantity(field(parent, name));
        } catch (Quantity.ParseException | IllegalArgumentException unparsable) {
            // the decode stage rejects this before the model is read, or drops the field (a release or gate without
            // it): either way the model never holds it, and a NaN must not throw here
            return null;
        }
    }

    private static Map<String, String> stringMap(JsonNode map) {
        Map<String, String> out = new LinkedHashMap<>();
        if (map.isObject()) {
            for (String key : KubectlWire.sortedKeys(map)) {
                JsonNode v = map.get(key);
                if (v != null && v.isTextual()) {
                    out.put(key, v.textValue());
                } else if (v == null || v.isNull()) {
                    out.put(key, "");
                }
            }
        }
        return out;
    }
}
