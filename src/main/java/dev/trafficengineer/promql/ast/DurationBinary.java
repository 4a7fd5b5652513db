package dev.trafficengineer.promql.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Arithmetic on durations: {@code +}, {@code -}, {@code *}, {@code /}, {@code %} or {@code ^}. Like
 * {@link BinaryExpr}, a chain such as {@code 1m + 1s + 1s + ...} is a left-deep tree of any depth, so
 * {@code equals}, {@code hashCode} and {@code toString} walk the left spine in a loop.
 */
public record DurationBinary(BinaryOp op, DurationExpr lhs, DurationExpr rhs, PositionRange position)
        implements DurationExpr {

    @Override
    public boolean equals(Object o) {
        Object a = this;
        Object b = o;
        while (a instanceof DurationBinary x && b instanceof DurationBinary y) {
            if (x == y) {
                return true;
            }
            if (x.op != y.op || !x.position.equals(y.position) || !x.rhs.equals(y.rhs)) {
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
        DurationExpr cur = this;
        while (cur instanceof DurationBinary b) {
            h = 31 * h + Objects.hash(b.op, b.rhs, b.position);
            cur = b.lhs;
        }
        return 31 * h + cur.hashCode();
    }

    @Override
    public String toString() {
        List<DurationBinary> spine = new ArrayList<>();
        DurationExpr cur = this;
        while (cur instanceof DurationBinary b) {
            spine.add(b);
            cur = b.lhs;
        }
        StringBuilder s = new StringBuilder();
        for (DurationBinary b : spine) {
            s.append("DurationBinary[op=").append(b.op).append(", lhs=");
        }
        s.append(cur);
        for (int i = spine.size() - 1; i >= 0; i--) {
            DurationBinary b = spine.get(i);
            s.append(", rhs=").append(b.rhs).append(", position=").append(b.position).append(']');
        }
        return s.toString();
    }
}
