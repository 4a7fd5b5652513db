package dev.trafficengineer.promql.lint;

import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.promql.ast.Expr;
import dev.trafficengineer.promql.ast.ValueType;
import java.util.List;

/** A KEDA {@code prometheus} trigger's query must return an instant vector: scalars and range vectors fail. */
public final class KedaResultTypeCheck implements LintCheck {

    public static final RuleInfo INFO = RuleInfo.builder("promql/keda-result-not-vector", Severity.ERROR)
            .summary("KEDA prometheus trigger query that does not return an instant vector")
            .rationale("""
                    KEDA's prometheus scaler decodes the query result as a list of instant-vector samples. A scalar
                    result (for example `scalar(...)`, `time()` or a bare number) does not decode, so every poll
                    fails. A range vector (`metric[5m]`) decodes with an empty value, which KEDA reads as 0 by
                    default, so the workload never scales up.""")
            .example("""
                    triggers:
                      - type: prometheus
                        metadata:
                          query: scalar(sum(rate(http_requests_total{service="checkout"}[2m])))""")
            .remedy("""
                    Return a one-sample instant vector: drop `scalar(...)` or wrap a scalar in `vector(...)`, and apply a
                    function such as `rate(...)` or `max_over_time(...)` to a range vector.""")
            .source("KEDA pkg/scalers/prometheus_scaler.go (ExecutePromQuery, promQueryResult); research/keda.md 8.1")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<QueryProblem> check(Expr query, QueryContext context) {
        if (!context.kedaTrigger()) {
            return List.of();
        }
        ValueType type = query.type();
        String message = switch (type) {
            case INSTANT_VECTOR -> null;
            case SCALAR -> "KEDA's `prometheus` scaler cannot decode a scalar result; wrap the query in `vector(...)`"
                    + " so that it returns a one-sample instant vector.";
            case RANGE_VECTOR -> "KEDA's `prometheus` scaler reads a range vector as an empty value and scales on `0`;"
                    + " apply a function such as `rate(...)` or `max_over_time(...)` to get an instant vector.";
            case STRING -> "KEDA's `prometheus` scaler cannot use a string result; the query must return a one-sample"
                    + " instant vector.";
        };
        return message == null ? List.of() : List.of(Queries.problem(INFO, message, query.position()));
    }
}
