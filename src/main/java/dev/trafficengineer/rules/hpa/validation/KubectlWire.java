package dev.trafficengineer.rules.hpa.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.kube.Quantity;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * What a YAML-loaded node looks like on the wire. kubectl turns YAML into JSON through Go values (sigs.k8s.io/yaml,
 * then an unstructured object), so the server sees Go's JSON encoding of them: sorted map keys, shortest floats,
 * integral floats as integers, HTML-escaped strings.
 */
final class KubectlWire {

    private KubectlWire() {
    }

    /** The JSON literal of a number; IllegalArgumentException for NaN and infinities, which Go cannot marshal. */
    static String numberLiteral(JsonNode node) {
        if (node.isIntegralNumber()) {
            return GoFormat.jsonInteger(node.bigIntegerValue());
        }
        double d = node.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException(
                    "json: unsupported value: " + (Double.isNaN(d) ? "NaN" : (d > 0 ? "+Inf" : "-Inf")));
        }
        return GoFormat.jsonFloat(d);
    }

    /**
     * The text Quantity.UnmarshalJSON parses: the JSON bytes of the value, without the quotes of a string (but with
     * its escapes), trimmed of Unicode space. Only the first byte of an object or array matters: neither can parse.
     */
    static String quantityText(JsonNode node) {
        String raw;
        if (node.isTextual()) {
            String json = GoFormat.jsonString(node.textValue());
            raw = json.substring(1, json.length() - 1);
        } else if (node.isNumber()) {
            raw = numberLiteral(node);
        } else if (node.isBoolean()) {
            raw = node.booleanValue() ? "true" : "false";
        } else {
            raw = node.isArray() ? "[]" : "{}";
        }
        return trimSpace(raw);
    }

    /** Parses a quantity node the way the server does; null for JSON null or a missing node. */
    static Quantity quantity(JsonNode node) throws Quantity.ParseException {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return Quantity.parse(quantityText(node));
    }

    /** strings.TrimSpace: Unicode white space at both ends. */
    static String trimSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isGoSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isGoSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** unicode.IsSpace for a UTF-16 unit: ASCII space and controls \t..\r, U+0085, U+00A0, and Z* characters. */
    private static boolean isGoSpace(char c) {
        return switch (c) {
            case '\t', '\n', 0x0b, '\f', '\r', ' ', 0x85, 0xA0 -> true;
            default -> c > 0xff && (Character.isSpaceChar(c));
        };
    }

    /** The object's keys in the order Go's json.Marshal writes them. */
    static List<String> sortedKeys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        keys.sort(GoFormat.GO_KEY_ORDER);
        return keys;
    }
}
