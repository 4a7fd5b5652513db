package dev.trafficengineer.promql;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Go's text formatting, as far as Prometheus's error messages use it ({@code %q}, {@code %.10q}, {@code %#U},
 * {@code %f}), so that our messages are upstream's byte for byte.
 */
final class GoText {

    private GoText() {}

    /** {@code strconv.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    static boolean isPrint(int cp) {
        if (cp < 0x7f) {
            return cp >= 0x20;
        }
        switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER:
            case Character.LOWERCASE_LETTER:
            case Character.TITLECASE_LETTER:
            case Character.MODIFIER_LETTER:
            case Character.OTHER_LETTER:
            case Character.NON_SPACING_MARK:
            case Character.ENCLOSING_MARK:
            case Character.COMBINING_SPACING_MARK:
            case Character.DECIMAL_DIGIT_NUMBER:
            case Character.LETTER_NUMBER:
            case Character.OTHER_NUMBER:
            case Character.CONNECTOR_PUNCTUATION:
            case Character.DASH_PUNCTUATION:
            case Character.START_PUNCTUATION:
            case Character.END_PUNCTUATION:
            case Character.INITIAL_QUOTE_PUNCTUATION:
            case Character.FINAL_QUOTE_PUNCTUATION:
            case Character.OTHER_PUNCTUATION:
            case Character.MATH_SYMBOL:
            case Character.CURRENCY_SYMBOL:
            case Character.MODIFIER_SYMBOL:
            case Character.OTHER_SYMBOL:
                return true;
            default:
                return false;
        }
    }

    /** {@code %q} of a string: {@code strconv.Quote}. */
    static String quote(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        appendQuoted(b, s, '"');
        return b.append('"').toString();
    }

    /** {@code %.Nq}: the first {@code maxRunes} code points, quoted. */
    static String quoteTruncated(String s, int maxRunes) {
        int end = s.codePointCount(0, s.length()) > maxRunes ? s.offsetByCodePoints(0, maxRunes) : s.length();
        return quote(s.substring(0, end));
    }

    /** {@code %q} of a rune: {@code strconv.QuoteRune}; a negative rune (end of input) prints as U+FFFD, as Go's. */
    static String quoteRune(int cp) {
        if (cp < 0 || cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp < 0xE000)) {
            cp = 0xFFFD;
        }
        StringBuilder b = new StringBuilder(8).append('\'');
        appendQuoted(b, new String(Character.toChars(cp)), '\'');
        return b.append('\'').toString();
    }

    /** {@code %#U}: {@code U+0063 'c'}, or just {@code U+0007} when not printable. */
    static String unicodeWithChar(int cp) {
        String hex = String.format("U+%04X", cp);
        return isPrint(cp) ? hex + " '" + new String(Character.toChars(cp)) + "'" : hex;
    }

    /** {@code %f}: six decimals, exact rounding of the binary value, and Go's spelling of infinities and NaN. */
    static String formatF6(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        String s = new BigDecimal(d).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
        return (d == 0 && 1 / d < 0) ? "-" + s : s;
    }

    private static void appendQuoted(StringBuilder b, CharSequence s, char quote) {
        for (int i = 0; i < s.length(); ) {
            int cp = Character.codePointAt(s, i);
            i += Character.charCount(cp);
            if (cp == quote || cp == '\\') {
                b.append('\\').appendCodePoint(cp);
            } else if (cp >= 0xD800 && cp < 0xE000) {
                // A lone surrogate is what Go would see as invalid UTF-8; it prints the replacement escape.
                b.append("\\ufffd");
            } else if (isPrint(cp)) {
                b.appendCodePoint(cp);
            } else {
                switch (cp) {
                    case 7 -> b.append("\\a");
                    case '\b' -> b.append("\\b");
                    case '\f' -> b.append("\\f");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    case 11 -> b.append("\\v");
                    default -> {
                        if (cp < ' ' || cp == 0x7f) {
                            b.append(String.format("\\x%02x", cp));
                        } else if (cp < 0x10000) {
                            b.append(String.format("\\u%04x", cp));
                        } else {
                            b.append(String.format("\\U%08x", cp));
                        }
                    }
                }
            }
        }
    }
}
