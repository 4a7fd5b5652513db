package dev.trafficengineer.manifest;

import dev.trafficengineer.source.SourceRange;
import dev.trafficengineer.source.SourceText;
import java.util.Arrays;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;

/**
 * Maps character offsets inside a scalar's value (a PromQL query, say) back to positions in the file, through
 * quoting, escapes, line folding and block-scalar indentation. When the value cannot be traced character by
 * character, every offset maps to the whole scalar: a coarser place, never a wrong one.
 */
public final class ScalarSpan {

    private final SourceText source;
    /** File code-point offset of each code point of the value, plus one entry for the end. */
    private final int[] offsets;
    private final SourceRange whole;

    private ScalarSpan(SourceText source, int[] offsets, SourceRange whole) {
        this.source = source;
        this.offsets = offsets;
        this.whole = whole;
    }

    /**
     * The span of a scalar written in {@code style} over {@code raw} (its source range: quotes, block header and
     * trailing line breaks included) whose value is {@code value}.
     */
    static ScalarSpan of(SourceText source, ScalarStyle style, SourceRange raw, String value) {
        int startChar = source.charIndex(raw.line(), raw.column());
        int endChar = source.charIndex(raw.endLine(), raw.endColumn());
        int[] text = source.text().substring(startChar, Math.max(startChar, endChar)).codePoints().toArray();
        Tracer t = new Tracer(text, raw.startOffset());
        switch (style) {
            case PLAIN -> t.flow(0, text.length, false, false);
            case SINGLE_QUOTED -> t.flow(1, text.length - 1, true, false);
            case DOUBLE_QUOTED -> t.flow(1, text.length - 1, false, true);
            case LITERAL, FOLDED -> t.block(style == ScalarStyle.FOLDED);
            default -> t.fail();
        }
        if (!t.failed && Arrays.equals(t.out(), value.codePoints().toArray())) {
            return new ScalarSpan(source, t.map(raw.endOffset()), raw);
        }
        return new ScalarSpan(source, null, raw);
    }

    /**
     * The file range of the value's code points [start, end). An empty range is the point before code point
     * {@code start}; at the end of the value it is the point right after the last code point, inside any closing
     * quote and on the value's last line, not where the YAML node ends.
     */
    public SourceRange range(int start, int end) {
        if (offsets == null || start < 0 || end > offsets.length - 1 || start > end) {
            return whole;
        }
        int length = offsets.length - 1;
        int from = start == length && length > 0 ? offsets[length - 1] + 1 : offsets[start];
        int to = end == start ? from : offsets[end - 1] + 1;
        return source.range(from, Math.max(from, to));
    }

    /** Rebuilds a scalar's value from its source text, remembering where each character came from. */
    private static final class Tracer {
        private final int[] raw;
        private final int base;
        private int[] chars = new int[64];
        private int[] from = new int[64];
        private int n;
        boolean failed;

        Tracer(int[] raw, int base) {
            this.raw = raw;
            this.base = base;
        }

        void fail() {
            failed = true;
        }

        private void emit(int c, int rawIndex) {
            if (n == chars.length) {
                chars = Arrays.copyOf(chars, n * 2);
                from = Arrays.copyOf(from, n * 2);
            }
            chars[n] = c;
            from[n] = base + rawIndex;
            n++;
        }

        int[] out() {
            return Arrays.copyOf(chars, n);
        }

        int[] map(int end) {
            int[] m = Arrays.copyOf(from, n + 1);
            m[n] = end;
            return m;
        }

        /** Plain and quoted scalars: line breaks fold to a space, blank lines to newlines, escapes in "…". */
        void flow(int from, int to, boolean single, boolean escapes) {
            if (to < from) {
                failed = true;
                return;
            }
            int i = from;
            int pendingBreaks = 0;
            int lastBreakAt = -1;
            boolean lineStart = false;
            int spacesEmitted = 0;
            while (i < to) {
                int c = raw[i];
                if (c == '\n' || c == '\r') {
                    // drop trailing white space emitted on this line
                    n -= spacesEmitted;
                    spacesEmitted = 0;
                    if (c == '\r' && i + 1 < to && raw[i + 1] == '\n') {
                        i++;
                    }
                    pendingBreaks++;
                    lastBreakAt = i;
                    lineStart = true;
                    i++;
                    continue;
                }
                if (lineStart && (c == ' ' || c == '\t')) {
                    i++;
                    continue;
                }
                if (lineStart) {
                    lineStart = false;
                    if (pendingBreaks == 1) {
                        emit(' ', lastBreakAt);
                    } else {
                        for (int b = 1; b < pendingBreaks; b++) {
                            emit('\n', lastBreakAt);
                        }
                    }
                    pendingBreaks = 0;
                }
                if (single && c == '\'' && i + 1 < to && raw[i + 1] == '\'') {
                    emit('\'', i);
                    i += 2;
                    spacesEmitted = 0;
                    continue;
                }
                if (escapes && c == '\\') {
                    i = escape(i, to);
                    spacesEmitted = 0;
                    continue;
                }
                emit(c, i);
                spacesEmitted = (c == ' ' || c == '\t') ? spacesEmitted + 1 : 0;
                i++;
            }
            // a break right before the closing quote folds like any other; the value comparison checks the result
            if (pendingBreaks == 1) {
                emit(' ', lastBreakAt);
            }
            for (int b = 1; b < pendingBreaks; b++) {
                emit('\n', lastBreakAt);
            }
        }

