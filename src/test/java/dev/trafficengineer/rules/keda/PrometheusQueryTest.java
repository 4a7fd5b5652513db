package dev.trafficengineer.rules.keda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.rules.ReviewOptions;
import dev.trafficengineer.testing.RuleTester;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The query of each prometheus trigger: Prometheus's verdict and the lint checks, each finding on the exact characters
 * of the query in the file. In {@link #so} the metadata keys start at column 9 on line 12, so a plain {@code query:}
 * value starts at line 13, column 16.
 */
class PrometheusQueryTest {

    private static final String SERVER = "serverAddress: http://prometheus.monitoring:9090\n";
    private static final String SCOPED = "http_requests_total{service=\"checkout\"}";

    /** A ScaledObject with one prometheus trigger: serverAddress, then the query lines, then the threshold. */
    private static String so(String spec, String query, String threshold) {
        return Yaml.scaledObject(spec + "triggers:\n  - type: prometheus\n    metadata:\n"
                + (SERVER + query + "threshold: \"" + threshold + "\"\n").indent(6));
    }

    private static String so(String query) {
        return so("", query, "50");
    }

    private static List<Finding> check(String yaml) {
        return RuleTester.check(new PrometheusQuery(), yaml);
    }

    private static List<Finding> check(String yaml, ReviewOptions options) {
        return RuleTester.check(new PrometheusQuery(), yaml, options);
    }

    private static Finding only(String yaml, String ruleId) {
        List<Finding> f = check(yaml).stream().filter(x -> x.ruleId().equals(ruleId)).toList();
        assertThat(f).as(ruleId).hasSize(1);
        return f.get(0);
    }

    @Nested
    class Positions {

        @Test
        void plainScalarErrorAtTheEndOfTheQuery() {
            Finding f = only(so("query: sum(rate(" + SCOPED + "[2m])\n"), "promql/syntax");
            assertThat(f.range()).hasToString("13:69-13:69"); // right after the last character
            assertThat(f.pointer().value()).isEqualTo("/spec/triggers/0/metadata/query");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).isEqualTo("Prometheus rejects the query of the `prometheus` trigger #1:"
                    + " `unclosed left parenthesis`; KEDA does not check the query, so the trigger fails at every poll"
                    + " until it is fixed here.");
        }

        @Test
        void plainScalarTypeError() {
            Finding f = only(so("query: sum(rate(" + SCOPED + "))\n"), "promql/type");
            assertThat(f.range()).hasToString("13:25-13:64"); // the selector that should be a range
            assertThat(f.message()).contains("in its type check: `expected type range vector in call to function"
                    + " \"rate\", got instant vector`");
        }

        @Test
        void doubleQuotedScalarCountsItsEscapes() {
            String query = "query: \"sum(rate(http_requests_total{service=\\\"checkout\\\"}))\"\n";
            assertThat(only(so(query), "promql/type").range()).hasToString("13:26-13:67");
        }

        @Test
        void quotedScalarErrorAtTheEndSitsOnTheClosingQuote() {
            String query = "query: \"sum(rate(http_requests_total{service=\\\"checkout\\\"}[2m])\"\n";
            assertThat(only(so(query), "promql/syntax").range()).hasToString("13:72-13:72");
        }

        @Test
        void singleQuotedScalarCountsItsDoubledQuotes() {
            String query = "query: 'sum(rate(http_requests_total{service=''checkout''}[30s]))'\n";
            assertThat(only(so(query), "promql/range-too-short").range()).hasToString("13:26-13:72");
        }

        @Test
        void literalBlock() {
            String yaml = so("query: |\n  sum by (pod) (\n    rate(" + SCOPED + "[30s])\n  )\n");
            assertThat(only(yaml, "promql/range-too-short").range()).hasToString("15:18-15:62");
            assertThat(only(yaml, "keda/runtime-query-series-per-pod").range()).hasToString("14:11-16:12");
        }

        @Test
        void literalBlockEndOfInputStaysOnTheQuerysLastLine() {
            Finding f = only(so("query: |\n  sum(rate(" + SCOPED + "[2m])) +\n"), "promql/syntax");
            assertThat(f.message()).contains("`unexpected end of input`");
            assertThat(f.range()).hasToString("14:67-14:67"); // not line 15, where the block's line break ends
        }

        @Test
        void foldedBlockErrorOnItsSecondLine() {
            Finding f = only(so("query: >-\n  sum by (service) (\n  rate(" + SCOPED + "))\n"), "promql/type");
            assertThat(f.range()).hasToString("15:16-15:55");
        }

        @Test
        void multiLinePlainScalar() {
            Finding f = only(so("query: sum(rate(" + SCOPED + "[2m]))\n  by (pod)\n"),
                    "keda/runtime-query-series-per-pod");
            assertThat(f.range()).hasToString("13:16-14:19");
        }
    }

    @Nested
    class ParseVerdict {

        @Test
        void aQueryPrometheusAcceptsHasNoParseFinding() {
            assertThat(check(so("query: sum(rate(" + SCOPED + "[2m]))\n"))).isEmpty();
        }

        @Test
        void experimentalFunctionsNeedTheOption() {
            String yaml = so("query: sort_by_label(sum by (service) (rate(" + SCOPED + "[2m])), \"service\")\n");
            assertThat(only(yaml, "promql/syntax").message()).contains("`function \"sort_by_label\" is not enabled`")
                    .contains("review with `--promql-experimental`");
            assertThat(check(yaml, ReviewOptions.DEFAULT.withPromqlExperimental(true)))
                    .extracting(Finding::ruleId).doesNotContain("promql/syntax");
        }

        @Test
        void onlyPrometheusTriggersWithAStringQuery() {
            // postgresql has a `query` too, in SQL
            assertThat(check(Yaml.trigger("postgresql", "query: SELECT count(*) FROM jobs\n"))).isEmpty();
            // a YAML number is rejected on admission (keda/admission-metadata-not-string); blank is a missing query
            assertThat(check(so("query: 42\n"))).isEmpty();
            assertThat(check(so("query: \"  \"\n"))).isEmpty();
        }

        @Test
        void scaledJobsToo() {
            String job = so("query: sum(rate(" + SCOPED + "[2m])\n").replace("kind: ScaledObject", "kind: ScaledJob");
            assertThat(check(job)).extracting(Finding::ruleId).containsExactly("promql/syntax");
        }
    }

    @Nested
    class SeveralSeries {

        @Test
        void groupedByPodWillFail() {
            Finding f = only(so("maxReplicaCount: 10\n", "query: sum by (pod) (rate(" + SCOPED + "[2m]))\n", "50"),
                    "keda/runtime-query-series-per-pod");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).isEqualTo("`sum by (pod)` returns one series per pod, so KEDA fails every poll"
                    + " with `returned multiple elements` once two of them report the metric, as they do when this"
                    + " ScaledObject scales out (up to 10 replicas) and during every rollout; aggregate without"
                    + " grouping, for example `sum(...)`.");
            // reported once: not also as the warning that it can fail
            assertThat(check(so("query: sum by (pod) (rate(" + SCOPED + "[2m]))\n"))).extracting(Finding::ruleId)
                    .containsExactly("keda/runtime-query-series-per-pod");
        }

        @Test
        void perPodShapesThatKeepTheirSeries() {
            for (String q : List.of(
                    "max by (instance) (rate(" + SCOPED + "[2m])) * 100",
                    "histogram_quantile(0.95, sum by (le, pod) (rate(http_request_duration_seconds_bucket"
                            + "{service=\"checkout\"}[2m])))",
                    "sum by (pod) (rate(" + SCOPED + "[2m])) / sum by (pod) (rate(http_requests_total"
                            + "{service=\"checkout\", code=~\"5..\"}[2m]))",
                    "ceil(sum by (kubernetes_pod_name) (rate(" + SCOPED + "[2m])))")) {
                assertThat(check(so("query: " + q + "\n"))).as(q).extracting(Finding::ruleId)
                        .contains("keda/runtime-query-series-per-pod")
                        .doesNotContain("promql/keda-multiple-series");
            }
        }

        @Test
        void whatOnlyMayReturnSeveralSeriesIsAWarning() {
            for (String q : List.of(
                    SCOPED,                                              // one series, or one per pod: unknown
                    "sum by (route) (rate(" + SCOPED + "[2m]))",         // not a per-pod label
                    "sum without (code) (rate(" + SCOPED + "[2m]))",     // may keep pod, may not
                    "sum by (pod) (rate(" + SCOPED + "[2m])) > 5",       // the comparison filters
                    "sum by (pod) (rate(" + SCOPED + "[2m])) and on () vector(1)")) {
                assertThat(check(so("query: " + q + "\n"))).as(q).extracting(Finding::ruleId)
                        .contains("promql/keda-multiple-series")
                        .doesNotContain("keda/runtime-query-series-per-pod");
            }
        }

        @Test
        void aTargetThatNeverRunsTwoPodsOnlyMayFail() {
            String yaml = so("maxReplicaCount: 1\n", "query: sum by (pod) (rate(" + SCOPED + "[2m]))\n", "50");
            assertThat(check(yaml)).extracting(Finding::ruleId).containsExactly("promql/keda-multiple-series");
        }

        @Test
        void aPodPinnedByItsSelectorIsOneGroup() {
            String q = "sum by (pod) (rate(http_requests_total{pod=\"checkout-0\"}[2m]))";
            assertThat(check(so("query: " + q + "\n"))).extracting(Finding::ruleId)
                    .doesNotContain("keda/runtime-query-series-per-pod");
        }

        @Test
        void scaledJobsSayJobs() {
            String job = so("query: sum by (pod) (rate(" + SCOPED + "[2m]))\n")
                    .replace("kind: ScaledObject", "kind: ScaledJob");
            assertThat(only(job, "keda/runtime-query-series-per-pod").message())
                    .contains("this ScaledJob runs jobs side by side (up to 100)");
        }

        @Test
        void aScalarResultCannotBeDecoded() {
            assertThat(only(so("query: scalar(sum(rate(" + SCOPED + "[2m])))\n"), "promql/keda-result-not-vector")
                    .severity()).isEqualTo(Severity.ERROR);
            assertThat(check(so("query: vector(1)\n"))).isEmpty();
        }
    }

    @Nested
    class Lint {

        @Test
        void shortRangesFollowTheScrapeInterval() {
            assertThat(only(so("query: sum(rate(" + SCOPED + "[30s]))\n"), "promql/range-too-short").message())
                    .contains("`15s`");
            String oneMinute = so("query: sum(rate(" + SCOPED + "[1m]))\n");
            assertThat(check(oneMinute)).isEmpty();
            assertThat(check(oneMinute, ReviewOptions.DEFAULT.withScrapeInterval(Duration.ofSeconds(30))))
                    .extracting(Finding::ruleId).containsExactly("promql/range-too-short");
        }

        @Test
        void thresholdComesFromTheTriggerWhenItParses() {
            String q = "query: histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket"
                    + "{service=\"checkout\"}[2m])))\n";
            assertThat(only(so("", q, "500"), "promql/threshold-in-milliseconds").message()).contains("`0.5`");
            assertThat(check(so("", q, "0.5"))).isEmpty();
            assertThat(check(so("", q, "500ms"))).isEmpty(); // not a float: keda/runtime-invalid-parameter says so
        }

        @Test
        void eachOtherCheckFiresAndHasANearMiss() {
            record Case(String fires, String nearMiss, String rule) {}
            for (Case c : List.of(
                    new Case("sum(rate(http_requests_total[2m]))", "sum(rate(" + SCOPED + "[2m]))",
                            "promql/unscoped-selector"),
                    new Case("sum(rate(queue_depth{queue=\"orders\"}[2m]))", "sum(queue_depth{queue=\"orders\"})",
                            "promql/rate-on-gauge"),
                    new Case("histogram_quantile(0.9, sum(rate(http_request_duration_seconds_bucket"
                            + "{service=\"checkout\"}[2m])))", "histogram_quantile(0.9, sum by (le) (rate("
                            + "http_request_duration_seconds_bucket{service=\"checkout\"}[2m])))",
                            "promql/histogram-quantile-without-le"))) {
                assertThat(check(so("", "query: " + c.fires() + "\n", "1"))).as(c.fires())
                        .extracting(Finding::ruleId).containsExactly(c.rule());
                assertThat(check(so("", "query: " + c.nearMiss() + "\n", "1"))).as(c.nearMiss()).isEmpty();
            }
        }
    }
}
