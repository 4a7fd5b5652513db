package dev.trafficengineer.kube;

import dev.trafficengineer.kube.Quantity.Format;
import dev.trafficengineer.kube.Quantity.ParseException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;

/**
 * apimachinery's {@code ParseQuantity} (api/resource/quantity.go), step by step: the same grammar, suffixes, rounding
 * and caps.
 *
 * <p>What the code must reproduce, and why it is not a regex:
 * <ul>
 *   <li>the documented regex {@code ^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$} is only the error message; the
 *       scanner accepts a little more (a bare sign, "." or "m" is zero) and rejects suffixes that look right
 *       ("1kk");</li>
 *   <li>values of up to 18 digits at nano precision or coarser are kept exact, even above 2^63 ("10E");</li>
 *   <li>other values are rounded up (away from zero) to a whole nano and capped at 2^63-1;</li>
 *   <li>an exponent suffix is parsed as int64 and truncated to int32, as Go does.</li>
 * </ul>
 */
final class QuantityParser {

    static final Map<String, Integer> DECIMAL_SUFFIXES = Map.of(
            "n", -9, "u", -6, "m", -3, "", 0, "k", 3, "M", 6, "G", 9, "T", 12, "P", 15, "E", 18);
    static final Map<String, Integer> BINARY_SUFFIXES = Map.of(
            "Ki", 10, "Mi", 20, "Gi", 30, "Ti", 40, "Pi", 50, "Ei", 60);

    private static final BigDecimal MAX_ALLOWED = new BigDecimal(BigInteger.valueOf(Long.MAX_VALUE));
    private static final BigDecimal NANO = BigDecimal.valueOf(1, 9);
    private static final String SUFFIX_CHARS = "eEinumkKMGTP";
    private static final int MAX_INT64_FACTORS = 18;
    private static final int NANO_SCALE = -9;

    private QuantityParser() {}

    static Quantity parse(String str) throws ParseException {
        if (str.isEmpty()) {
            throw new ParseException(Quantity.ERR_FORMAT_WRONG);
        }
        if (str.equals("0")) {
            return new Quantity(BigDecimal.ZERO, Format.DECIMAL_SI, str);
        }
        Scanned s = scan(str);

        String suffix = s.suffix;
        int base;
        int exponent;
        Format format;
        if (DECIMAL_SUFFIXES.containsKey(suffix)) {
            base = 10;
            exponent = DECIMAL_SUFFIXES.get(suffix);
            format = Format.DECIMAL_SI;
        } else if (BINARY_SUFFIXES.containsKey(suffix)) {
            base = 2;
            exponent = BINARY_SUFFIXES.get(suffix);
            format = Format.BINARY_SI;
        } else if (suffix.length() > 1 && (suffix.charAt(0) == 'E' || suffix.charAt(0) == 'e')) {
            Long parsed = goParseInt64(suffix.substring(1));
            if (parsed == null) {
                throw new ParseException(Quantity.ERR_SUFFIX);
            }
            base = 10;
            exponent = (int) parsed.longValue(); // int32(parsed): truncates like Go
            format = Format.DECIMAL_EXPONENT;
        } else {
            throw new ParseException(Quantity.ERR_SUFFIX);
        }

        Quantity fast = fastPath(str, s, exponent, format);
        if (fast != null) {
            return fast;
        }
        return slowPath(s, base, exponent, format);
    }

    /** The int64 fast path of ParseQuantity: exact, never rounded or capped. Null when it does not apply. */
    private static Quantity fastPath(String str, Scanned s, int exponent, Format format) {
        int precision;
        int scale;
        long mantissa = 1;
        if (format == Format.BINARY_SI) {
            scale = 0;
            if (exponent >= 0 && s.denom.isEmpty()) {
                mantissa = 1L << exponent;
                // 1Mi (2^20) has ~6 digits of decimal precision: Go's int32(float32(exponent)*3/10)
                precision = 15 - s.num.length() - (int) ((float) exponent * 3 / 10) - 1;
            } else {
                precision = -1;
            }
        } else {
            scale = exponent;
            precision = MAX_INT64_FACTORS - (s.num.length() + s.denom.length());
        }
        if (precision < 0) {
            return null;
        }
        scale -= s.denom.length();
        if (scale < NANO_SCALE) {
            return null;
        }
        String shifted = s.num + s.denom;
        long v = Long.parseLong(shifted); // at most 18 digits: cannot overflow
        long result;
        try {
            result = Math.multiplyExact(v, mantissa);
        } catch (ArithmeticException overflow) {
            return null;
        }
        if (!s.positive) {
            result = -result;
        }
        boolean canonical = format == Format.BINARY_SI
                ? exponent % 10 == 0 && (v & 0x07) != 0
                : scale % 3 == 0 && !shifted.endsWith("000") && shifted.charAt(0) != '0';
        BigDecimal value = new BigDecimal(BigInteger.valueOf(result), -scale);
        return new Quantity(value, format, canonical ? str : null);
    }

