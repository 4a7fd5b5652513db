package dev.trafficengineer.rules.hpa;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.source.JsonPointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A HorizontalPodAutoscaler of any autoscaling version (v1, v2beta1, v2beta2, v2), read as the controller sees it
 * after the API server's defaulting and conversion: {@code minReplicas} 1 when omitted, cpu at 80% when no metric
 * is given. Values of the wrong type read as absent; the schema and validation rules report them.
 */
public final class HpaView {

    public static final String KIND = "HorizontalPodAutoscaler";
    static final Set<String> VERSIONS = Set.of("autoscaling/v1", "autoscaling/v2beta1", "autoscaling/v2beta2",
            "autoscaling/v2");
    /** autoscaling.DefaultCPUUtilization: the target of the metric an HPA without metrics gets. */
    static final int DEFAULT_CPU_UTILIZATION = 80;

    static final JsonPointer SPEC = JsonPointer.of("spec");
    public static final JsonPointer MIN_REPLICAS = SPEC.child("minReplicas");
    public static final JsonPointer MAX_REPLICAS = SPEC.child("maxReplicas");
    public static final JsonPointer BEHAVIOR = SPEC.child("behavior");

    private final KubeObject object;
    private final JsonNode spec;

    private HpaView(KubeObject object) {
        this.object = object;
        this.spec = object.tree().path("spec");
    }

    /** Whether the object is an HPA of a version this view reads. */
    public static boolean isHpa(KubeObject o) {
        return o.kind().equals(KIND) && VERSIONS.contains(o.apiVersion());
    }

    public static Optional<HpaView> of(KubeObject o) {
        return isHpa(o) ? Optional.of(new HpaView(o)) : Optional.empty();
    }

    public KubeObject object() {
        return object;
    }

    /** v1, v2beta1, v2beta2 or v2. */
    public String version() {
        return object.apiVersion().substring("autoscaling/".length());
    }

    /** Whether the version has {@code behavior} (v2beta2 and v2). */
    public boolean hasBehavior() {
        return version().equals("v2") || version().equals("v2beta2");
    }

    public TargetRef target() {
        return TargetRef.read(spec.path("scaleTargetRef"), SPEC.child("scaleTargetRef"));
    }

    /** The effective minReplicas: as written, or 1. */
    public int minReplicas() {
        JsonNode n = spec.path("minReplicas");
        return isInt(n) ? n.intValue() : 1;
    }

    public boolean minReplicasWritten() {
        return isInt(spec.path("minReplicas"));
    }

    public OptionalInt maxReplicas() {
        JsonNode n = spec.path("maxReplicas");
        return isInt(n) ? OptionalInt.of(n.intValue()) : OptionalInt.empty();
    }

    /** Whether the bounds are ones the API server accepts: 1 ≤ max and min ≤ max. */
    public boolean bounded() {
        OptionalInt max = maxReplicas();
        return max.isPresent() && max.getAsInt() >= 1 && minReplicas() >= 0 && minReplicas() <= max.getAsInt();
    }

