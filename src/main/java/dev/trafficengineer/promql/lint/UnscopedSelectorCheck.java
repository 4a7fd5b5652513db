package dev.trafficengineer.promql.lint;

import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.promql.ast.Expr;
import dev.trafficengineer.promql.ast.LabelMatcher;
import dev.trafficengineer.promql.ast.MatchOp;
import dev.trafficengineer.promql.ast.VectorSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * In a KEDA trigger, a selector with no label matcher that picks out a workload: the autoscaler then follows the
 * traffic of every service that exports the metric.
 */
public final class UnscopedSelectorCheck implements LintCheck {

    public static final RuleInfo INFO = RuleInfo.builder("promql/unscoped-selector", Severity.WARNING)
            .summary("KEDA trigger selector without a label that narrows it to the workload")
            .rationale("""
                    A metric such as `http_requests_total` is exported by every service in the cluster. A trigger that
                    selects it by name alone, or only excludes some series (`!=`, `!~`, `=~".*"`), sums the traffic of
                    all of them: the workload scales on load that it does not serve, and two workloads with the same
                    query scale together.""")
            .example("""
                    query: sum(rate(http_requests_total[2m]))""")
            .remedy("""
                    Add an equality or regex matcher on a label that identifies the workload, such as `namespace`,
                    `service`, `job`, `deployment` or `queue`: `sum(rate(http_requests_total{namespace="shop",
                    service="checkout"}[2m]))`.""")
            .source("KEDA docs: scalers/prometheus.md (query examples select one service)")
            .build();

    private static final Set<String> MATCH_ALL = Set.of(".*", ".+", "(.*)", "(.+)", "^.*$", "^.+$");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<QueryProblem> check(Expr query, QueryContext context) {
        if (!context.kedaTrigger()) {
            return List.of();
        }
        List<QueryProblem> out = new ArrayList<>();
        for (VectorSelector vs : Queries.selectors(query)) {
            if (!narrows(vs)) {
                String name = vs.metricName() == null ? "{...}" : vs.metricName();
                out.add(Queries.problem(INFO, "The selector `" + name + "` has no label matcher that picks out one "
                        + "workload, so the trigger scales on the traffic of every service that exports it; add one "
                        + "such as `{namespace=\"...\", service=\"...\"}`.", vs.position()));
            }
        }
        return out;
    }

    private static boolean narrows(VectorSelector vs) {
        for (LabelMatcher m : vs.matchers()) {
            if (m.isMetricName()) {
                continue;
            }
            if (m.op() == MatchOp.EQUAL && !m.value().isEmpty()) {
                return true;
            }
            if (m.op() == MatchOp.REGEX && !MATCH_ALL.contains(m.value()) && !m.value().isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
