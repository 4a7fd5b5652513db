package dev.trafficengineer.promql.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A binary operation. {@code returnBool} is the {@code bool} modifier of comparisons.
 *
 * <p>{@code a - b - c - ...} is a left-deep tree of any depth; {@code type}, {@code equals}, {@code hashCode} and
 * {@code toString} walk that left spine in a loop rather than recursively, so long chains cannot overflow the stack.
 */
public record BinaryExpr(
        BinaryOp op, Expr lhs, Expr rhs, boolean returnBool, VectorMatching matching, PositionRange position)
        implements Expr {

    public BinaryExpr {
        Objects.requireNonNull(matching, "matching");
    }

    /** Scalar when both sides are scalars, else an instant vector (upstream {@code BinaryExpr.Type}). */
    @Override
    public ValueType type() {
        Expr cur = this;
        while (cur instanceof BinaryExpr b) {
            if (b.rhs.type() != ValueType.SCALAR) {
                return ValueType.INSTANT_VECTOR;
            }
            cur = b.lhs;
        }
        return cur.type() == ValueType.SCALAR ? ValueType.SCALAR : ValueType.INSTANT_VECTOR;
    }

    @Override
    public boolean equals(Object o) {
        Object a = this;
        Object b = o;
        while (a instanceof BinaryExpr x && b instanceof BinaryExpr y) {
            if (x == y) {
                return true;
            }
            if (x.op != y.op || x.returnBool != y.returnBool || !x.matching.equals(y.matching)
                    || !x.position.equals(y.position) || !x.rhs.equals(y.rhs)) {
                return false;
            }
            a = x.lhs;
            b = y.lhs;
        }
        return a.equals(b);
    }

    @Override
    public int hashCode() {
        int h = 0;
        Expr cur = this;
        while (cur instanceof BinaryExpr b) {
            h = 31 * h + Objects.hash(b.op, b.rhs, b.returnBool, b.matching, b.position);
            cur = b.lhs;
        }
        return 31 * h + cur.hashCode();
    }

    @Override
    public String toString() {
        List<BinaryExpr> spine = new ArrayList<>();
        Expr cur = this;
        while (cur instanceof BinaryExpr b) {
            spine.add(b);
            cur = b.lhs;
        }
        StringBuilder s = new StringBuilder();
        for (BinaryExpr b : spine) {
            s.append("BinaryExpr[op=").append(b.op).append(", lhs=");
        }
        s.append(cur);
        for (int i = spine.size() - 1; i >= 0; i--) {
            BinaryExpr b = spine.get(i);
            s.append(", rhs=").append(b.rhs).append(", returnBool=").append(b.returnBool).append(", matching=")
                    .append(b.matching).append(", position=").append(b.position).append(']');
        }
        return s.toString();
    }
}
