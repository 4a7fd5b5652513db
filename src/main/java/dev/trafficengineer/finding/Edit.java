package dev.trafficengineer.finding;

/**
 * Replace the text between two positions (1-based lines and code-point columns, end exclusive) with {@code text}.
 * An insertion has equal start and end; a deletion has empty text.
 */
public record Edit(int line, int column, int endLine, int endColumn, String text) {

    public Edit {
        if (line < 1 || column < 1 || endLine < line || (endLine == line && endColumn < column)) {
            throw new IllegalArgumentException("bad edit range " + line + ":" + column + "-" + endLine + ":" + endColumn);
        }
    }

    public static Edit insert(int line, int column, String text) {
        return new Edit(line, column, line, column, text);
    }

    /** Orders edits by where they start, then where they end. */
    public int compareStart(Edit o) {
        int c = line != o.line ? Integer.compare(line, o.line) : Integer.compare(column, o.column);
        if (c != 0) {
            return c;
        }
        return endLine != o.endLine ? Integer.compare(endLine, o.endLine) : Integer.compare(endColumn, o.endColumn);
    }

    /**
     * True when the two edits touch the same text: their ranges intersect, or both insert at the same point (which
     * would leave the order of the insertions to chance). Edits that only meet at a boundary do not overlap.
     */
    public boolean overlaps(Edit o) {
        boolean intersect = before(line, column, o.endLine, o.endColumn) && before(o.line, o.column, endLine, endColumn);
        return intersect || isInsertion() && o.isInsertion() && line == o.line && column == o.column;
    }

    private boolean isInsertion() {
        return line == endLine && column == endColumn;
    }

    private static boolean before(int l1, int c1, int l2, int c2) {
        return l1 < l2 || l1 == l2 && c1 < c2;
    }
}
