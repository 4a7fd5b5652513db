package dev.trafficengineer.rules.workload;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** metav1.LabelSelector matching (apimachinery LabelSelectorAsSelector semantics). */
public final class LabelSelectors {

    private LabelSelectors() {}

    /**
     * Whether the selector selects pods with these labels. An empty selector ({@code {}}) selects everything, as in
     * policy/v1 PodDisruptionBudgets; a selector that is not an object, or has an operator this code does not know,
     * selects nothing.
     */
    public static boolean matches(JsonNode selector, Map<String, String> labels) {
        if (!selector.isObject()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> e : selector.path("matchLabels").properties()) {
            if (!e.getValue().asText().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode req : selector.path("matchExpressions")) {
            String key = req.path("key").asText("");
            Set<String> values = new HashSet<>();
            req.path("values").forEach(v -> values.add(v.asText()));
            String op = req.path("operator").asText("");
            boolean ok = switch (op) {
                case "In" -> labels.containsKey(key) && values.contains(labels.get(key));
                case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
