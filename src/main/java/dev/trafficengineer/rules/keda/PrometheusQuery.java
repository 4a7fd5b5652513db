package dev.trafficengineer.rules.keda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.promql.ParseError;
import dev.trafficengineer.promql.ParseOptions;
import dev.trafficengineer.promql.ParseResult;
import dev.trafficengineer.promql.PromQL;
import dev.trafficengineer.promql.ast.Expr;
import dev.trafficengineer.promql.lint.KedaMultipleSeriesCheck;
import dev.trafficengineer.promql.lint.QueryContext;
import dev.trafficengineer.promql.lint.QueryLint;
import dev.trafficengineer.promql.lint.QueryProblem;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The query of every {@code prometheus} trigger of a ScaledObject or ScaledJob, parsed and type-checked as Prometheus
 * does and linted as a KEDA trigger query, each finding exactly on the query's characters in the YAML scalar. KEDA
 * does not look at the query before it polls, so a query Prometheus rejects ({@code promql/syntax},
 * {@code promql/type}) is admitted and then fails at every poll. Lint problems keep their {@code promql/*} ids, with
 * one exception: a query certainly split per pod
 * ({@link SeriesPerPod}) is this rule's own runtime error instead of the {@code promql/keda-multiple-series}
 * warning, when the target can run more than one replica.
 */
public final class PrometheusQuery implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("keda/runtime-query-series-per-pod", Severity.ERROR)
            .summary("A prometheus trigger's query returns one series per pod, so it fails once there are two")
            .rationale("""
                    KEDA's prometheus scaler fails the poll with `prometheus query ... returned multiple elements` \
                    whenever the result holds more than one series, whatever `ignoreNullValues` says. An \
                    aggregation grouped by `pod` or `instance` returns one series per pod that reports the metric: \
                    the trigger works while one pod runs and breaks as soon as the workload scales out, or a \
                    rollout runs old and new pods side by side, which is exactly when it is needed. The rule fires \
                    when the object can run more than one replica; a query that only may return several series \
                    (a bare selector, `without`, a filter) is `promql/keda-multiple-series`, a warning.""")
            .example("""
                    triggers:
                      - type: prometheus
                        metadata:
                          serverAddress: http://prometheus.monitoring:9090
                          query: sum by (pod) (rate(http_requests_total{service="checkout"}[2m]))
                          threshold: "50\"""")
            .remedy("""
                    Aggregate without grouping: `sum(rate(http_requests_total{service="checkout"}[2m]))`. With the \
                    default `metricType: AverageValue` the HPA divides that total by the replica count, so \
                    `threshold` stays a per-pod target.""")
            .source("""
                    [K] pkg/scalers/prometheus_scaler.go (ExecutePromQuery: more than one result element is an \
                    error); research/keda.md §8.1.""")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /** The parse failures and every lint check, as {@code promql check} reports them too. */
    @Override
    public List<RuleInfo> alsoReports() {
        return QueryLint.RULES;
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return TriggerAnalysis.appliesTo(o);
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        ParseOptions options = ParseOptions.DEFAULT.withExperimentalFunctions(ctx.options().promqlExperimental());
        // a ScaledObject's HPA and a ScaledJob's job count both default to at most 100
        int maxReplicas = ScaledObjectView.of(o).effectiveMax();
        List<Finding> out = new ArrayList<>();
        for (Trigger t : Trigger.of(o)) {
            JsonNode query = o.at(t.metadataAt("query"));
            // a missing query is keda/runtime-missing-parameter, one that is not a string is rejected on admission
            if (!t.type().equals("prometheus") || !query.isTextual() || query.asText().isBlank()) {
                continue;
            }
            QueryText text = new QueryText(o, t.metadataAt("query"), query.asText());
            ParseResult parsed = PromQL.parse(text.text(), options);
            if (parsed instanceof ParseResult.Failed failed) {
                ParseError e = failed.error();
                out.add(o.finding(QueryLint.ruleFor(e), text.at(), text.range(e.start(), e.end()),
                        rejected(t, e, text.text(), options), null));
            } else {
                lint(o, t, text, ((ParseResult.Parsed) parsed).expr(), context(t, ctx), maxReplicas, out);
            }
        }
        return out;
    }

    private static void lint(KubeObject o, Trigger t, QueryText text, Expr expr, QueryContext context,
            int maxReplicas, List<Finding> out) {
        Optional<SeriesPerPod> perPod = maxReplicas > 1 ? SeriesPerPod.of(expr) : Optional.empty();
        for (QueryProblem p : QueryLint.check(expr, context)) {
            if (perPod.isPresent() && p.rule().equals(KedaMultipleSeriesCheck.INFO)) {
                continue; // the same mistake, certain here: reported once, as the error below
            }
            out.add(o.finding(p.rule(), text.at(), text.range(p.start(), p.end()), p.message(), null));
        }
        perPod.ifPresent(s -> out.add(o.finding(INFO, text.at(), text.range(s.aggregation().position().start(),
                s.aggregation().position().end()), perPodMessage(o, s, maxReplicas), null)));
    }

    private static QueryContext context(Trigger t, RuleContext ctx) {
        QueryContext c = new QueryContext(true, ctx.options().scrapeInterval(), OptionalDouble.empty());
        String threshold = t.value("threshold");
        if (threshold != null && GoValues.float64Error(threshold) == null) {
            c = c.withThreshold(GoValues.number(threshold).doubleValue());
        }
        return c;
    }

    private static String rejected(Trigger t, ParseError e, String query, ParseOptions options) {
        String head = "Prometheus rejects the query of the " + t.label()
                + (e.kind() == ParseError.Kind.TYPE ? " in its type check" : "") + ": `" + e.message() + "`; ";
        boolean experimental = !options.experimentalFunctions()
                && PromQL.parse(query, options.withExperimentalFunctions(true)).ok();
        if (experimental) {
            return head + "it uses an experimental function, so run Prometheus with"
                    + " `--enable-feature=promql-experimental-functions` and review with `--promql-experimental`, or"
                    + " use a stable function.";
        }
        return head + "KEDA does not check the query, so the trigger fails at every poll until it is fixed here.";
    }

    private static String perPodMessage(KubeObject o, SeriesPerPod s, int maxReplicas) {
        String unit = s.label().equals("instance") ? "scraped instance" : "pod";
        String when = ScaledObjectView.isScaledJob(o)
                ? "as they do when this ScaledJob runs jobs side by side (up to " + maxReplicas + ")"
                : "as they do when this ScaledObject scales out (up to " + maxReplicas + " replicas) and during"
                        + " every rollout";
        return "`" + s.clause() + "` returns one series per " + unit + ", so KEDA fails every poll with `returned"
                + " multiple elements` once two of them report the metric, " + when + "; aggregate without"
                + " grouping, for example `" + s.aggregation().op().keyword() + "(...)`.";
    }
}
