package dev.trafficengineer.promql.ast;

/**
 * The {@code @} modifier: a Unix timestamp in milliseconds, or {@code start()} / {@code end()} of the query range.
 */
public record AtModifier(Anchor anchor, long timestampMillis) {

    public enum Anchor {
        TIMESTAMP,
        START,
        END
    }

    public static AtModifier timestamp(long millis) {
        return new AtModifier(Anchor.TIMESTAMP, millis);
    }

    public static final AtModifier START = new AtModifier(Anchor.START, 0);
    public static final AtModifier END = new AtModifier(Anchor.END, 0);
}
