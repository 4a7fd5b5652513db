package dev.trafficengineer.rules.keda;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * How KEDA's typed scaler config turns metadata strings into values ([K] pkg/scalers/scalersconfig/typed_config.go):
 * numbers through Go's JSON decoder, booleans through strconv.ParseBool, durations as Go durations or integer
 * milliseconds. Each method returns null when the text parses, else the inner error KEDA reports.
 */
final class GoValues {

    private GoValues() {}

    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final Pattern JSON_INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final Pattern GO_DECIMAL = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern GO_DURATION = Pattern.compile(
            "[+-]?((([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(ns|us|µs|μs|ms|s|m|h))+|0");
    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** An int64 field: JSON integer syntax within range. */
    static String int64Error(String text) {
        if (JSON_INTEGER.matcher(text).matches()) {
            BigInteger v = new BigInteger(text);
            return v.compareTo(INT64_MIN) < 0 || v.compareTo(INT64_MAX) > 0
                    ? "json: cannot unmarshal number " + text + " into Go value of type int64" : null;
        }
        if (JSON_NUMBER.matcher(text).matches()) {
            return "json: cannot unmarshal number " + text + " into Go value of type int64";
        }
        return jsonSyntaxError(text);
    }

    /** A float64 field: JSON number syntax (so {@code .5}, {@code 1.} and {@code +1} are rejected). */
    static String float64Error(String text) {
        return JSON_NUMBER.matcher(text).matches() ? null : jsonSyntaxError(text);
    }

    /** strconv.ParseInt(s, 10, 64), as hand-written scalers parse integers. */
    static String parseIntError(String text) {
        if (!GO_DECIMAL.matcher(text).matches()) {
            return "strconv.ParseInt: parsing \"" + text + "\": invalid syntax";
        }
        BigInteger v = new BigInteger(text);
        return v.compareTo(INT64_MIN) < 0 || v.compareTo(INT64_MAX) > 0
                ? "strconv.ParseInt: parsing \"" + text + "\": value out of range" : null;
    }

    /** strconv.ParseBool: exactly 1 t T TRUE true True 0 f F FALSE false False. */
    static String boolError(String text) {
        return parseBool(text) == null ? "strconv.ParseBool: parsing \"" + text + "\": invalid syntax" : null;
    }

    static Boolean parseBool(String text) {
        switch (text) {
            case "1", "t", "T", "TRUE", "true", "True":
                return Boolean.TRUE;
            case "0", "f", "F", "FALSE", "false", "False":
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    /** A duration: a Go duration string such as {@code 30s}, or integer milliseconds; never negative. */
    static String durationError(String text) {
        if (JSON_INTEGER.matcher(text).matches() || GO_DURATION.matcher(text).matches()) {
            return text.startsWith("-") && !text.matches("-0+") ? "duration cannot be negative: " + text : null;
        }
        return "time: invalid duration \"" + text + "\"";
    }

    /** A map written {@code k=v,k2=v2}: every element must split into exactly one key and one value. */
    static String mapError(String text) {
        for (String element : text.split(",", -1)) {
            String e = element.strip();
            if (e.split("=", -1).length != 2) {
                return "expected format key=value, got \"" + e + "\"";
            }
        }
        return null;
    }

    /** The number a metadata value holds, or null when it is not a number KEDA reads. */
    static BigDecimal number(String text) {
        if (text == null || !JSON_NUMBER.matcher(text).matches()) {
            return null;
        }
        return new BigDecimal(text);
    }

    private static String jsonSyntaxError(String text) {
        char c = text.isEmpty() ? ' ' : text.charAt(0);
        if (c == '-' || (c >= '0' && c <= '9')) {
            return "invalid character in numeric literal \"" + text + "\"";
        }
        return "invalid character '" + c + "' looking for beginning of value";
    }
}
