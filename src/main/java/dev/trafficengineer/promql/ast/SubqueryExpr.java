package dev.trafficengineer.promql.ast;

/** A subquery {@code expr[range:step]}; {@code step} is null when omitted. */
public record SubqueryExpr(Expr expr, DurationExpr range, DurationExpr step, Modifiers modifiers, PositionRange position)
        implements Expr {

    public SubqueryExpr withModifiers(Modifiers m, PositionRange pos) {
        return new SubqueryExpr(expr, range, step, m, pos);
    }

    @Override
    public ValueType type() {
        return ValueType.RANGE_VECTOR;
    }
}
