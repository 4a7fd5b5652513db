package dev.trafficengineer.rules.keda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.source.JsonPointer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code spec.triggers} of a ScaledObject or ScaledJob, read-only.
 *
 * @param metadata   every scalar metadata value as the text KEDA would see once quoted (a YAML int {@code 50} is
 *                   {@code "50"} here; {@link AdmissionMetadataNotString} reports that it is not a string)
 * @param metricType the trigger-level {@code metricType}, or null when not written
 * @param authRef    the {@code authenticationRef}, or null
 */
record Trigger(int index, JsonPointer at, String type, String name, boolean useCachedMetrics, String metricType,
        Map<String, String> metadata, AuthRef authRef) {

    static final JsonPointer TRIGGERS = JsonPointer.of("spec", "triggers");

    /**
     * {@code authenticationRef}: {@code kind} empty means TriggerAuthentication.
     *
     * @param kind the kind as written, or null
     */
    record AuthRef(String name, String kind, JsonPointer at) {

        boolean cluster() {
            return "ClusterTriggerAuthentication".equals(kind);
        }

        String kindOrDefault() {
            return kind == null || kind.isEmpty() ? "TriggerAuthentication" : kind;
        }
    }

    /** The triggers of a ScaledObject or ScaledJob, skipping entries that are not objects. */
    static List<Trigger> of(KubeObject o) {
        JsonNode list = o.at(TRIGGERS);
        List<Trigger> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode t = list.get(i);
            if (!t.isObject()) {
                continue;
            }
            JsonPointer at = TRIGGERS.child(i);
            Map<String, String> metadata = new LinkedHashMap<>();
            t.path("metadata").properties().forEach(e -> {
                if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                    metadata.put(e.getKey(), e.getValue().asText());
                }
            });
            JsonNode ref = t.path("authenticationRef");
            String refKind = ref.hasNonNull("kind") ? ref.path("kind").asText() : null;
            AuthRef authRef = ref.isObject()
                    ? new AuthRef(ref.path("name").asText(""), refKind, at.child("authenticationRef")) : null;
            out.add(new Trigger(i, at, t.path("type").asText(""), t.path("name").asText(""),
                    t.path("useCachedMetrics").asBoolean(false) && t.path("useCachedMetrics").isBoolean(),
                    t.hasNonNull("metricType") ? t.path("metricType").asText() : null,
                    Collections.unmodifiableMap(metadata), authRef));
        }
        return out;
    }

    boolean isCpuMemory() {
        return type.equals("cpu") || type.equals("memory");
    }

    JsonPointer metadataAt(String key) {
        return at.child("metadata").child(key);
    }

    /** The value of a metadata key as KEDA reads it: trimmed, and null when absent or blank. */
    String value(String key) {
        String v = metadata.get(key);
        if (v == null || v.isBlank()) {
            return null;
        }
        return v.strip();
    }

    boolean has(String key) {
        return value(key) != null;
    }

    /** How to name this trigger in a message: its name, else its type and position. */
    String label() {
        return name.isEmpty() ? "`" + type + "` trigger #" + (index + 1) : "trigger `" + name + "`";
    }
}