    /** The inf.Dec path: any precision, rounded up to a whole nano, capped at 2^63-1. */
    private static Quantity slowPath(Scanned s, int base, int exponent, Format format) throws ParseException {
        BigDecimal amount = decimal(s.value);
        if (base == 10) {
            // amount.SetScale(amount.Scale() - exponent): int32 arithmetic that wraps, as in Go
            amount = new BigDecimal(amount.unscaledValue(), amount.scale() - exponent);
        } else {
            amount = new BigDecimal(amount.unscaledValue().shiftLeft(exponent), amount.scale());
        }
        int sign = amount.signum();
        amount = amount.abs();
        if (sign != 0 && amount.scale() > 9) {
            // Round(amount, nano, RoundUp); done by magnitude first so that 1e-2000000000 stays cheap
            boolean belowNano = amount.precision() - amount.scale() <= -9;
            amount = belowNano ? NANO : amount.setScale(9, RoundingMode.UP);
        }
        if (amount.compareTo(MAX_ALLOWED) > 0) {
            amount = MAX_ALLOWED;
        }
        if (format == Format.BINARY_SI && amount.compareTo(BigDecimal.ONE) < 0 && amount.signum() > 0) {
            format = Format.DECIMAL_SI;
        }
        if (sign < 0) {
            amount = amount.negate();
        }
        return new Quantity(amount, format, null);
    }

    /** inf.Dec.SetString on the numeric part: an optional sign, digits and at most one point, at least one digit. */
    private static BigDecimal decimal(String text) throws ParseException {
        int i = 0;
        boolean negative = false;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        StringBuilder digits = new StringBuilder();
        int point = -1;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                point = digits.length();
            } else {
                digits.append(c);
            }
        }
        if (digits.length() == 0) {
            throw new ParseException(Quantity.ERR_NUMERIC);
        }
        BigInteger unscaled = new BigInteger(digits.toString());
        int scale = point < 0 ? 0 : digits.length() - point;
        return new BigDecimal(negative ? unscaled.negate() : unscaled, scale);
    }

    /** What parseQuantityString returns: sign, the numeric text, its integer and fraction digits, the suffix. */
    private record Scanned(boolean positive, String value, String num, String denom, String suffix) {
    }

    /** Go's parseQuantityString, step by step: sign, leading zeros, numerator, denominator, suffix. */
    private static Scanned scan(String str) throws ParseException {
        boolean positive = true;
        int pos = 0;
        int end = str.length();
        if (str.charAt(0) == '-') {
            positive = false;
            pos++;
        } else if (str.charAt(0) == '+') {
            pos++;
        }
        // strip leading zeros; a value that is all zeros ends here as "0"
        while (true) {
            if (pos >= end) {
                return new Scanned(positive, "0", "0", "", "");
            }
            if (str.charAt(pos) != '0') {
                break;
            }
            pos++;
        }
        int numStart = pos;
        while (pos < end && isDigit(str.charAt(pos))) {
            pos++;
        }
        if (pos >= end) {
            return new Scanned(positive, str, str.substring(numStart), "", "");
        }
        String num = str.substring(numStart, pos);
        if (num.isEmpty()) {
            num = "0";
        }
        String denom = "";
        if (str.charAt(pos) == '.') {
            pos++;
            int denomStart = pos;
            while (pos < end && isDigit(str.charAt(pos))) {
                pos++;
            }
            denom = str.substring(denomStart, pos);
            if (pos >= end) {
                return new Scanned(positive, str, num, denom, "");
            }
        }
        String value = str.substring(0, pos);
        int suffixStart = pos;
        while (pos < end && SUFFIX_CHARS.indexOf(str.charAt(pos)) >= 0) {
            pos++;
        }
        if (pos >= end) {
            return new Scanned(positive, value, num, denom, str.substring(suffixStart));
        }
        if (str.charAt(pos) == '-' || str.charAt(pos) == '+') {
            pos++;
        }
        while (pos < end && isDigit(str.charAt(pos))) {
            pos++;
        }
        if (pos >= end) {
            return new Scanned(positive, value, num, denom, str.substring(suffixStart));
        }
        // a character that is neither suffix nor exponent digit
        throw new ParseException(Quantity.ERR_FORMAT_WRONG);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** strconv.ParseInt(s, 10, 64): optional sign, ASCII digits, in range; null on error. */
    private static Long goParseInt64(String s) {
        int i = (s.startsWith("+") || s.startsWith("-")) ? 1 : 0;
        if (i == s.length()) {
            return null;
        }
        for (int j = i; j < s.length(); j++) {
            if (!isDigit(s.charAt(j))) {
                return null;
            }
        }
        try {
            return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
        } catch (NumberFormatException overflow) {
            return null;
        }
    }
}
