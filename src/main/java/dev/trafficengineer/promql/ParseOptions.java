package dev.trafficengineer.promql;

/**
 * The parser's feature switches, upstream's {@code parser.Options}. Each switch only widens what is accepted.
 *
 * @param experimentalFunctions  functions marked experimental, and the {@code limitk}/{@code limit_ratio}
 *                               aggregations ({@code --enable-feature=promql-experimental-functions})
 * @param durationExpressions    arithmetic, parentheses, {@code step()}, {@code range()}, {@code min_of()},
 *                               {@code max_of()} in ranges and offsets (on in the Prometheus 3.14 server)
 * @param extendedRangeSelectors the {@code anchored} and {@code smoothed} modifiers
 * @param binopFillModifiers     {@code fill()}, {@code fill_left()}, {@code fill_right()} on binary operations
 */
public record ParseOptions(
        boolean experimentalFunctions,
        boolean durationExpressions,
        boolean extendedRangeSelectors,
        boolean binopFillModifiers) {

    /** What a Prometheus 3.14 server accepts with no feature flags. */
    public static final ParseOptions DEFAULT = new ParseOptions(false, true, false, false);

    /** Every experimental feature on. */
    public static final ParseOptions ALL = new ParseOptions(true, true, true, true);

    public ParseOptions withExperimentalFunctions(boolean on) {
        return new ParseOptions(on, durationExpressions, extendedRangeSelectors, binopFillModifiers);
    }

    public ParseOptions withDurationExpressions(boolean on) {
        return new ParseOptions(experimentalFunctions, on, extendedRangeSelectors, binopFillModifiers);
    }

    public ParseOptions withExtendedRangeSelectors(boolean on) {
        return new ParseOptions(experimentalFunctions, durationExpressions, on, binopFillModifiers);
    }

    public ParseOptions withBinopFillModifiers(boolean on) {
        return new ParseOptions(experimentalFunctions, durationExpressions, extendedRangeSelectors, on);
    }
}
