package dev.trafficengineer.promql.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.promql.ParseOptions;
import dev.trafficengineer.promql.ParseResult;
import dev.trafficengineer.promql.PromQL;
import dev.trafficengineer.promql.ast.Expr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each check fires on a case it is for, and stays silent on a near miss. */
class QueryLintTest {

    static Expr parse(String q) {
        ParseResult r = PromQL.parse(q, ParseOptions.DEFAULT);
        assertThat(r).as(q).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) r).expr();
    }

    static List<QueryProblem> run(LintCheck check, String q, QueryContext ctx) {
        List<QueryProblem> problems = check.check(parse(q), ctx);
        problems.forEach(p -> {
            assertThat(p.rule()).isSameAs(check.info());
            assertThat(p.message()).endsWith(".").contains("`");
            assertThat(p.end()).isLessThanOrEqualTo(q.codePointCount(0, q.length()));
        });
        return problems;
    }

    static final QueryContext KEDA = QueryContext.kedaTrigger(100);

    @Nested
    class KedaResultType {
        final LintCheck check = new KedaResultTypeCheck();

        @Test
        void scalarResultFires() {
            List<QueryProblem> p = run(check, "scalar(sum(rate(x_total{a=\"b\"}[2m])))", KEDA);
            assertThat(p).singleElement().satisfies(x -> assertThat(x.message()).contains("`vector(...)`"));
        }

        @Test
        void rangeVectorResultFires() {
            assertThat(run(check, "x_total{a=\"b\"}[5m]", KEDA)).singleElement()
                    .satisfies(x -> assertThat(x.message()).contains("`0`"));
        }

        @Test
        void nearMissInstantVectorOrNoTrigger() {
            assertThat(run(check, "vector(scalar(sum(x)))", KEDA)).isEmpty();
            assertThat(run(check, "scalar(sum(x))", QueryContext.DEFAULT)).isEmpty();
        }
    }

    @Nested
    class KedaMultipleSeries {
        final LintCheck check = new KedaMultipleSeriesCheck();

        @Test
        void groupedAggregationFires() {
            assertThat(run(check, "sum by (pod) (rate(http_requests_total{service=\"a\"}[2m]))", KEDA))
                    .singleElement()
                    .satisfies(x -> assertThat(x.message()).startsWith("`sum by (pod)` returns one series per"));
        }

        @Test
        void bareRateFires() {
            assertThat(run(check, "rate(http_requests_total{service=\"a\"}[2m])", KEDA)).hasSize(1);
        }

        @Test
        void nearMissesReturnOneSeries() {
            for (String q : List.of(
                    "sum(rate(http_requests_total{service=\"a\"}[2m]))",
                    "vector(1)",
                    "topk(1, x)",
                    "histogram_quantile(0.9, sum by (le) (rate(d_seconds_bucket{service=\"a\"}[2m])))",
                    "sum(a) / sum(b)",
                    "max_over_time(sum(x)[5m:1m])",
                    "sum(x) or vector(0)",
                    "abs(sum(x)) * 2")) {
                assertThat(run(check, q, KEDA)).as(q).isEmpty();
            }
            assertThat(run(check, "rate(x_total[2m])", QueryContext.DEFAULT)).isEmpty();
        }
    }

    @Nested
    class RateOnGauge {
        final LintCheck check = new RateOnGaugeCheck();

        @Test
        void rateOfAGaugeNameFires() {
            assertThat(run(check, "sum(rate(rabbitmq_queue_messages{queue=\"orders\"}[2m]))", QueryContext.DEFAULT))
                    .singleElement()
                    .satisfies(x -> assertThat(x.message()).contains("`rabbitmq_queue_messages`").contains("`rate`"));
            assertThat(run(check, "increase(kafka_consumergroup_lag[5m])", QueryContext.DEFAULT)).hasSize(1);
        }

        @Test
        void nearMissesAreCountersOrNativeHistograms() {
            for (String q : List.of(
                    "rate(http_requests_total[5m])",
                    "rate(node_vmstat_pgmajfault[5m])",
                    "histogram_quantile(0.9, rate(request_size_bytes[5m]))",
                    "avg_over_time(rabbitmq_queue_messages[5m])",
                    "rate(http_request_duration_seconds_bucket[5m])")) {
                assertThat(run(check, q, QueryContext.DEFAULT)).as(q).isEmpty();
            }
        }
    }

    @Nested
    class HistogramQuantileWithoutLe {
        final LintCheck check = new HistogramQuantileWithoutLeCheck();

        @Test
        void groupingWithoutLeFires() {
            String q = "histogram_quantile(0.95, sum by (service) (rate(http_request_duration_seconds_bucket[5m])))";
            List<QueryProblem> p = run(check, q, QueryContext.DEFAULT);
            assertThat(p).singleElement().satisfies(x -> {
                assertThat(x.message()).contains("`sum by (service, le)`");
                assertThat(q.substring(x.start(), x.end())).startsWith("sum by (service)");
            });
        }

        @Test
        void ungroupedAndWithoutLeFire() {
            assertThat(run(check, "histogram_quantile(0.9, sum(rate(d_bucket[5m])))", QueryContext.DEFAULT))
                    .hasSize(1);
            assertThat(run(check, "histogram_quantile(0.9, sum without (le, pod) (rate(d_bucket[5m])))",
                    QueryContext.DEFAULT)).singleElement()
                    .satisfies(x -> assertThat(x.message()).contains("`sum without (pod)`"));
        }

        @Test
        void nearMissesKeepLeOrUseNativeHistograms() {
            for (String q : List.of(
                    "histogram_quantile(0.95, sum by (service, le) (rate(d_bucket[5m])))",
                    "histogram_quantile(0.95, sum without (pod) (rate(d_bucket[5m])))",
                    "histogram_quantile(0.95, sum(rate(http_request_duration_seconds[5m])))",
                    "histogram_quantile(0.95, rate(d_bucket[5m]))")) {
                assertThat(run(check, q, QueryContext.DEFAULT)).as(q).isEmpty();
            }
        }
    }

    @Nested
    class RangeTooShort {
        final LintCheck check = new RangeTooShortCheck();

        @Test
        void rangeUnderFourScrapesFires() {
            List<QueryProblem> p = run(check, "sum(rate(x_total[30s]))", QueryContext.DEFAULT);
            assertThat(p).singleElement().satisfies(x -> assertThat(x.message())
                    .contains("`[30s]`").contains("`15s`").contains("`[1m]`"));
            assertThat(run(check, "rate(x_total[2m])", QueryContext.DEFAULT.withScrapeInterval(Duration.ofMinutes(1))))
                    .singleElement().satisfies(x -> assertThat(x.message()).contains("`[4m]`"));
            assertThat(run(check, "increase(x_total[20s+10s])", QueryContext.DEFAULT)).hasSize(1);
        }

        @Test
        void nearMissesAreLongEnoughOrNotRates() {
            assertThat(run(check, "rate(x_total[1m])", QueryContext.DEFAULT)).isEmpty();
            assertThat(run(check, "max_over_time(x[30s])", QueryContext.DEFAULT)).isEmpty();
            assertThat(run(check, "rate(x_total[step()])", QueryContext.DEFAULT)).isEmpty();
        }
    }

    @Nested
    class UnscopedSelector {
        final LintCheck check = new UnscopedSelectorCheck();

        @Test
        void bareOrExcludingSelectorsFire() {
            assertThat(run(check, "sum(rate(http_requests_total[2m]))", KEDA)).singleElement()
                    .satisfies(x -> assertThat(x.message()).contains("`http_requests_total`"));
            assertThat(run(check, "sum(rate(http_requests_total{code!=\"500\", pod=~\".*\"}[2m]))", KEDA))
                    .hasSize(1);
        }

        @Test
        void nearMissesAreScopedOrNotTriggers() {
            assertThat(run(check, "sum(rate(http_requests_total{service=\"checkout\"}[2m]))", KEDA)).isEmpty();
            assertThat(run(check, "sum(rate(http_requests_total{pod=~\"checkout-.*\"}[2m]))", KEDA)).isEmpty();
            assertThat(run(check, "sum(rate(http_requests_total[2m]))", QueryContext.DEFAULT)).isEmpty();
        }
    }

    @Nested
    class MillisecondThreshold {
        final LintCheck check = new MillisecondThresholdCheck();
        final String p95 = "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[2m])))";

        @Test
        void comparisonWithMillisecondsFires() {
            assertThat(run(check, p95 + " > 500", QueryContext.DEFAULT)).singleElement()
                    .satisfies(x -> assertThat(x.message()).contains("`500`").contains("`0.5`"));
        }

        @Test
        void triggerThresholdInMillisecondsFires() {
            assertThat(run(check, p95, QueryContext.kedaTrigger(300))).singleElement()
                    .satisfies(x -> assertThat(x.message()).contains("`300`").contains("set it to `0.3`"));
        }

        @Test
        void nearMissesUseSecondsOrConvert() {
            assertThat(run(check, p95 + " > 0.5", QueryContext.DEFAULT)).isEmpty();
            assertThat(run(check, p95, QueryContext.kedaTrigger(0.3))).isEmpty();
            assertThat(run(check, p95 + " * 1000 > 500", QueryContext.DEFAULT)).isEmpty();
            assertThat(run(check, "histogram_quantile(0.95, sum by (le) (rate(d_milliseconds_bucket[2m]))) > 500",
                    QueryContext.DEFAULT)).isEmpty();
        }
    }

    @Test
    void checksAreSortedUniqueAndAllRegistered() throws IOException {
        List<String> ids = QueryLint.CHECKS.stream().map(c -> c.info().id()).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        assertThat(QueryLint.RULES).isSortedAccordingTo(Comparator.comparing(RuleInfo::id));
        assertThat(QueryLint.RULES).extracting(RuleInfo::id).contains("promql/syntax", "promql/type")
                .allMatch(id -> id.startsWith("promql/"));
        Path dir = Path.of(System.getProperty("project.basedir", "."),
                "src/main/java/dev/trafficengineer/promql/lint");
        try (Stream<Path> files = Files.list(dir)) {
            List<String> classes = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".java") && !n.equals("package-info.java"))
                    .map(n -> n.substring(0, n.length() - ".java".length()))
                    .filter(QueryLintTest::isLintCheck)
                    .sorted().toList();
            assertThat(QueryLint.CHECKS.stream().map(c -> c.getClass().getSimpleName()).sorted().toList())
                    .isEqualTo(classes);
        }
    }

    private static boolean isLintCheck(String simpleName) {
        try {
            Class<?> c = Class.forName("dev.trafficengineer.promql.lint." + simpleName);
            return LintCheck.class.isAssignableFrom(c) && !c.isInterface();
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void ruleDocsFollowTheConventions() {
        for (RuleInfo r : QueryLint.RULES) {
            assertThat(r.summary()).as(r.id()).doesNotEndWith(".");
            assertThat(r.rationale()).as(r.id()).endsWith(".");
            assertThat(r.remedy()).as(r.id()).endsWith(".");
        }
    }

    @Test
    void checkRunsEveryCheckAndSortsByPosition() {
        Expr q = parse("histogram_quantile(0.95, sum by (job) (rate(d_seconds_bucket[30s]))) > 300");
        List<QueryProblem> all = QueryLint.check(q, QueryContext.kedaTrigger(1));
        assertThat(all).extracting(p -> p.rule().id()).containsExactlyInAnyOrder(
                "promql/threshold-in-milliseconds", "promql/histogram-quantile-without-le", "promql/range-too-short",
                "promql/unscoped-selector", "promql/keda-multiple-series");
        assertThat(all).isSortedAccordingTo(Comparator.comparingInt(QueryProblem::start));
    }
}
