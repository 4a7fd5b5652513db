package dev.trafficengineer.schema.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trafficengineer.source.JsonPointer;
import java.util.List;

/**
 * The part of RFC 6902 (JSON Patch) that the schema inputs use: {@code add}, {@code remove}, {@code replace} and
 * {@code test}. KEDA ships its released CRDs as base files plus such patches (kustomize applies them), and our own
 * additions to the upstream definitions are written the same way. Members other than op, path and value are ignored,
 * as RFC 6902 §4 requires, so a patch may carry a note on why.
 */
final class JsonPatch {

    private JsonPatch() {}

    /** A patch that cannot be applied: the upstream files changed under it, or the patch itself is wrong. */
    static final class PatchException extends RuntimeException {
        PatchException(String message) {
            super(message);
        }
    }

    /** Applies the operations in order to a copy of {@code document}; the input is left as it was. */
    static JsonNode apply(JsonNode document, List<JsonNode> operations) {
        JsonNode result = document.deepCopy();
        for (JsonNode op : operations) {
            result = applyOne(result, op);
        }
        return result;
    }

    private static JsonNode applyOne(JsonNode document, JsonNode op) {
        String name = text(op, "op");
        JsonPointer path = new JsonPointer(text(op, "path"));
        switch (name) {
            case "add":
                return add(document, path, value(op));
            case "remove":
                remove(document, path);
                return document;
            case "replace":
                remove(document, path);
                return add(document, path, value(op));
            case "test":
                JsonNode actual = resolve(document, path);
                if (actual == null || !actual.equals(value(op))) {
                    throw new PatchException("test failed at " + path + ": expected " + value(op) + ", found " + actual);
                }
                return document;
            default:
                throw new PatchException("unsupported JSON Patch operation '" + name + "' at " + path);
        }
    }

    private static JsonNode add(JsonNode document, JsonPointer path, JsonNode value) {
        if (path.isRoot()) {
            return value.deepCopy();
        }
        JsonNode parent = resolve(document, path.parent());
        String token = path.last();
        if (parent instanceof ObjectNode object) {
            object.set(token, value.deepCopy());
        } else if (parent instanceof ArrayNode array) {
            if (token.equals("-")) {
                array.add(value.deepCopy());
            } else {
                int index = index(token, array.size() + 1, path);
                array.insert(index, value.deepCopy());
            }
        } else {
            throw new PatchException("cannot add at " + path + ": the parent does not exist or is not a container");
        }
        return document;
    }

    private static void remove(JsonNode document, JsonPointer path) {
        JsonNode parent = resolve(document, path.parent());
        String token = path.last();
        if (parent instanceof ObjectNode object && object.has(token)) {
            object.remove(token);
        } else if (parent instanceof ArrayNode array) {
            array.remove(index(token, array.size(), path));
        } else {
            throw new PatchException("cannot remove " + path + ": there is nothing there");
        }
    }

    /** The node at {@code path}, or null when there is none. */
    static JsonNode resolve(JsonNode document, JsonPointer path) {
        JsonNode node = document;
        for (String token : path.tokens()) {
            if (node instanceof ObjectNode object) {
                node = object.get(token);
            } else if (node instanceof ArrayNode array && token.matches("0|[1-9][0-9]*")) {
                node = array.get(Integer.parseInt(token));
            } else {
                return null;
            }
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private static int index(String token, int limit, JsonPointer path) {
        if (!token.matches("0|[1-9][0-9]*")) {
            throw new PatchException("'" + token + "' is not an array index in " + path);
        }
        int i = Integer.parseInt(token);
        if (i >= limit) {
            throw new PatchException("array index " + i + " is out of bounds in " + path);
        }
        return i;
    }

    private static String text(JsonNode op, String member) {
        JsonNode n = op.get(member);
        if (n == null || !n.isTextual()) {
            throw new PatchException("a JSON Patch operation needs a string '" + member + "': " + op);
        }
        return n.asText();
    }

    private static JsonNode value(JsonNode op) {
        if (!op.has("value")) {
            throw new PatchException("operation needs a 'value': " + op);
        }
        return op.get("value");
    }
}
