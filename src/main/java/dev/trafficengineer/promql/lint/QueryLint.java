package dev.trafficengineer.promql.lint;

import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.promql.ParseError;
import dev.trafficengineer.promql.ast.Expr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The PromQL lint checks, and the rules for queries Prometheus rejects. */
public final class QueryLint {

    /** A query Prometheus cannot parse. */
    public static final RuleInfo SYNTAX = RuleInfo.builder("promql/syntax", Severity.ERROR)
            .summary("PromQL query that Prometheus cannot parse")
            .rationale("""
                    Prometheus rejects the query before running it, so whatever uses it (an alert, a recording rule, a
                    KEDA trigger, an HPA external metric through an adapter) gets an error on every evaluation. The
                    message and position are the ones Prometheus 3.14 reports.""")
            .example("""
                    query: sum(rate(http_requests_total{service="checkout"}[2m])""")
            .remedy("""
                    Fix the query at the reported position; `traffic-engineer promql check QUERY` shows the same error
                    as Prometheus.""")
            .source("prometheus/prometheus promql/parser (lex.go, generated_parser.y, parse.go) at 3.14")
            .build();

    /** A query that parses but fails Prometheus's static type checks. */
    public static final RuleInfo TYPE = RuleInfo.builder("promql/type", Severity.ERROR)
            .summary("PromQL query that fails Prometheus's type checks")
            .rationale("""
                    The query is well formed, but an operand has the wrong type: a range vector where an instant vector
                    is needed (`rate(x)` instead of `rate(x[5m])`), a function called with the wrong number of
                    arguments, a comparison of two scalars without `bool`, and so on. Prometheus rejects it before
                    running it.""")
            .example("""
                    query: sum(rate(http_requests_total{service="checkout"}))""")
            .remedy("""
                    Give each function and operator operands of the type the message names.""")
            .source("prometheus/prometheus promql/parser/parse.go (checkAST) and functions.go at 3.14")
            .build();

    /** Every lint check, sorted by rule id. */
    public static final List<LintCheck> CHECKS = List.of(
            // keep-sorted start
            new HistogramQuantileWithoutLeCheck(),
            new KedaMultipleSeriesCheck(),
            new KedaResultTypeCheck(),
            new RangeTooShortCheck(),
            new RateOnGaugeCheck(),
            new MillisecondThresholdCheck(),
            new UnscopedSelectorCheck()
            // keep-sorted end
    );

    /** The rule infos of the parse failures and of every check, sorted by id. */
    public static final List<RuleInfo> RULES = rules();

    private QueryLint() {}

    private static List<RuleInfo> rules() {
        List<RuleInfo> all = new ArrayList<>();
        all.add(SYNTAX);
        all.add(TYPE);
        CHECKS.forEach(c -> all.add(c.info()));
        all.sort(Comparator.comparing(RuleInfo::id));
        return List.copyOf(all);
    }

    /** The rule a parse failure falls under. */
    public static RuleInfo ruleFor(ParseError error) {
        return error.kind() == ParseError.Kind.TYPE ? TYPE : SYNTAX;
    }

    /** Runs every check on a parsed query; problems sorted by position, then rule id. */
    public static List<QueryProblem> check(Expr query, QueryContext context) {
        List<QueryProblem> out = new ArrayList<>();
        for (LintCheck c : CHECKS) {
            out.addAll(c.check(query, context));
        }
        out.sort(Comparator.comparingInt(QueryProblem::start).thenComparing(p -> p.rule().id()));
        return List.copyOf(out);
    }
}
