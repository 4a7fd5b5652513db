package dev.trafficengineer.promql.ast;

/**
 * A unary {@code -} or {@code +} on something other than a number literal (a sign on a literal is folded into it).
 */
public record UnaryExpr(boolean negative, Expr expr, PositionRange position) implements Expr {

    @Override
    public ValueType type() {
        return expr.type();
    }
}
