package dev.trafficengineer.promql.ast;

/**
 * A range vector selector {@code selector[range]}. As upstream, an {@code offset} or {@code @} written after the range
 * belongs to the inner selector's modifiers.
 */
public record MatrixSelector(VectorSelector selector, DurationExpr range, PositionRange position) implements Expr {

    @Override
    public ValueType type() {
        return ValueType.RANGE_VECTOR;
    }
}
