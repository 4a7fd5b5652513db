package dev.trafficengineer.promql.ast;

/**
 * A duration: the range of a range selector, the range or step of a subquery, or an offset. Usually a single
 * {@link NumberLiteral} ({@code 5m}, or {@code 300} meaning seconds); since Prometheus 3.4 also arithmetic,
 * parentheses, {@code step()}, {@code range()}, {@code min_of(a, b)} and {@code max_of(a, b)}.
 */
public sealed interface DurationExpr permits NumberLiteral, DurationBinary, DurationNegation, DurationParen, DurationCall {

    PositionRange position();
}
