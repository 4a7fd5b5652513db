package dev.trafficengineer.source;

/**
 * A range in a source file: 1-based lines and columns (columns count Unicode code points), the end exclusive, as
 * SARIF regions are. Offsets are code-point offsets from the start of the file.
 */
public record SourceRange(int line, int column, int endLine, int endColumn, int startOffset, int endOffset) {

    /** The whole-file position used for problems that have no better place: line 1, column 1. */
    public static final SourceRange START = new SourceRange(1, 1, 1, 1, 0, 0);

    public SourceRange {
        if (line < 1 || column < 1 || endLine < line || (endLine == line && endColumn < column)) {
            throw new IllegalArgumentException(
                    "bad range " + line + ":" + column + "-" + endLine + ":" + endColumn);
        }
    }

    public static SourceRange point(int line, int column, int offset) {
        return new SourceRange(line, column, line, column, offset, offset);
    }

    public boolean isEmpty() {
        return startOffset == endOffset;
    }

    public boolean contains(SourceRange other) {
        return startOffset <= other.startOffset && other.endOffset <= endOffset;
    }

    @Override
    public String toString() {
        return line + ":" + column + "-" + endLine + ":" + endColumn;
    }
}
