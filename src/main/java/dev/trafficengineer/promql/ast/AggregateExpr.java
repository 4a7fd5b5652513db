package dev.trafficengineer.promql.ast;

import java.util.List;

/**
 * An aggregation: {@code op [by|without (grouping)] ([param,] expr)}. {@code param} is null for operators without
 * one. {@code grouping} holds the labels of {@code by} or {@code without}; empty with {@code without == false} means
 * no grouping at all (a written {@code by ()} aggregates the same way).
 */
public record AggregateExpr(
        AggregateOp op, Expr expr, Expr param, List<String> grouping, boolean without, PositionRange position)
        implements Expr {

    public AggregateExpr {
        grouping = List.copyOf(grouping);
    }

    @Override
    public ValueType type() {
        return ValueType.INSTANT_VECTOR;
    }
}
