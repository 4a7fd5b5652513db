package dev.trafficengineer.promql.lint;

import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.promql.Printer;
import dev.trafficengineer.promql.ast.AggregateExpr;
import dev.trafficengineer.promql.ast.Ast;
import dev.trafficengineer.promql.ast.BinaryExpr;
import dev.trafficengineer.promql.ast.Call;
import dev.trafficengineer.promql.ast.Expr;
import dev.trafficengineer.promql.ast.NumberLiteral;
import java.util.ArrayList;
import java.util.List;

/**
 * A quantile of a histogram in seconds compared with a number that only makes sense in milliseconds: in the query
 * ({@code ... > 500}) or as the KEDA trigger's threshold.
 */
public final class MillisecondThresholdCheck implements LintCheck {

    public static final RuleInfo INFO = RuleInfo.builder("promql/threshold-in-milliseconds", Severity.WARNING)
            .summary("A latency quantile in seconds is compared with a value that looks like milliseconds")
            .rationale("""
                    Prometheus histograms measure durations in seconds (`http_request_duration_seconds`), so
                    `histogram_quantile` over them returns seconds: a p95 of 300ms is `0.3`. A threshold of `300`
                    meant as milliseconds is then 300 seconds, which no request reaches: the alert never fires, and
                    an autoscaler with that target never scales out (a common "my autoscaler never scales" report).
                    Thresholds of 50 and above are treated as milliseconds, since latency targets of a minute or more
                    are rare.""")
            .example("""
                    triggers:
                      - type: prometheus
                        metadata:
                          query: histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[2m])))
                          threshold: "300\"""")
            .remedy("""
                    Write the threshold in seconds (`0.3` for 300ms), or convert the quantile to milliseconds with
                    `histogram_quantile(...) * 1000`.""")
            .source("Prometheus docs: practices/naming.md (base units: seconds); KEDA docs: scalers/prometheus.md")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<QueryProblem> check(Expr query, QueryContext context) {
        List<QueryProblem> out = new ArrayList<>();
        Ast.forEach(query, e -> {
            if (e instanceof BinaryExpr b && b.op().isComparison()) {
                compared(b, b.lhs(), b.rhs(), out);
                compared(b, b.rhs(), b.lhs(), out);
            }
        });
        if (context.threshold().isPresent()) {
            double t = context.threshold().getAsDouble();
            Call q = Queries.secondsQuantile(resultOf(query));
            if (q != null && Queries.looksLikeMilliseconds(t)) {
                out.add(Queries.problem(INFO, "`histogram_quantile` over `" + Queries.histogramName(q)
                        + "` returns seconds, but the trigger's threshold `" + Printer.formatNumber(t)
                        + "` looks like milliseconds, so it is never reached; set it to `"
                        + Printer.formatNumber(t / 1000) + "`.", query.position()));
            }
        }
        return out;
    }

    private static void compared(BinaryExpr b, Expr side, Expr other, List<QueryProblem> out) {
        Call q = Queries.secondsQuantile(side);
        if (q != null && Ast.unwrapParens(other) instanceof NumberLiteral n && Queries.looksLikeMilliseconds(n.value())) {
            out.add(Queries.problem(INFO, "`histogram_quantile` over `" + Queries.histogramName(q)
                    + "` returns seconds, but it is compared with `" + Printer.formatNumber(n.value())
                    + "`, which looks like milliseconds; compare with `" + Printer.formatNumber(n.value() / 1000)
                    + "` instead.", b.position()));
        }
    }

    /** What the trigger compares with its threshold: the query, under parentheses and an ungrouped aggregation. */
    private static Expr resultOf(Expr query) {
        Expr e = Ast.unwrapParens(query);
        while (e instanceof AggregateExpr a && a.grouping().isEmpty() && !a.without()) {
            e = Ast.unwrapParens(a.expr());
        }
        return e;
    }
}
