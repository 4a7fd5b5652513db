package dev.trafficengineer.promql.lint;

import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.promql.ast.Ast;
import dev.trafficengineer.promql.ast.Call;
import dev.trafficengineer.promql.ast.Expr;
import dev.trafficengineer.promql.ast.MatrixSelector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * {@code rate}, {@code irate} and {@code increase} over a metric whose name says it is a gauge. Counters end in
 * {@code _total}, {@code _count}, {@code _sum} or {@code _bucket}; legacy counters without those suffixes exist, so
 * the check fires only on names that also end like a gauge ({@code _bytes}, {@code _depth}, {@code _lag}, ...).
 */
public final class RateOnGaugeCheck implements LintCheck {

    public static final RuleInfo INFO = RuleInfo.builder("promql/rate-on-gauge", Severity.WARNING)
            .summary("The rate, irate or increase of a metric named like a gauge")
            .rationale("""
                    `rate`, `irate` and `increase` assume a counter: a value that only goes up and resets to zero. On a
                    gauge every decrease is taken for a counter reset, so the result jumps to large false values; a
                    queue that drains makes the autoscaler see a burst of traffic. Counters are named with `_total`
                    (or `_count`, `_sum`, `_bucket` for histograms and summaries); names such as `_bytes`, `_depth`,
                    `_lag`, `_messages` or `_ratio` without those suffixes are gauges.""")
            .example("""
                    query: sum(rate(rabbitmq_queue_messages{queue="orders"}[2m]))""")
            .remedy("""
                    Use the gauge directly (`sum(rabbitmq_queue_messages{queue="orders"})`), smooth it with
                    `avg_over_time(...)`, or measure its trend with `deriv(...)`; if the metric really is a counter,
                    consider renaming it with `_total`.""")
            .source("Prometheus docs: querying/functions.md (rate, irate, increase); practices/naming.md (_total)")
            .build();

    private static final Set<String> RATE_FUNCTIONS = Set.of("rate", "irate", "increase");
    private static final List<String> COUNTER_SUFFIXES = List.of("_total", "_count", "_sum", "_bucket");
    private static final List<String> GAUGE_SUFFIXES = List.of("_bytes", "_ratio", "_percent", "_percentage",
            "_celsius", "_info", "_depth", "_size", "_length", "_lag", "_messages", "_ready", "_replicas", "_pending",
            "_inflight", "_in_flight", "_active", "_current", "_connections", "_temperature", "_limit", "_capacity",
            "_available", "_utilization", "_usage");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<QueryProblem> check(Expr query, QueryContext context) {
        List<QueryProblem> out = new ArrayList<>();
        // Depth-first with a flag for "inside a histogram_* function": native histograms have no suffix and are
        // rated there legitimately.
        Deque<Expr> stack = new ArrayDeque<>();
        Deque<Boolean> inHistogram = new ArrayDeque<>();
        stack.push(query);
        inHistogram.push(false);
        while (!stack.isEmpty()) {
            Expr e = stack.pop();
            boolean histogram = inHistogram.pop();
            if (e instanceof Call c) {
                if (!histogram && RATE_FUNCTIONS.contains(c.name()) && c.args().get(0) instanceof MatrixSelector m) {
                    String name = m.selector().metricName();
                    if (name != null && looksLikeGauge(name)) {
                        out.add(Queries.problem(INFO, "`" + c.name() + "` expects a counter, but `" + name
                                + "` is named like a gauge, so every decrease reads as a counter reset; use the gauge "
                                + "as it is, `avg_over_time(...)` or `deriv(...)` instead.", c.position()));
                    }
                }
                histogram |= c.name().startsWith("histogram_");
            }
            for (Expr child : Ast.children(e)) {
                stack.push(child);
                inHistogram.push(histogram);
            }
        }
        return out;
    }

    static boolean looksLikeGauge(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        if (COUNTER_SUFFIXES.stream().anyMatch(n::endsWith)) {
            return false;
        }
        return n.equals("up") || GAUGE_SUFFIXES.stream().anyMatch(n::endsWith);
    }
}
