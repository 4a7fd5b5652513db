package dev.trafficengineer.promql.ast;

/**
 * A half-open range {@code [start, end)} of Unicode code points in the query text. Upstream's {@code posrange} counts
 * UTF-8 bytes; this project counts code points so that ranges map straight onto the columns of a YAML file.
 */
public record PositionRange(int start, int end) {

    /** The range of nodes that were built by hand or had their positions stripped. */
    public static final PositionRange NONE = new PositionRange(0, 0);

    public PositionRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad position range " + start + ".." + end);
        }
    }

    /** The smallest range that covers both. */
    public PositionRange span(PositionRange other) {
        return new PositionRange(Math.min(start, other.start), Math.max(end, other.end));
    }

    public boolean contains(PositionRange other) {
        return start <= other.start && other.end <= end;
    }

    @Override
    public String toString() {
        return start + ".." + end;
    }
}
