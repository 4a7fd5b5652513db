package dev.trafficengineer.promql;

/**
 * The lexed items of one query, in parallel arrays, plus the mapping from char indexes to code-point offsets (the
 * identity unless the query contains characters outside the Basic Multilingual Plane).
 */
final class Tokens {

    final String input;
    final TokenKind[] kinds;
    final int[] starts;
    final int[] ends;
    final int count;
    /** The lexer's error message when the last item is {@code ERROR}. */
    final String errorMessage;
    /** Code-point offset of each char index (length + 1 entries), or null when they are equal. */
    private final int[] codePoints;

    Tokens(String input, TokenKind[] kinds, int[] starts, int[] ends, int count, String errorMessage) {
        this.input = input;
        this.kinds = kinds;
        this.starts = starts;
        this.ends = ends;
        this.count = count;
        this.errorMessage = errorMessage;
        this.codePoints = codePointMap(input);
    }

    String text(int i) {
        return input.substring(starts[i], ends[i]);
    }

    /** The code-point offset of char index {@code charIndex}. */
    int cp(int charIndex) {
        return codePoints == null ? charIndex : codePoints[charIndex];
    }

    /** The char index of code-point offset {@code cpOffset}. */
    int charIndex(int cpOffset) {
        if (codePoints == null) {
            return cpOffset;
        }
        return input.offsetByCodePoints(0, cpOffset);
    }

    private static int[] codePointMap(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && !Character.isSurrogate(s.charAt(i))) {
            i++;
        }
        if (i == n) {
            return null;
        }
        int[] map = new int[n + 1];
        int cp = 0;
        for (int k = 0; k < n; k++) {
            map[k] = cp;
            if (!(Character.isHighSurrogate(s.charAt(k)) && k + 1 < n && Character.isLowSurrogate(s.charAt(k + 1)))) {
                cp++;
            }
        }
        map[n] = cp;
        return map;
    }
}
