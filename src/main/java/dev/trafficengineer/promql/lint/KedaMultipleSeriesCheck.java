package dev.trafficengineer.promql.lint;

import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.promql.Printer;
import dev.trafficengineer.promql.ast.AggregateExpr;
import dev.trafficengineer.promql.ast.Ast;
import dev.trafficengineer.promql.ast.Expr;
import dev.trafficengineer.promql.ast.ValueType;
import java.util.List;

/**
 * A KEDA {@code prometheus} trigger's query must return at most one series; this flags instant-vector queries that
 * are not shaped to (a top-level aggregation without grouping, {@code vector(...)}, and what keeps one series).
 */
public final class KedaMultipleSeriesCheck implements LintCheck {

    public static final RuleInfo INFO = RuleInfo.builder("promql/keda-multiple-series", Severity.WARNING)
            .summary("KEDA prometheus trigger query that can return more than one series")
            .rationale("""
                    KEDA's prometheus scaler fails the poll with "prometheus query ... returned multiple elements"
                    whenever the result has more than one series, whatever `ignoreNullValues` says. A bare selector,
                    `rate(...)` of a selector, or an aggregation `by` some label returns one series per label value, so
                    the trigger breaks as soon as a second pod, instance or route appears.""")
            .example("""
                    query: sum by (pod) (rate(http_requests_total{service="checkout"}[2m]))""")
            .remedy("""
                    Aggregate to a single series: `sum(...)`, `max(...)`, `avg(...)`, or `topk(1, ...)`, without `by`
                    or `without`.""")
            .source("KEDA pkg/scalers/prometheus_scaler.go (ExecutePromQuery: len(result) > 1); research/keda.md 8.1")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<QueryProblem> check(Expr query, QueryContext context) {
        if (!context.kedaTrigger() || query.type() != ValueType.INSTANT_VECTOR || Queries.singleSeries(query)) {
            return List.of();
        }
        Expr top = Ast.unwrapParens(query);
        String message;
        if (top instanceof AggregateExpr a && (a.without() || !a.grouping().isEmpty())) {
            String clause = a.op().keyword() + (a.without() ? " without (" : " by (") + String.join(", ", a.grouping())
                    + ")";
            message = "`" + clause + "` returns one series per label value, and KEDA fails with `returned multiple "
                    + "elements` when there is more than one; aggregate without grouping, for example `"
                    + a.op().keyword() + "(...)`.";
        } else {
            message = "The query `" + abbreviate(Printer.print(query)) + "` can return more than one series, and KEDA "
                    + "fails with `returned multiple elements` when it does; aggregate it to one series, for example "
                    + "`sum(...)`.";
        }
        return List.of(Queries.problem(INFO, message, query.position()));
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
