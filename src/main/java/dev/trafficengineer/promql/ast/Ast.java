package dev.trafficengineer.promql.ast;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/** Traversal helpers over {@link Expr} trees. Traversals use an explicit stack, so deep trees are safe. */
public final class Ast {

    private Ast() {}

    /** The direct sub-expressions of {@code e}, left to right (durations are not expressions and not included). */
    public static List<Expr> children(Expr e) {
        if (e instanceof BinaryExpr b) {
            return List.of(b.lhs(), b.rhs());
        }
        if (e instanceof AggregateExpr a) {
            return a.param() == null ? List.of(a.expr()) : List.of(a.param(), a.expr());
        }
        if (e instanceof Call c) {
            return c.args();
        }
        if (e instanceof ParenExpr p) {
            return List.of(p.expr());
        }
        if (e instanceof UnaryExpr u) {
            return List.of(u.expr());
        }
        if (e instanceof SubqueryExpr s) {
            return List.of(s.expr());
        }
        if (e instanceof MatrixSelector m) {
            return List.of(m.selector());
        }
        return List.of();
    }

    /** Visits {@code root} and every descendant, parents before children, left to right. */
    public static void forEach(Expr root, Consumer<Expr> visitor) {
        Deque<Expr> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Expr e = stack.pop();
            visitor.accept(e);
            List<Expr> kids = children(e);
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(kids.get(i));
            }
        }
    }

    /** Every node of the tree, in the order of {@link #forEach}. */
    public static List<Expr> nodes(Expr root) {
        List<Expr> all = new ArrayList<>();
        forEach(root, all::add);
        return all;
    }

    /** The expression inside any number of parentheses. */
    public static Expr unwrapParens(Expr e) {
        while (e instanceof ParenExpr p) {
            e = p.expr();
        }
        return e;
    }

    /**
     * The same tree with every position set to {@link PositionRange#NONE}, for comparing trees by structure (two
     * parses of differently spaced text are equal after this).
     */
    public static Expr withoutPositions(Expr e) {
        PositionRange n = PositionRange.NONE;
        if (e instanceof NumberLiteral x) {
            return new NumberLiteral(x.value(), x.duration(), n);
        }
        if (e instanceof StringLiteral x) {
            return new StringLiteral(x.value(), n);
        }
        if (e instanceof VectorSelector x) {
            return selector(x);
        }
        if (e instanceof MatrixSelector x) {
            return new MatrixSelector(selector(x.selector()), duration(x.range()), n);
        }
        if (e instanceof SubqueryExpr x) {
            return new SubqueryExpr(withoutPositions(x.expr()), duration(x.range()),
                    x.step() == null ? null : duration(x.step()), modifiers(x.modifiers()), n);
        }
        if (e instanceof Call x) {
            return new Call(x.function(), x.args().stream().map(Ast::withoutPositions).toList(), n);
        }
        if (e instanceof AggregateExpr x) {
            return new AggregateExpr(x.op(), withoutPositions(x.expr()),
                    x.param() == null ? null : withoutPositions(x.param()), x.grouping(), x.without(), n);
        }
        if (e instanceof BinaryExpr top) {
            // iterative along the left spine, which can be arbitrarily long
            List<BinaryExpr> spine = new ArrayList<>();
            Expr cur = top;
            while (cur instanceof BinaryExpr b) {
                spine.add(b);
                cur = b.lhs();
            }
            Expr acc = withoutPositions(cur);
            for (int i = spine.size() - 1; i >= 0; i--) {
                BinaryExpr x = spine.get(i);
                acc = new BinaryExpr(x.op(), acc, withoutPositions(x.rhs()), x.returnBool(), x.matching(), n);
            }
            return acc;
        }
        if (e instanceof UnaryExpr x) {
            return new UnaryExpr(x.negative(), withoutPositions(x.expr()), n);
        }
        return new ParenExpr(withoutPositions(((ParenExpr) e).expr()), n);
    }

    private static VectorSelector selector(VectorSelector x) {
        List<LabelMatcher> ms = x.matchers().stream()
                .map(m -> new LabelMatcher(m.name(), m.op(), m.value(), PositionRange.NONE))
                .toList();
        return new VectorSelector(x.name(), ms, modifiers(x.modifiers()), PositionRange.NONE);
    }

    private static Modifiers modifiers(Modifiers m) {
        return new Modifiers(m.offset() == null ? null : duration(m.offset()), m.at(), m.anchored(), m.smoothed());
    }

    /** {@link #withoutPositions(Expr)} for durations. */
    public static DurationExpr duration(DurationExpr d) {
        PositionRange n = PositionRange.NONE;
        if (d instanceof NumberLiteral x) {
            return new NumberLiteral(x.value(), x.duration(), n);
        }
        if (d instanceof DurationBinary top) {
            List<DurationBinary> spine = new ArrayList<>();
            DurationExpr cur = top;
            while (cur instanceof DurationBinary b) {
                spine.add(b);
                cur = b.lhs();
            }
            DurationExpr acc = duration(cur);
            for (int i = spine.size() - 1; i >= 0; i--) {
                DurationBinary x = spine.get(i);
                acc = new DurationBinary(x.op(), acc, duration(x.rhs()), n);
            }
            return acc;
        }
        if (d instanceof DurationNegation x) {
            return new DurationNegation(duration(x.operand()), n);
        }
        if (d instanceof DurationParen x) {
            return new DurationParen(duration(x.inner()), n);
        }
        DurationCall x = (DurationCall) d;
        return new DurationCall(x.function(), x.args().stream().map(Ast::duration).toList(), n);
    }
}
