package dev.trafficengineer.source;

import java.util.Arrays;

/**
 * The text of one input with an index of its lines, for mapping code-point offsets to line and column and for
 * excerpts. Immutable.
 */
public final class SourceText {

    private final String path;
    private final String text;
    /** Code-point offset at which each line starts. */
    private final int[] lineStarts;
    /** Char index at which each line starts. */
    private final int[] lineCharStarts;

    public SourceText(String path, String text) {
        this.path = path;
        this.text = text;
        int[] starts = new int[16];
        int[] charStarts = new int[16];
        int lines = 1;
        int cp = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            cp++;
            boolean crlf = c == '\r' && i < text.length() && text.charAt(i) == '\n';
            if (crlf) {
                i++;
                cp++;
            }
            if (c == '\n' || c == '\r') {
                if (lines == starts.length) {
                    starts = Arrays.copyOf(starts, lines * 2);
                    charStarts = Arrays.copyOf(charStarts, lines * 2);
                }
                starts[lines] = cp;
                charStarts[lines] = i;
                lines++;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, lines);
        this.lineCharStarts = Arrays.copyOf(charStarts, lines);
    }

    public String path() {
        return path;
    }

    public String text() {
        return text;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** The text of a 1-based line, without its line break. */
    public String line(int line) {
        int from = lineCharStarts[line - 1];
        int to = line < lineCharStarts.length ? lineCharStarts[line] : text.length();
        while (to > from && (text.charAt(to - 1) == '\n' || text.charAt(to - 1) == '\r')) {
            to--;
        }
        return text.substring(from, to);
    }

    /** The range between two code-point offsets. */
    public SourceRange range(int startOffset, int endOffset) {
        int l1 = lineOf(startOffset);
        int l2 = lineOf(endOffset);
        return new SourceRange(l1 + 1, startOffset - lineStarts[l1] + 1, l2 + 1,
                endOffset - lineStarts[l2] + 1, startOffset, endOffset);
    }

    /** The range between two 1-based line/column positions (columns in code points). */
    public SourceRange range(int line, int column, int endLine, int endColumn) {
        return new SourceRange(line, column, endLine, endColumn, offset(line, column), offset(endLine, endColumn));
    }

    /** The code-point offset of a 1-based line and column. */
    public int offset(int line, int column) {
        return lineStarts[Math.min(line, lineStarts.length) - 1] + column - 1;
    }

    /** The char index into {@link #text()} of a 1-based line and column (columns in code points). */
    public int charIndex(int line, int column) {
        int i = lineCharStarts[Math.min(line, lineCharStarts.length) - 1];
        return text.offsetByCodePoints(i, column - 1);
    }

    private int lineOf(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i : -i - 2;
    }
}
