package dev.trafficengineer.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Types a plain YAML scalar the way Kubernetes does: sigs.k8s.io/yaml reads YAML with go-yaml v2 (YAML 1.1 style)
 * and converts the result to JSON. So {@code yes}, {@code on} and {@code y} are booleans, {@code 0644} is the octal
 * 420, {@code 08} is the float 8, {@code 1:30} stays a string (no base 60), timestamps stay strings, and an integral
 * float such as {@code 10.0} reaches the API server as the JSON number {@code 10}.
 */
final class YamlScalars {

    private YamlScalars() {}

    private static final Map<String, JsonNode> WORDS = words();

    /** go-yaml v2 resolve.go's yamlStyleFloat. */
    private static final Pattern YAML_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private static Map<String, JsonNode> words() {
        Map<String, JsonNode> m = new java.util.HashMap<>();
        for (String s : new String[] {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"}) {
            m.put(s, BooleanNode.TRUE);
        }
        for (String s : new String[] {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"}) {
            m.put(s, BooleanNode.FALSE);
        }
        for (String s : new String[] {"", "~", "null", "Null", "NULL"}) {
            m.put(s, NullNode.getInstance());
        }
        for (String s : new String[] {".nan", ".NaN", ".NAN"}) {
            m.put(s, DoubleNode.valueOf(Double.NaN));
        }
        for (String s : new String[] {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"}) {
            m.put(s, DoubleNode.valueOf(Double.POSITIVE_INFINITY));
        }
        for (String s : new String[] {"-.inf", "-.Inf", "-.INF"}) {
            m.put(s, DoubleNode.valueOf(Double.NEGATIVE_INFINITY));
        }
        return Map.copyOf(m);
    }

    /** The JSON value of a plain (unquoted, untagged) scalar. */
    static JsonNode plain(String in) {
        JsonNode word = WORDS.get(in);
        if (word != null) {
            return word;
        }
        char c = in.charAt(0);
        if (c == '.') {
            JsonNode f = parseFloat(in);
            return f != null ? f : TextNode.valueOf(in);
        }
        if ((c >= '0' && c <= '9') || c == '+' || c == '-') {
            JsonNode n = number(in);
            return n != null ? n : TextNode.valueOf(in);
        }
        return TextNode.valueOf(in);
    }

    /** go-yaml v2: int via Go's ParseInt(s, 0, 64) after removing '_', then uint64, then a YAML-style float. */
    private static JsonNode number(String in) {
        if (isTimestamp(in)) {
            return TextNode.valueOf(in); // go-yaml hands timestamps to interface{} targets as strings
        }
        String plain = in.replace("_", "");
        BigInteger i = goParseInt(plain);
        if (i != null && i.compareTo(INT64_MIN) >= 0 && i.compareTo(UINT64_MAX) <= 0) {
            return integer(i);
        }
        if (YAML_FLOAT.matcher(plain).matches()) {
            return parseFloat(plain);
        }
        if (plain.startsWith("0b") || plain.startsWith("-0b")) {
            BigInteger b = digits(plain.startsWith("-") ? plain.substring(3) : plain.substring(2), 2);
            if (b != null && b.bitLength() < 64) {
                return integer(plain.startsWith("-") ? b.negate() : b);
            }
        }
        return null;
    }

    /** Go's strconv.ParseInt with base 0: sign, then 0x/0o/0b prefixes, a leading 0 for octal, else decimal. */
    private static BigInteger goParseInt(String s) {
        if (s.isEmpty()) {
            return null;
        }
        boolean negative = false;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        BigInteger v;
        if (s.length() > 2 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')) {
            v = digits(s.substring(2), 16);
        } else if (s.length() > 2 && s.charAt(0) == '0' && (s.charAt(1) == 'o' || s.charAt(1) == 'O')) {
            v = digits(s.substring(2), 8);
        } else if (s.length() > 2 && s.charAt(0) == '0' && (s.charAt(1) == 'b' || s.charAt(1) == 'B')) {
            v = digits(s.substring(2), 2);
        } else if (s.length() > 1 && s.charAt(0) == '0') {
            v = digits(s.substring(1), 8);
        } else {
            v = digits(s, 10);
        }
        return v == null ? null : negative ? v.negate() : v;
    }

    private static BigInteger digits(String s, int radix) {
        if (s.isEmpty()) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), radix) < 0) {
                return null;
            }
        }
        return new BigInteger(s, radix);
    }

    private static JsonNode integer(BigInteger i) {
        if (i.bitLength() < 32) {
            return IntNode.valueOf(i.intValue());
        }
        if (i.bitLength() < 64) {
            return LongNode.valueOf(i.longValue());
        }
        return BigIntegerNode.valueOf(i);
    }

    private static JsonNode parseFloat(String s) {
        if (!YAML_FLOAT.matcher(s).matches()) {
            return null;
        }
        double d = Double.parseDouble(s);
        if (Double.isInfinite(d)) {
            return null;
        }
        // Go's json.Marshal prints an integral float64 below 1e21 without a fraction, so the server sees an int.
        if (d == Math.rint(d) && Math.abs(d) < 1e21) {
            return integer(new BigDecimal(d).toBigIntegerExact());
        }
        return DoubleNode.valueOf(d);
    }

    /** The date and date-time forms go-yaml v2 recognises (parseTimestamp). */
    private static boolean isTimestamp(String s) {
        int i = 0;
        int n = s.length();
        int digits = 0;
        while (i < n && Character.isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (digits != 4 || i >= n || s.charAt(i) != '-') {
            return false;
        }
        return s.matches("\\d{4}-\\d{1,2}-\\d{1,2}([Tt ]\\d{1,2}:\\d{1,2}:\\d{1,2}(\\.\\d+)?(Z|[+-]\\d{1,2}:\\d{2})?)?");
    }
}
