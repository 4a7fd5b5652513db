package dev.trafficengineer.promql.lint;

import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.promql.ast.AggregateExpr;
import dev.trafficengineer.promql.ast.Ast;
import dev.trafficengineer.promql.ast.BinaryExpr;
import dev.trafficengineer.promql.ast.BinaryOp;
import dev.trafficengineer.promql.ast.Call;
import dev.trafficengineer.promql.ast.DurationBinary;
import dev.trafficengineer.promql.ast.DurationExpr;
import dev.trafficengineer.promql.ast.DurationNegation;
import dev.trafficengineer.promql.ast.DurationParen;
import dev.trafficengineer.promql.ast.Expr;
import dev.trafficengineer.promql.ast.NumberLiteral;
import dev.trafficengineer.promql.ast.PositionRange;
import dev.trafficengineer.promql.ast.SubqueryExpr;
import dev.trafficengineer.promql.ast.UnaryExpr;
import dev.trafficengineer.promql.ast.ValueType;
import dev.trafficengineer.promql.ast.VectorSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** Query analyses the lint checks share. Pure functions over the tree. */
final class Queries {

    private Queries() {}

    static QueryProblem problem(RuleInfo rule, String message, PositionRange at) {
        return new QueryProblem(rule, message, at.start(), at.end());
    }

    static List<VectorSelector> selectors(Expr e) {
        List<VectorSelector> out = new ArrayList<>();
        Ast.forEach(e, n -> {
            if (n instanceof VectorSelector vs) {
                out.add(vs);
            }
        });
        return out;
    }

    /** Metric names of the selectors under {@code e} (those that have one). */
    static List<String> metricNames(Expr e) {
        List<String> out = new ArrayList<>();
        for (VectorSelector vs : selectors(e)) {
            String name = vs.metricName();
            if (name != null) {
                out.add(name);
            }
        }
        return out;
    }

    static boolean isCall(Expr e, String name) {
        return e instanceof Call c && c.name().equals(name);
    }

    /**
     * Whether the instant vector {@code e} returns at most one series whatever the data: an aggregation without
     * grouping, {@code vector(...)}, {@code absent(...)}, {@code topk(1, ...)}, and what functions and operators keep
     * of such a result.
     */
    static boolean singleSeries(Expr e) {
        e = Ast.unwrapParens(e);
        if (e instanceof AggregateExpr a) {
            if (a.without() || !a.grouping().isEmpty()) {
                return false;
            }
            return switch (a.op()) {
                case TOPK, BOTTOMK, LIMITK -> a.param() instanceof NumberLiteral n && n.value() <= 1;
                case COUNT_VALUES, LIMIT_RATIO -> false;
                default -> true;
            };
        }
        if (e instanceof Call c) {
            switch (c.name()) {
                case "vector", "absent", "absent_over_time":
                    return true;
                case "histogram_quantile":
                    return singleSeriesApartFromLe(c.args().get(1));
                default:
                    break;
            }
            for (int i = 0; i < c.args().size(); i++) {
                ValueType t = c.function().argType(i);
                Expr arg = Ast.unwrapParens(c.args().get(i));
                if (t == ValueType.INSTANT_VECTOR) {
                    return singleSeries(arg);
                }
                if (t == ValueType.RANGE_VECTOR) {
                    return arg instanceof SubqueryExpr s && singleSeries(s.expr());
                }
            }
            return false;
        }
        if (e instanceof UnaryExpr u) {
            return singleSeries(u.expr());
        }
        if (e instanceof BinaryExpr b) {
            if (b.lhs().type() == ValueType.SCALAR) {
                return singleSeries(b.rhs());
            }
            if (b.rhs().type() == ValueType.SCALAR) {
                return singleSeries(b.lhs());
            }
            if (b.op() == BinaryOp.AND || b.op() == BinaryOp.UNLESS) {
                return singleSeries(b.lhs());
            }
            if (b.op() == BinaryOp.OR) {
                return singleSeries(b.lhs()) && singleSeries(b.rhs());
            }
            return switch (b.matching().cardinality()) {
                case MANY_TO_ONE -> singleSeries(b.lhs());
                case ONE_TO_MANY -> singleSeries(b.rhs());
                default -> singleSeries(b.lhs()) || singleSeries(b.rhs());
            };
        }
        return false;
    }

    /** The argument of {@code histogram_quantile}: one series once {@code le} is collapsed. */
    private static boolean singleSeriesApartFromLe(Expr e) {
        Expr x = Ast.unwrapParens(e);
        if (x instanceof AggregateExpr a && !a.without() && a.grouping().stream().allMatch("le"::equals)) {
            return true;
        }
        return singleSeries(x);
    }

    /** The value in seconds of a duration without {@code step()} or {@code range()}, or empty. */
    static OptionalDouble constantSeconds(DurationExpr d) {
        if (d instanceof NumberLiteral n) {
            return OptionalDouble.of(n.value());
        }
        if (d instanceof DurationParen p) {
            return constantSeconds(p.inner());
        }
        if (d instanceof DurationNegation n) {
            OptionalDouble v = constantSeconds(n.operand());
            return v.isPresent() ? OptionalDouble.of(-v.getAsDouble()) : v;
        }
        if (d instanceof DurationBinary b) {
            OptionalDouble l = constantSeconds(b.lhs());
            OptionalDouble r = constantSeconds(b.rhs());
            if (l.isEmpty() || r.isEmpty()) {
                return OptionalDouble.empty();
            }
            double x = l.getAsDouble();
            double y = r.getAsDouble();
            return OptionalDouble.of(switch (b.op()) {
                case ADD -> x + y;
                case SUB -> x - y;
                case MUL -> x * y;
                case DIV -> x / y;
                case MOD -> x % y;
                case POW -> Math.pow(x, y);
                default -> Double.NaN;
            });
        }
        return OptionalDouble.empty();
    }

    /** {@code histogram_quantile(...)} over a histogram measured in seconds, or null. */
    static Call secondsQuantile(Expr e) {
        Expr x = Ast.unwrapParens(e);
        if (x instanceof Call c && c.name().equals("histogram_quantile")
                && metricNames(c.args().get(1)).stream().anyMatch(n -> n.contains("_seconds"))) {
            return c;
        }
        return null;
    }

    /** The first histogram metric name under a {@code histogram_quantile} call, for messages. */
    static String histogramName(Call quantile) {
        return metricNames(quantile.args().get(1)).stream().filter(n -> n.contains("_seconds")).findFirst()
                .orElse("?");
    }

    /** A threshold that, for a latency in seconds, is implausible as seconds and plausible as milliseconds. */
    static boolean looksLikeMilliseconds(double v) {
        return v >= 50 && !Double.isInfinite(v);
    }
}