    public JsonNode behavior() {
        return hasBehavior() ? spec.path("behavior") : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** The metrics the controller scales on, in order; the default cpu metric when none is given. */
    public List<MetricTarget> metrics() {
        if (version().equals("v1")) {
            JsonNode cpu = spec.path("targetCPUUtilizationPercentage");
            JsonPointer at = SPEC.child("targetCPUUtilizationPercentage");
            if (isInt(cpu)) {
                return List.of(new MetricTarget(SPEC, "Resource", "cpu", null, null, null, "Utilization", null,
                        cpu.intValue(), at, null, null, null, null, false));
            }
            return List.of(defaultMetric());
        }
        JsonNode metrics = spec.path("metrics");
        if (!metrics.isArray() || metrics.isEmpty()) {
            return List.of(defaultMetric());
        }
        List<MetricTarget> out = new ArrayList<>();
        for (int i = 0; i < metrics.size(); i++) {
            JsonPointer at = SPEC.child("metrics").child(i);
            JsonNode m = metrics.get(i);
            MetricTarget t = version().equals("v2beta1") ? v2beta1(m, at) : v2(m, at);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    private static MetricTarget defaultMetric() {
        return new MetricTarget(SPEC, "Resource", "cpu", null, null, null, "Utilization", null,
                DEFAULT_CPU_UTILIZATION, null, null, null, null, null, true);
    }

    /** autoscaling/v2 and v2beta2: the block named by {@code type}, with a {@code target} of its own. */
    private static MetricTarget v2(JsonNode m, JsonPointer at) {
        String source = m.path("type").asText("");
        String block = switch (source) {
            case "Resource" -> "resource";
            case "ContainerResource" -> "containerResource";
            case "Pods" -> "pods";
            case "Object" -> "object";
            case "External" -> "external";
            default -> null;
        };
        if (block == null || !m.path(block).isObject()) {
            return null;
        }
        JsonNode b = m.path(block);
        JsonPointer bp = at.child(block);
        boolean resource = source.equals("Resource") || source.equals("ContainerResource");
        JsonPointer nameAt = resource ? bp.child("name") : bp.child("metric").child("name");
        String name = text(resource ? b.path("name") : b.path("metric").path("name"));
        JsonNode target = b.path("target");
        JsonPointer tp = bp.child("target");
        JsonNode util = target.path("averageUtilization");
        return new MetricTarget(at, source, name, nameAt, text(b.path("container")), bp.child("container"),
                text(target.path("type")), tp.child("type"), isInt(util) ? util.intValue() : null,
                tp.child("averageUtilization"), quantity(target.path("averageValue")), tp.child("averageValue"),
                quantity(target.path("value")), tp.child("value"), false);
    }

    /** autoscaling/v2beta1, converted as pkg/apis/autoscaling/v2beta1/conversion.go converts it. */
    private static MetricTarget v2beta1(JsonNode m, JsonPointer at) {
        String source = m.path("type").asText("");
        switch (source) {
            case "Resource", "ContainerResource" -> {
                String block = source.equals("Resource") ? "resource" : "containerResource";
                JsonNode b = m.path(block);
                JsonPointer bp = at.child(block);
                JsonNode util = b.path("targetAverageUtilization");
                Integer u = isInt(util) ? util.intValue() : null;
                return new MetricTarget(at, source, text(b.path("name")), bp.child("name"),
                        text(b.path("container")), bp.child("container"), u != null ? "Utilization" : "AverageValue",
                        null, u, bp.child("targetAverageUtilization"), quantity(b.path("targetAverageValue")),
                        bp.child("targetAverageValue"), null, null, false);
            }
            case "Pods" -> {
                JsonNode b = m.path("pods");
                JsonPointer bp = at.child("pods");
                return new MetricTarget(at, source, text(b.path("metricName")), bp.child("metricName"), null, null,
                        "AverageValue", null, null, null, quantity(b.path("targetAverageValue")),
                        bp.child("targetAverageValue"), null, null, false);
            }
            case "Object" -> {
                JsonNode b = m.path("object");
                JsonPointer bp = at.child("object");
                String avg = quantity(b.path("averageValue"));
                return new MetricTarget(at, source, text(b.path("metricName")), bp.child("metricName"), null, null,
                        avg == null ? "Value" : "AverageValue", null, null, null, avg, bp.child("averageValue"),
                        quantity(b.path("targetValue")), bp.child("targetValue"), false);
            }
            case "External" -> {
                JsonNode b = m.path("external");
                JsonPointer bp = at.child("external");
                String value = quantity(b.path("targetValue"));
                return new MetricTarget(at, source, text(b.path("metricName")), bp.child("metricName"), null, null,
                        value == null ? "AverageValue" : "Value", null, null, null,
                        quantity(b.path("targetAverageValue")), bp.child("targetAverageValue"), value,
                        bp.child("targetValue"), false);
            }
            default -> {
                return null;
            }
        }
    }

    private static String text(JsonNode n) {
        return n.isTextual() && !n.asText().isEmpty() ? n.asText() : null;
    }

    /** A quantity as written: a string, or a YAML number ({@code averageValue: 80}). */
    private static String quantity(JsonNode n) {
        if (n.isTextual() && !n.asText().isEmpty()) {
            return n.asText();
        }
        return n.isNumber() ? n.asText() : null;
    }

    static boolean isInt(JsonNode n) {
        return n.isIntegralNumber() && n.canConvertToInt();
    }
}
