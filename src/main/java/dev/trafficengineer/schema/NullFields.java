package dev.trafficengineer.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes fields whose value is null ({@code minReplicas:} with nothing after it), as the API server does before it
 * validates: a built-in type decodes null as "not set", and a custom resource prunes null fields of non-nullable
 * schemas before validation. A null that stands for a required field then reads as missing, which is what the API
 * server reports. Nulls inside lists are kept: they are errors.
 */
final class NullFields {

    private NullFields() {}

    /** {@code node} itself when it holds no null field (the common case costs one walk), else a pruned copy. */
    static JsonNode pruned(JsonNode node) {
        if (!hasNullField(node)) {
            return node;
        }
        JsonNode copy = node.deepCopy();
        prune(copy);
        return copy;
    }

    private static boolean hasNullField(JsonNode node) {
        if (node.isObject()) {
            for (JsonNode child : node) {
                if (child.isNull() || hasNullField(child)) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                if (hasNullField(child)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void prune(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> nulls = new ArrayList<>();
            object.properties().forEach(e -> {
                if (e.getValue().isNull()) {
                    nulls.add(e.getKey());
                } else {
                    prune(e.getValue());
                }
            });
            object.remove(nulls);
        } else if (node.isArray()) {
            node.forEach(NullFields::prune);
        }
    }
}
