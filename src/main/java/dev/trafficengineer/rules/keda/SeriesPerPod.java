package dev.trafficengineer.rules.keda;

import dev.trafficengineer.promql.ast.AggregateExpr;
import dev.trafficengineer.promql.ast.Ast;
import dev.trafficengineer.promql.ast.BinaryExpr;
import dev.trafficengineer.promql.ast.Call;
import dev.trafficengineer.promql.ast.Cardinality;
import dev.trafficengineer.promql.ast.Expr;
import dev.trafficengineer.promql.ast.MatchOp;
import dev.trafficengineer.promql.ast.UnaryExpr;
import dev.trafficengineer.promql.ast.ValueType;
import dev.trafficengineer.promql.ast.VectorMatching;
import dev.trafficengineer.promql.ast.VectorSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A query whose result is certainly one series per pod: an aggregation grouped {@code by} a label that tells the pods
 * of a workload apart, kept through operations that neither merge nor filter series. It returns as many series as
 * pods report the metric, so KEDA's poll fails whenever that is more than one. What this cannot tell for certain (a
 * bare selector, {@code without}, a comparison that filters, a set operation, a join) stays with
 * {@code promql/keda-multiple-series}, a warning: it can fail, not it will.
 *
 * @param aggregation the aggregation whose grouping makes the series
 * @param label       the per-pod label it groups by
 */
record SeriesPerPod(AggregateExpr aggregation, String label) {

    /** Labels that differ between the pods of one workload: the pod's name, and the address Prometheus scrapes. */
    static final List<String> POD_LABELS = List.of("pod", "pod_name", "kubernetes_pod_name", "instance");

    /** Functions that map each series of their first argument to one series with the same labels. */
    private static final Set<String> ELEMENT_WISE = Set.of("abs", "ceil", "clamp", "clamp_max", "clamp_min", "exp",
            "floor", "ln", "log10", "log2", "round", "sgn", "sort", "sort_desc", "sqrt", "timestamp");

    static Optional<SeriesPerPod> of(Expr query) {
        Expr e = Ast.unwrapParens(query);
        if (e instanceof AggregateExpr a) {
            return grouped(a);
        }
        if (e instanceof UnaryExpr u) {
            return of(u.expr());
        }
        if (e instanceof Call c) {
            if (c.name().equals("histogram_quantile") && c.args().size() == 2) {
                // the buckets' aggregation decides the series, once le is collapsed
                return Ast.unwrapParens(c.args().get(1)) instanceof AggregateExpr a ? grouped(a) : Optional.empty();
            }
            return ELEMENT_WISE.contains(c.name()) && !c.args().isEmpty() ? of(c.args().get(0)) : Optional.empty();
        }
        if (e instanceof BinaryExpr b) {
            return binary(b);
        }
        return Optional.empty();
    }

    /** "sum by (pod)", as the query writes the aggregation's clause. */
    String clause() {
        return aggregation.op().keyword() + " by (" + String.join(", ", aggregation.grouping()) + ")";
    }

    private static Optional<SeriesPerPod> binary(BinaryExpr b) {
        boolean filters = b.op().isComparison() && !b.returnBool();
        if (filters || b.op().isSetOperator()) {
            return Optional.empty();
        }
        if (b.lhs().type() == ValueType.SCALAR) {
            return of(b.rhs());
        }
        if (b.rhs().type() == ValueType.SCALAR) {
            return of(b.lhs());
        }
        if (b.matching().cardinality() != Cardinality.ONE_TO_ONE) {
            return Optional.empty();
        }
        // one to one: both sides per pod by the same label, matched on it, give one series per pod on both sides
        Optional<SeriesPerPod> left = of(b.lhs());
        Optional<SeriesPerPod> right = of(b.rhs());
        if (left.isEmpty() || right.isEmpty() || !left.get().label.equals(right.get().label)) {
            return Optional.empty();
        }
        VectorMatching m = b.matching();
        boolean matchesOnLabel = m.on() ? m.labels().contains(left.get().label) : !m.labels().contains(left.get().label);
        return matchesOnLabel ? left : Optional.empty();
    }

    private static Optional<SeriesPerPod> grouped(AggregateExpr a) {
        if (a.without()) {
            return Optional.empty();
        }
        for (String label : POD_LABELS) {
            if (a.grouping().contains(label) && !pinned(a.expr(), label)) {
                return Optional.of(new SeriesPerPod(a, label));
            }
        }
        return Optional.empty();
    }

    /** Whether every selector under {@code e} matches a single value of the label (or none carries it). */
    private static boolean pinned(Expr e, String label) {
        List<VectorSelector> selectors = new ArrayList<>();
        Ast.forEach(e, n -> {
            if (n instanceof VectorSelector vs) {
                selectors.add(vs);
            }
        });
        return selectors.stream().allMatch(vs -> vs.matchers().stream()
                .anyMatch(m -> m.name().equals(label) && m.op() == MatchOp.EQUAL));
    }
}
