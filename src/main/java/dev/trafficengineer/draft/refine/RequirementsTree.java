package dev.trafficengineer.draft.refine;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trafficengineer.draft.Requirements;

/**
 * Requirements as a JSON tree addressed by field paths ({@code bounds.max}, the names the resolver's origins use):
 * changing one field of the nested records is one call instead of rebuilding each record by hand.
 */
public final class RequirementsTree {

    /** Absent fields stay absent: null means "not stated" in requirements. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

    private final ObjectNode root;

    private RequirementsTree(ObjectNode root) {
        this.root = root;
    }

    public static RequirementsTree of(Requirements r) {
        return new RequirementsTree(r == null ? JSON.createObjectNode() : JSON.valueToTree(r));
    }

    public RequirementsTree copy() {
        return new RequirementsTree(root.deepCopy());
    }

    public ObjectNode root() {
        return root;
    }

    /** The value at a dotted path, or null when absent. */
    public JsonNode get(String path) {
        JsonNode n = root;
        for (String part : path.split("\\.")) {
            n = n.get(part);
            if (n == null || n.isNull()) {
                return null;
            }
        }
        return n;
    }

    public boolean has(String path) {
        return get(path) != null;
    }

    /** Sets a value, creating the objects on the way; a null value removes the field. */
    public RequirementsTree set(String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode n = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = n.get(parts[i]);
            if (!(child instanceof ObjectNode)) {
                if (value == null) {
                    return this;
                }
                child = n.putObject(parts[i]);
            }
            n = (ObjectNode) child;
        }
        if (value == null) {
            n.remove(parts[parts.length - 1]);
        } else {
            n.set(parts[parts.length - 1], value);
        }
        return this;
    }

    public RequirementsTree set(String path, int value) {
        return set(path, JsonNodeFactory.instance.numberNode(value));
    }

    public RequirementsTree set(String path, double value) {
        return set(path, value == Math.rint(value) && Math.abs(value) < 1e9
                ? JsonNodeFactory.instance.numberNode((long) value) : JsonNodeFactory.instance.numberNode(value));
    }

    public RequirementsTree set(String path, boolean value) {
        return set(path, JsonNodeFactory.instance.booleanNode(value));
    }

    public RequirementsTree set(String path, String value) {
        return set(path, value == null ? null : JsonNodeFactory.instance.textNode(value));
    }

    public RequirementsTree remove(String path) {
        return set(path, (JsonNode) null);
    }

    /** Makes sure an object exists at the path (an empty {@code source.kafka} says "a Kafka consumer"). */
    public RequirementsTree ensureObject(String path) {
        if (!(get(path) instanceof ObjectNode)) {
            set(path, JSON.createObjectNode());
        }
        return this;
    }

    /** Appends a string to an array, unless it is there already. */
    public RequirementsTree addToArray(String path, String value) {
        JsonNode existing = get(path);
        ArrayNode array = existing instanceof ArrayNode a ? a : JSON.createArrayNode();
        for (JsonNode v : array) {
            if (v.asText().equals(value)) {
                return this;
            }
        }
        array.add(value);
        return set(path, array);
    }

    public Requirements toRequirements() {
        try {
            return JSON.treeToValue(root, Requirements.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("requirements tree does not fit the record: " + e.getMessage(), e);
        }
    }
}
