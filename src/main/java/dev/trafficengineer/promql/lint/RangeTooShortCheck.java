package dev.trafficengineer.promql.lint;

import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.promql.Printer;
import dev.trafficengineer.promql.ast.Ast;
import dev.trafficengineer.promql.ast.Call;
import dev.trafficengineer.promql.ast.Expr;
import dev.trafficengineer.promql.ast.MatrixSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/** A rate-like function over a range shorter than four scrape intervals. */
public final class RangeTooShortCheck implements LintCheck {

    public static final RuleInfo INFO = RuleInfo.builder("promql/range-too-short", Severity.WARNING)
            .summary("A rate-like function covers fewer than four scrape intervals")
            .rationale("""
                    `rate`, `increase`, `delta`, `deriv` and their relatives need at least two samples in the range,
                    and extrapolate from the samples they find. With fewer than about four scrape intervals in the
                    range, a missed or late scrape leaves one sample or none: the result gaps to nothing or swings,
                    and an autoscaler on it flaps or falls back to its default. Prometheus's and Grafana's guidance
                    (`$__rate_interval`) is a range of at least four scrape intervals.""")
            .example("""
                    query: sum(rate(http_requests_total{service="checkout"}[30s]))   # scraped every 15s""")
            .remedy("""
                    Use a range of at least four scrape intervals (`[1m]` for a 15s scrape interval); if the metric
                    is scraped less often, set the scrape interval of the check accordingly.""")
            .source("Prometheus docs: querying/functions.md (rate); Grafana docs: $__rate_interval")
            .build();

    private static final Set<String> FUNCTIONS =
            Set.of("rate", "irate", "increase", "delta", "idelta", "deriv", "predict_linear");
    private static final int INTERVALS = 4;

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<QueryProblem> check(Expr query, QueryContext context) {
        double scrape = context.scrapeInterval().toMillis() / 1000.0;
        double minimum = INTERVALS * scrape;
        List<QueryProblem> out = new ArrayList<>();
        Ast.forEach(query, e -> {
            if (e instanceof Call c && FUNCTIONS.contains(c.name()) && c.args().get(0) instanceof MatrixSelector m) {
                OptionalDouble range = Queries.constantSeconds(m.range());
                if (range.isPresent() && range.getAsDouble() < minimum) {
                    out.add(Queries.problem(INFO, "The range `[" + Printer.print(m.range()) + "]` of `" + c.name()
                            + "` covers fewer than " + INTERVALS + " scrape intervals of `"
                            + Printer.formatDuration(scrape) + "`, so it can see too few samples and return nothing; "
                            + "use at least `[" + Printer.formatDuration(minimum) + "]`.", m.position()));
                }
            }
        });
        return out;
    }
}
