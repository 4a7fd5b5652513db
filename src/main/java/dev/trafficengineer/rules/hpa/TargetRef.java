package dev.trafficengineer.rules.hpa;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.source.JsonPointer;

/**
 * A {@code scaleTargetRef} as written; fields that are missing or not strings are null.
 *
 * @param at where the reference sits, e.g. {@code /spec/scaleTargetRef}
 */
public record TargetRef(JsonPointer at, String apiVersion, String kind, String name) {

    static TargetRef read(JsonNode ref, JsonPointer at) {
        return new TargetRef(at, text(ref, "apiVersion"), text(ref, "kind"), text(ref, "name"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isTextual() && !v.asText().isEmpty() ? v.asText() : null;
    }

    /** The API group as the controller parses it (schema.ParseGroupVersion): "" when there is no slash. */
    public String group() {
        if (apiVersion == null) {
            return "";
        }
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** The version part, or the whole string when there is no slash. */
    public String version() {
        if (apiVersion == null) {
            return "";
        }
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    }

    /** Whether kind and name are there to resolve. */
    public boolean complete() {
        return kind != null && name != null;
    }

    public JsonPointer kindAt() {
        return at.child("kind");
    }

    public JsonPointer nameAt() {
        return at.child("name");
    }

    public JsonPointer apiVersionAt() {
        return at.child("apiVersion");
    }

    /** {@code Deployment `web`}. */
    public String display() {
        return kind + " `" + name + "`";
    }
}
