package dev.trafficengineer.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.trafficengineer.simulate.Durations;
import dev.trafficengineer.simulate.SimulationInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The arguments of one tool call, read by name. The SDK has checked them against the input schema already; these
 * accessors still check types, so that a tool called without that check (or with a schema too loose to say it) gets
 * a {@link ToolException} that names the argument, never a ClassCastException.
 */
final class Args {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode node;
    private final String prefix;

    private Args(JsonNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    static Args of(Map<String, Object> arguments) {
        return new Args(arguments == null ? JsonNodeFactory.instance.objectNode() : JSON.valueToTree(arguments), "");
    }

    static Args of(JsonNode node) {
        return new Args(node, "");
    }

    boolean has(String name) {
        JsonNode v = node.get(name);
        return v != null && !v.isNull();
    }

    /** A nested object, whose argument names are reported as {@code outer.inner}. */
    Args object(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw wrongType(name, "an object");
        }
        return new Args(v, prefix + name + ".");
    }

    JsonNode raw(String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v;
    }

    String text(String name) {
        JsonNode v = raw(name);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            throw wrongType(name, "a string");
        }
        return v.textValue();
    }

    String requiredText(String name) {
        String v = text(name);
        if (v == null || v.isBlank()) {
            throw new ToolException("`" + prefix + name + "` is required and must not be empty");
        }
        return v;
    }

    List<String> texts(String name) {
        JsonNode v = raw(name);
        if (v == null) {
            return null;
        }
        if (!v.isArray()) {
            throw wrongType(name, "an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw wrongType(name, "an array of strings");
            }
            out.add(item.textValue());
        }
        return out;
    }

    Double number(String name) {
        JsonNode v = raw(name);
        if (v == null) {
            return null;
        }
        if (!v.isNumber()) {
            throw wrongType(name, "a number");
        }
        return v.doubleValue();
    }

    Integer integer(String name) {
        JsonNode v = raw(name);
        if (v == null) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw wrongType(name, "a whole number");
        }
        return v.intValue();
    }

    boolean flag(String name) {
        JsonNode v = raw(name);
        if (v == null) {
            return false;
        }
        if (!v.isBoolean()) {
            throw wrongType(name, "true or false");
        }
        return v.booleanValue();
    }

    /** A duration given as seconds (a number) or as text such as {@code 90s}, {@code 15m}, {@code 2h}. */
    Long seconds(String name) {
        JsonNode v = raw(name);
        if (v == null) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isTextual()) {
            try {
                return Durations.wholeSeconds(v.textValue(), "`" + prefix + name + "`");
            } catch (SimulationInputException e) {
                throw new ToolException(e.getMessage());
            }
        }
        throw wrongType(name, "a whole number of seconds or a duration such as 90s, 15m or 2h");
    }

    /** As {@link #seconds}, for durations that may have a fraction ({@code 150ms}, {@code 0.2}). */
    Double fractionalSeconds(String name) {
        JsonNode v = raw(name);
        if (v == null) {
            return null;
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            try {
                return Durations.seconds(v.textValue(), "`" + prefix + name + "`");
            } catch (SimulationInputException e) {
                throw new ToolException(e.getMessage());
            }
        }
        throw wrongType(name, "a number of seconds or a duration such as 150ms or 2s");
    }

    private ToolException wrongType(String name, String expected) {
        return new ToolException("`" + prefix + name + "` must be " + expected);
    }
}
