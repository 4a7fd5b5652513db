package dev.trafficengineer.promql;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Upstream's {@code key} map: keywords are matched case-insensitively; {@code inf} and {@code nan} lex as numbers. */
final class Keywords {

    private static final Map<String, TokenKind> KEYWORDS = new HashMap<>();
    private static final int LONGEST;

    static {
        for (TokenKind k : TokenKind.values()) {
            if (k.text != null && Character.isLetter(k.text.charAt(0))) {
                KEYWORDS.put(k.text, k);
            }
        }
        KEYWORDS.put("inf", TokenKind.NUMBER);
        KEYWORDS.put("nan", TokenKind.NUMBER);
        LONGEST = KEYWORDS.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    private Keywords() {}

    /** The keyword kind of {@code input[start, end)}, or null for a plain identifier. */
    static TokenKind lookup(String input, int start, int end) {
        if (end - start > LONGEST) {
            return null;
        }
        for (int i = start; i < end; i++) {
            char c = input.charAt(i);
            if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '2')) {
                return null; // keywords are letters and underscores (and the 2 of atan2)
            }
        }
        return KEYWORDS.get(input.substring(start, end).toLowerCase(Locale.ROOT));
    }

    /** True for the words that lex as keywords (so a label named so must be quoted where keywords matter). */
    static boolean isKeyword(String word) {
        return KEYWORDS.containsKey(word.toLowerCase(Locale.ROOT));
    }
}
