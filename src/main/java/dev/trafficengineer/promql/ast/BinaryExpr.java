package dev.trafficengineer.promql.ast;

import java.util.Objects;

/** A binary operation. {@code returnBool} is the {@code bool} modifier of comparisons. */
public record BinaryExpr(
        BinaryOp op, Expr lhs, Expr rhs, boolean returnBool, VectorMatching matching, PositionRange position)
        implements Expr {

    public BinaryExpr {
        Objects.requireNonNull(matching, "matching");
    }

    /** Scalar when both sides are scalars, else an instant vector (upstream {@code BinaryExpr.Type}). */
    @Override
    public ValueType type() {
        if (rhs.type() != ValueType.SCALAR) {
            return ValueType.INSTANT_VECTOR;
        }
        return lhs.type() == ValueType.SCALAR ? ValueType.SCALAR : ValueType.INSTANT_VECTOR;
    }
}