        private int escape(int i, int to) {
            if (i + 1 >= to) {
                failed = true;
                return to;
            }
            int e = raw[i + 1];
            switch (e) {
                case '\n', '\r' -> {
                    // an escaped line break joins the lines without a space
                    int j = i + 1;
                    if (raw[j] == '\r' && j + 1 < to && raw[j + 1] == '\n') {
                        j++;
                    }
                    j++;
                    while (j < to && (raw[j] == ' ' || raw[j] == '\t')) {
                        j++;
                    }
                    return j;
                }
                case 'x', 'u', 'U' -> {
                    int len = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (i + 2 + len > to) {
                        failed = true;
                        return to;
                    }
                    String hex = new String(raw, i + 2, len);
                    try {
                        emit(Integer.parseInt(hex, 16), i);
                    } catch (IllegalArgumentException ex) {
                        failed = true;
                    }
                    return i + 2 + len;
                }
                default -> {
                    int c = switch (e) {
                        case '0' -> 0;
                        case 'a' -> 7;
                        case 'b' -> 8;
                        case 't', '\t' -> 9;
                        case 'n' -> 10;
                        case 'v' -> 11;
                        case 'f' -> 12;
                        case 'r' -> 13;
                        case 'e' -> 27;
                        case ' ' -> ' ';
                        case '"' -> '"';
                        case '/' -> '/';
                        case '\\' -> '\\';
                        case 'N' -> 0x85;
                        case '_' -> 0xA0;
                        case 'L' -> 0x2028;
                        case 'P' -> 0x2029;
                        default -> -1;
                    };
                    if (c < 0) {
                        failed = true;
                    } else {
                        emit(c, i);
                    }
                    return i + 2;
                }
            }
        }

        /** Literal (|) and folded (>) block scalars: strip the indentation, keep or fold the line breaks. */
        void block(boolean folded) {
            int i = 0;
            int explicitIndent = 0;
            char chomp = 'c';
            // header: indicator, optional indentation digit and chomping sign, then to end of line
            i++;
            while (i < raw.length && raw[i] != '\n' && raw[i] != '\r') {
                int c = raw[i];
                if (c >= '1' && c <= '9' && explicitIndent == 0) {
                    explicitIndent = c - '0';
                } else if (c == '-' || c == '+') {
                    chomp = (char) c;
                } else if (c == '#') {
                    while (i < raw.length && raw[i] != '\n' && raw[i] != '\r') {
                        i++;
                    }
                    break;
                }
                i++;
            }
            // lines
            java.util.List<int[]> lines = new java.util.ArrayList<>(); // {start, end} raw indexes without break
            if (i < raw.length && raw[i] == '\r' && i + 1 < raw.length && raw[i + 1] == '\n') {
                i++;
            }
            i++;
            while (i <= raw.length) {
                int s = i;
                while (i < raw.length && raw[i] != '\n' && raw[i] != '\r') {
                    i++;
                }
                if (s < raw.length || i > s) {
                    lines.add(new int[] {s, i});
                }
                if (i < raw.length && raw[i] == '\r' && i + 1 < raw.length && raw[i + 1] == '\n') {
                    i++;
                }
                i++;
            }
            int indent = -1;
            for (int[] l : lines) {
                int k = l[0];
                while (k < l[1] && raw[k] == ' ') {
                    k++;
                }
                if (k < l[1]) {
                    indent = k - l[0];
                    break;
                }
            }
            if (explicitIndent > 0) {
                // explicit indentation is relative to the parent; the first content line tells us the absolute one
                failed = indent < 0;
            }
            if (indent < 0) {
                indent = 0;
            }
            boolean prevMoreIndented = false;
            boolean first = true;
            int pendingBreaks = 0;
            int lastBreakAt = 0;
            for (int[] l : lines) {
                int contentStart = Math.min(l[0] + indent, l[1]);
                boolean blank = true;
                for (int k = l[0]; k < l[1]; k++) {
                    if (raw[k] != ' ') {
                        blank = false;
                        break;
                    }
                }
                if (blank) {
                    pendingBreaks++;
                    lastBreakAt = l[1];
                    continue;
                }
                boolean moreIndented = contentStart < l[1] && (raw[contentStart] == ' ' || raw[contentStart] == '\t');
                if (!first) {
                    if (folded && pendingBreaks == 0 && !moreIndented && !prevMoreIndented) {
                        emit(' ', lastBreakAt);
                    } else {
                        int breaks = folded && !moreIndented && !prevMoreIndented ? pendingBreaks : pendingBreaks + 1;
                        for (int b = 0; b < breaks; b++) {
                            emit('\n', lastBreakAt);
                        }
                    }
                } else {
                    for (int b = 0; b < pendingBreaks; b++) {
                        emit('\n', lastBreakAt);
                    }
                }
                pendingBreaks = 0;
                for (int k = contentStart; k < l[1]; k++) {
                    emit(raw[k], k);
                }
                lastBreakAt = l[1];
                prevMoreIndented = moreIndented;
                first = false;
            }
            if (!first && chomp != '-') {
                emit('\n', lastBreakAt);
                if (chomp == '+') {
                    for (int b = 0; b < pendingBreaks; b++) {
                        emit('\n', lastBreakAt);
                    }
                }
            }
        }
    }
}
