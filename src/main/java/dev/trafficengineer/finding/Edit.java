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

    /** True when the two edits touch the same text (two insertions at one point also overlap). */
    public boolean overlaps(Edit o) {
        Edit first = compareStart(o) <= 0 ? this : o;
        Edit second = first == this ? o : this;
        int c = first.endLine != second.line
                ? Integer.compare(first.endLine, second.line)
                : Integer.compare(first.endColumn, second.column);
        return c > 0 || (c == 0 && (first.isInsertion() || second.isInsertion()) && first.startsAt(second));
    }

    private boolean isInsertion() {
        return line == endLine && column == endColumn;
    }

    private boolean startsAt(Edit o) {
        return line == o.line && column == o.column || endLine == o.line && endColumn == o.column && isInsertion();
    }
}
