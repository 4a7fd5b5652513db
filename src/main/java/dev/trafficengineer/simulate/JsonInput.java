package dev.trafficengineer.simulate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficengineer.kube.Quantity;
import java.math.BigDecimal;
import java.util.function.Function;

/**
 * Reading fields out of a JSON tree with errors that name the field by its path ({@code behavior.scaleUp.policies[0]
 * .type}) and say what was expected. Unknown fields are ignored, so that callers may pass richer objects.
 */
final class JsonInput {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonInput() {
    }

    /** Parses one JSON object; anything else is an input error with the position of the problem. */
    static JsonNode parseObject(String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + " column " + at.getColumnNr();
            throw new SimulationInputException("input is not valid JSON: " + e.getOriginalMessage() + where);
        }
        if (root == null || root.isMissingNode()) {
            throw new SimulationInputException("expected one JSON object, got no input");
        }
        if (!root.isObject()) {
            throw new SimulationInputException("expected one JSON object, got " + kind(root));
        }
        return root;
    }

    static String child(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    static String element(String path, int index) {
        return path + "[" + index + "]";
    }

    /** The field, or null when it is absent or JSON null. */
    static JsonNode optional(JsonNode object, String field) {
        JsonNode n = object.get(field);
        return n == null || n.isNull() ? null : n;
    }

    static JsonNode required(JsonNode object, String field, String path) {
        JsonNode n = optional(object, field);
        if (n == null) {
            throw new SimulationInputException("missing field `" + child(path, field) + "`");
        }
        return n;
    }

    static JsonNode requireObject(JsonNode node, String path) {
        if (!node.isObject()) {
            throw new SimulationInputException("`" + path + "` must be an object, got " + kind(node));
        }
        return node;
    }

    static JsonNode requireArray(JsonNode node, String path) {
        if (!node.isArray()) {
            throw new SimulationInputException("`" + path + "` must be a list, got " + kind(node));
        }
        return node;
    }

    static int requiredInt(JsonNode object, String field, String path) {
        return toInt(required(object, field, path), child(path, field));
    }

    static Integer optionalInt(JsonNode object, String field, String path) {
        JsonNode n = optional(object, field);
        return n == null ? null : toInt(n, child(path, field));
    }

    static int toInt(JsonNode n, String path) {
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new SimulationInputException("`" + path + "` must be an integer, got " + kind(n));
        }
        return n.intValue();
    }

    static boolean optionalBoolean(JsonNode object, String field, String path, boolean fallback) {
        JsonNode n = optional(object, field);
        if (n == null) {
            return fallback;
        }
        if (!n.isBoolean()) {
            throw new SimulationInputException("`" + child(path, field) + "` must be true or false, got " + kind(n));
        }
        return n.booleanValue();
    }

    static String requiredString(JsonNode object, String field, String path) {
        JsonNode n = required(object, field, path);
        return toText(n, child(path, field));
    }

    static String optionalString(JsonNode object, String field, String path) {
        JsonNode n = optional(object, field);
        return n == null ? null : toText(n, child(path, field));
    }

    private static String toText(JsonNode n, String path) {
        if (!n.isTextual()) {
            throw new SimulationInputException("`" + path + "` must be a string, got " + kind(n));
        }
        return n.textValue();
    }

    /** A quantity written as a string ("500m") or a plain JSON number (0.1). */
    static Quantity quantity(JsonNode n, String path) {
        String text;
        if (n.isTextual()) {
            text = n.textValue();
        } else if (n.isNumber()) {
            text = n.decimalValue().toPlainString();
        } else {
            throw new SimulationInputException("`" + path + "` must be a quantity such as \"500m\" or 2, got "
                    + kind(n));
        }
        try {
            return Quantity.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new SimulationInputException("`" + path + "`: " + e.getMessage());
        }
    }

    /** A non-negative number of seconds (decimals allowed) as milliseconds before now. */
    static long secondsAgo(JsonNode object, String field, String path) {
        JsonNode n = required(object, field, path);
        return secondsToMillis(n, child(path, field));
    }

    static long secondsToMillis(JsonNode n, String path) {
        if (!n.isNumber()) {
            throw new SimulationInputException("`" + path + "` must be a number of seconds, got " + kind(n));
        }
        BigDecimal millis = n.decimalValue().movePointRight(3);
        if (millis.signum() < 0) {
            throw new SimulationInputException("`" + path + "` must not be negative, got " + n.asText());
        }
        try {
            return millis.setScale(0, java.math.RoundingMode.UNNECESSARY).longValueExact();
        } catch (ArithmeticException e) {
            throw new SimulationInputException("`" + path + "` must be a whole number of milliseconds, got "
                    + n.asText());
        }
    }

    /** An enum spelled exactly as the Kubernetes API spells it. */
    static <E extends Enum<E>> E apiEnum(JsonNode object, String field, String path, Class<E> type,
            Function<String, java.util.Optional<E>> lookup, Function<E, String> spelling) {
        String text = requiredString(object, field, path);
        return lookup.apply(text).orElseThrow(() -> {
            StringBuilder allowed = new StringBuilder();
            for (E e : type.getEnumConstants()) {
                allowed.append(allowed.length() == 0 ? "" : ", ").append(spelling.apply(e));
            }
            return new SimulationInputException("`" + child(path, field) + "` must be one of " + allowed + "; got \""
                    + text + "\"");
        });
    }


    static String kind(JsonNode n) {
        if (n.isTextual()) {
            return "the string \"" + n.textValue() + "\"";
        }
        if (n.isNumber()) {
            return "the number " + n.asText();
        }
        if (n.isBoolean()) {
            return n.asText();
        }
        if (n.isArray()) {
            return "a list";
        }
        if (n.isObject()) {
            return "an object";
        }
        return "null";
    }
}
