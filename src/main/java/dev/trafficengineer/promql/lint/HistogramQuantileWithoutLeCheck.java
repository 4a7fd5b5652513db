package dev.trafficengineer.promql.lint;

import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.promql.ast.AggregateExpr;
import dev.trafficengineer.promql.ast.Ast;
import dev.trafficengineer.promql.ast.Call;
import dev.trafficengineer.promql.ast.Expr;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * {@code histogram_quantile} over classic ({@code _bucket}) histograms needs the {@code le} label; an aggregation
 * between the buckets and the function that drops it leaves nothing to compute from.
 */
public final class HistogramQuantileWithoutLeCheck implements LintCheck {

    public static final RuleInfo INFO = RuleInfo.builder("promql/histogram-quantile-without-le", Severity.ERROR)
            .summary("A histogram_quantile over buckets aggregated without the le label")
            .rationale("""
                    A classic histogram is a set of `_bucket` series told apart by their `le` label (the bucket's upper
                    bound). `histogram_quantile` reads the buckets of each series group from that label; if the
                    aggregation inside it drops `le` (`sum(...)`, `sum by (job) (...)` or `sum without (le) (...)`),
                    the buckets collapse into one series without `le` and the result is empty, so an autoscaler on it
                    never sees a value.""")
            .example("""
                    query: histogram_quantile(0.95, sum by (service) (rate(http_request_duration_seconds_bucket[5m])))""")
            .remedy("""
                    Keep `le` in the grouping: `sum by (service, le) (...)`, or `sum by (le) (...)` for one overall
                    quantile.""")
            .source("Prometheus docs: querying/functions.md (histogram_quantile); promql/quantile.go")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<QueryProblem> check(Expr query, QueryContext context) {
        List<QueryProblem> out = new ArrayList<>();
        Ast.forEach(query, e -> {
            if (e instanceof Call c && c.name().equals("histogram_quantile")) {
                for (AggregateExpr a : feedingAggregations(c.args().get(1))) {
                    String message = droppedLeMessage(a);
                    if (message != null) {
                        out.add(Queries.problem(INFO, message, a.position()));
                    }
                }
            }
        });
        return out;
    }

    /** The outermost aggregations under {@code e}: those whose output reaches the quantile directly. */
    private static List<AggregateExpr> feedingAggregations(Expr e) {
        List<AggregateExpr> out = new ArrayList<>();
        Deque<Expr> stack = new ArrayDeque<>();
        stack.push(e);
        while (!stack.isEmpty()) {
            Expr x = stack.pop();
            if (x instanceof AggregateExpr a) {
                out.add(a);
            } else {
                Ast.children(x).forEach(stack::push);
            }
        }
        return out;
    }

    private static String droppedLeMessage(AggregateExpr a) {
        boolean classic = Queries.metricNames(a.expr()).stream().anyMatch(n -> n.endsWith("_bucket"));
        if (!classic) {
            return null; // native histograms carry their buckets inside one series: no le to keep
        }
        String op = a.op().keyword();
        if (a.without()) {
            if (!a.grouping().contains("le")) {
                return null;
            }
            List<String> rest = new ArrayList<>(a.grouping());
            rest.remove("le");
            return "`histogram_quantile` needs the `le` label of the buckets, but `" + op + " without ("
                    + String.join(", ", a.grouping()) + ")` removes it and the result is always empty; "
                    + (rest.isEmpty() ? "drop the `without` clause." : "write `" + op + " without ("
                    + String.join(", ", rest) + ")`.");
        }
        if (a.grouping().contains("le")) {
            return null;
        }
        if (a.grouping().isEmpty()) {
            return "`histogram_quantile` needs the `le` label of the buckets, but `" + op + "(...)` removes every "
                    + "label and the result is always empty; aggregate with `" + op + " by (le) (...)`.";
        }
        String grouping = String.join(", ", a.grouping());
        return "`histogram_quantile` needs the `le` label of the buckets, but `" + op + " by (" + grouping
                + ")` drops it and the result is always empty; keep it with `" + op + " by (" + grouping + ", le)`.";
    }
}
