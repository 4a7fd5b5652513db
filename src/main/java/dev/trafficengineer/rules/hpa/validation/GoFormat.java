package dev.trafficengineer.rules.hpa.validation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/**
 * The few pieces of Go's formatting that show in the server's messages: {@code strconv.Quote} ({@code %q}),
 * {@code encoding/json}'s string and float64 encodings, and the byte order in which {@code json.Marshal} sorts map
 * keys (kubectl sends objects that went through a Go map, so their keys arrive sorted).
 */
final class GoFormat {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Go sorts map keys as byte strings; for UTF-8 that is code point order, which UTF-16 order is not. */
    static final Comparator<String> GO_KEY_ORDER = (a, b) -> {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.compareUnsigned(x, y);
    };

    private GoFormat() {
    }

    /** Go's {@code strconv.Quote}: printable runes stay, the rest become {@code \n}, {@code \x1b}, a backslash-u escape... */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isSurrogate((char) cp)) {
                // a lone surrogate is invalid UTF-8 in Go, which Quote writes as an escape of the
                // replacement character
                out.append("\\ufffd");
                continue;
            }
            if (cp == '"' || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (isGoPrint(cp)) {
                out.appendCodePoint(cp);
            } else {
                switch (cp) {
                    case 0x07 -> out.append("\\a");
                    case '\b' -> out.append("\\b");
                    case '\f' -> out.append("\\f");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    case 0x0b -> out.append("\\v");
                    default -> {
                        if (cp < ' ' || cp == 0x7f) {
                            out.append("\\x").append(HEX[cp >> 4]).append(HEX[cp & 0xf]);
                        } else if (cp < 0x10000) {
                            out.append("\\u").append(hex(cp, 4));
                        } else {
                            out.append("\\U").append(hex(cp, 8));
                        }
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    private static boolean isGoPrint(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    /**
     * A string as {@code json.Marshal} writes it: quotes, backslashes and control characters escaped, and, because
     * Marshal escapes HTML by default, {@code <}, {@code >}, {@code &}, U+2028 and U+2029 as backslash-u escapes.
     */
    static String jsonString(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> out.append("\\u").append(hex(c, 4));
                default -> {
                    if (c < 0x20) {
                        out.append("\\u").append(hex(c, 4));
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append("\\ufffd"); // invalid UTF-8 is replaced by U+FFFD
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * A float64 as {@code encoding/json} writes it: the shortest decimal that round-trips, in plain notation for
     * magnitudes in [1e-6, 1e21) and in exponent notation otherwise ({@code 1e+21}, {@code 1e-7}). Integral values
     * print without a decimal point, which is why kubectl turns YAML {@code 10.0} into JSON {@code 10}.
     */
    static String jsonFloat(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("json: unsupported value: " + d);
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0" : "0";
        }
        BigDecimal shortest = shortestDecimal(d);
        double abs = Math.abs(d);
        if (abs >= 1e-6 && abs < 1e21) {
            return shortest.toPlainString();
        }
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        StringBuilder out = new StringBuilder();
        if (d < 0) {
            out.append('-');
        }
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        out.append('e').append(exponent < 0 ? '-' : '+');
        int e = Math.abs(exponent);
        // strconv writes at least two exponent digits; encoding/json then trims "e-09" to "e-9" (not "e+09")
        if (e < 10 && exponent > 0) {
            out.append('0');
        }
        out.append(e);
        return out.toString();
    }

    /**
     * The shortest decimal that reads back as {@code d}, and of those the nearest, as Go's strconv formats with
     * precision -1. Java 17's Double.toString is not always shortest (1e23 prints as 9.999999999999999E22), so the
     * digits are searched: rounding the exact binary value to n significant digits gives the nearest n-digit decimal.
     */
    static BigDecimal shortestDecimal(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int digits = 1; digits <= 17; digits++) {
            BigDecimal candidate = exact.round(new java.math.MathContext(digits, java.math.RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == d) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.stripTrailingZeros(); // unreachable: 17 significant digits always round-trip
    }

    /**
     * The JSON literal kubectl sends for a YAML integer: integers that fit int64 as they are; larger ones went through
     * a float64 on the way (YAML decoding and the unstructured round trip), so they print as that float.
     */
    static String jsonInteger(BigInteger v) {
        if (v.bitLength() < 64) {
            return v.toString();
        }
        return jsonFloat(v.doubleValue());
    }

    private static String hex(int v, int width) {
        StringBuilder s = new StringBuilder(Integer.toHexString(v));
        while (s.length() < width) {
            s.insert(0, '0');
        }
        return s.toString();
    }
}
