package dev.trafficengineer.promql.ast;

/**
 * A number. {@code duration} is true when it was written with time units ({@code 5m}); its value is then in
 * seconds, as everywhere in PromQL since 3.0. A sign written before a literal is folded into it, as upstream does.
 */
public record NumberLiteral(double value, boolean duration, PositionRange position) implements Expr, DurationExpr {

    public NumberLiteral(double value) {
        this(value, false, PositionRange.NONE);
    }

    @Override
    public ValueType type() {
        return ValueType.SCALAR;
    }
}
