package dev.trafficengineer.rules.keda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.source.JsonPointer;
import java.util.List;

/**
 * A read-only view of a {@code keda.sh/v1alpha1} ScaledObject: the fields the rules read, with the integer fields
 * null when absent or not integers (the schema findings report the latter).
 */
record ScaledObjectView(KubeObject object, TargetRef target, Integer minReplicaCount, Integer maxReplicaCount,
        Integer idleReplicaCount, Integer pollingInterval, Integer cooldownPeriod, JsonNode fallback,
        String customHpaName, JsonNode scalingModifiers, List<Trigger> triggers) {

    static final JsonPointer SPEC = JsonPointer.of("spec");
    static final JsonPointer MIN = SPEC.child("minReplicaCount");
    static final JsonPointer MAX = SPEC.child("maxReplicaCount");
    static final JsonPointer IDLE = SPEC.child("idleReplicaCount");
    static final JsonPointer POLLING = SPEC.child("pollingInterval");
    static final JsonPointer COOLDOWN = SPEC.child("cooldownPeriod");
    static final JsonPointer FALLBACK = SPEC.child("fallback");
    static final JsonPointer ADVANCED = SPEC.child("advanced");
    static final JsonPointer HPA_CONFIG = ADVANCED.child("horizontalPodAutoscalerConfig");
    /** The behavior KEDA copies verbatim into the HPA it creates; {@link BehaviorCheck} analyses it. */
    static final JsonPointer BEHAVIOR = HPA_CONFIG.child("behavior");
    static final JsonPointer MODIFIERS = ADVANCED.child("scalingModifiers");

    /** KEDA's defaults ([K] scaledobject_types.go). */
    static final int DEFAULT_MAX = 100;
    static final int DEFAULT_POLLING = 30;
    static final int DEFAULT_COOLDOWN = 300;

    static boolean isScaledObject(KubeObject o) {
        return o.kind().equals("ScaledObject") && o.apiVersion().equals("keda.sh/v1alpha1");
    }

    static boolean isScaledJob(KubeObject o) {
        return o.kind().equals("ScaledJob") && o.apiVersion().equals("keda.sh/v1alpha1");
    }

    static ScaledObjectView of(KubeObject o) {
        JsonNode spec = o.tree().path("spec");
        JsonNode hpaName = spec.path("advanced").path("horizontalPodAutoscalerConfig").path("name");
        return new ScaledObjectView(o, TargetRef.of(spec.path("scaleTargetRef")), integer(spec.path("minReplicaCount")),
                integer(spec.path("maxReplicaCount")), integer(spec.path("idleReplicaCount")),
                integer(spec.path("pollingInterval")), integer(spec.path("cooldownPeriod")),
                spec.path("fallback").isObject() ? spec.path("fallback") : null,
                hpaName.isTextual() && !hpaName.asText().isEmpty() ? hpaName.asText() : null,
                spec.path("advanced").path("scalingModifiers"), Trigger.of(o));
    }

    static Integer integer(JsonNode n) {
        return n.isIntegralNumber() && n.canConvertToInt() ? n.intValue() : null;
    }

    String name() {
        return object.name();
    }

    String namespace() {
        return object.namespace();
    }

    /** The HPA KEDA creates: the custom name, else {@code keda-hpa-<name>}. */
    String hpaName() {
        return customHpaName != null ? customHpaName : "keda-hpa-" + name();
    }

    /** The HPA's minReplicas: KEDA itself handles 0 and 1, so the HPA it creates never goes below 1. */
    int hpaMin() {
        return minReplicaCount != null && minReplicaCount > 0 ? minReplicaCount : 1;
    }

    /** The HPA's maxReplicas, KEDA's default when not written. */
    int effectiveMax() {
        return maxReplicaCount != null ? maxReplicaCount : DEFAULT_MAX;
    }

    /** Scale to zero is on when minReplicaCount is absent or 0 (KEDA's default is 0). */
    boolean scalesToZero() {
        return minReplicaCount == null || minReplicaCount == 0;
    }

    boolean onlyCpuMemory() {
        return !triggers.isEmpty() && triggers.stream().allMatch(Trigger::isCpuMemory);
    }

    /**
     * Whether {@code advanced.scalingModifiers} is set: KEDA compares it with the zero value, so any of formula,
     * target, activationTarget or metricType counts ([K] scaledobject_types.go IsUsingModifiers).
     */
    boolean usesModifiers() {
        for (String f : new String[] {"formula", "target", "activationTarget", "metricType"}) {
            JsonNode v = scalingModifiers.path(f);
            if (v.isValueNode() && !v.isNull() && !v.asText().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    String modifier(String field) {
        JsonNode v = scalingModifiers.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : "";
    }
}
