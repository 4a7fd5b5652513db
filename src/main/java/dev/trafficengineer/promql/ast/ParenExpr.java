package dev.trafficengineer.promql.ast;

/** A parenthesised expression; kept as a node so that printing reproduces the parentheses. */
public record ParenExpr(Expr expr, PositionRange position) implements Expr {

    @Override
    public ValueType type() {
        return expr.type();
    }
}
