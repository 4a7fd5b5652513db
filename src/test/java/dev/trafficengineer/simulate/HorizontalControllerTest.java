package dev.trafficengineer.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.kube.Quantity;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Tables over each stage of the controller's normalization, then the reconcile around it. The clock is at 0. */
class HorizontalControllerTest {

    private static final long S = 1000;
    private static final ControllerConfig CONFIG = ControllerConfig.DEFAULTS;

    private static Recommendation rec(int replicas, long secondsAgo) {
        return new Recommendation(replicas, -secondsAgo * S);
    }

    private static ScaleEvent event(int change, long secondsAgo) {
        return ScaleEvent.of(change, -secondsAgo * S);
    }

    private static ScalingRules rules(SelectPolicy select, ScalingPolicy... policies) {
        return new ScalingRules(null, select, List.of(policies), null);
    }

    @ParameterizedTest(name = "legacy {0} → {1} within [{2}, {3}] gives {4} {5}")
    @CsvSource({
        "5, 7, 3, 8, 7, DesiredWithinRange",
        "3, 1, 2, 8, 2, TooFewReplicas",
        "1, 0, 0, 10, 0, DesiredWithinRange",
        "20, 1000, 1, 10, 10, TooManyReplicas",
        "3, 1000, 1, 2000, 6, ScaleUpLimit",
        "1, 10, 1, 100, 4, ScaleUpLimit",
        "0, 3, 0, 10, 3, DesiredWithinRange",
        "3, 7, 1, 5, 5, TooManyReplicas",
        "3, 5, 6, 10, 6, TooFewReplicas",
    })
    void legacyLimits(int current, int desired, int min, int max, int expected, String reason) {
        HorizontalController.Limited limited = HorizontalController.limitLegacy(current, desired, min, max);
        assertThat(limited.replicas()).isEqualTo(expected);
        assertThat(limited.reason()).isEqualTo(reason);
    }

    static Stream<Arguments> legacyStabilization() {
        return Stream.of(
                // name, recommendations, proposal, expected, recommendations kept
                Arguments.of("the highest recent recommendation wins a scale-down",
                        List.of(rec(4, 120), rec(5, 60)), 3, 5, List.of(rec(4, 120), rec(5, 60), rec(3, 0))),
                Arguments.of("recommendations older than the window are out and their slot reused",
                        List.of(rec(8, 301), rec(5, 60)), 3, 5, List.of(rec(3, 0), rec(5, 60))),
                Arguments.of("the last old slot is the one reused",
                        List.of(rec(8, 400), rec(9, 350), rec(2, 10)), 3, 3,
                        List.of(rec(8, 400), rec(3, 0), rec(2, 10))),
                Arguments.of("a recommendation exactly one window old still counts",
                        List.of(rec(8, 300)), 3, 8, List.of(rec(8, 300), rec(3, 0))),
                Arguments.of("scale-up is not stabilized", List.of(rec(2, 60)), 6, 6,
                        List.of(rec(2, 60), rec(6, 0))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("legacyStabilization")
    void legacyStabilization(String name, List<Recommendation> recs, int proposal, int expected,
            List<Recommendation> kept) {
        HorizontalController.Stabilized s = HorizontalController.stabilizeLegacy(proposal, recs, 0, 300 * S);
        assertThat(s.replicas()).isEqualTo(expected);
        assertThat(s.recommendations()).isEqualTo(kept);
    }

    static Stream<Arguments> behaviorStabilization() {
        return Stream.of(
                // name, current, proposal, up window s, down window s, recommendations, expected, reason
                Arguments.of("current stays inside [lowest up, highest down]", 5, 6, 60, 300,
                        List.of(rec(3, 30), rec(7, 120)), 5, "ScaleUpStabilized"),
                Arguments.of("scale-up to the lowest recommendation of the up window", 2, 8, 60, 300,
                        List.of(rec(5, 30), rec(3, 90)), 5, "ScaleUpStabilized"),
                Arguments.of("scale-down to the highest recommendation of the down window", 8, 2, 0, 300,
                        List.of(rec(6, 100), rec(9, 400)), 6, "ScaleDownStabilized"),
                Arguments.of("no history: the proposal", 5, 2, 0, 300, List.of(), 2, "ScaleDownStabilized"),
                Arguments.of("an entry exactly at the cutoff is out of the window", 8, 2, 0, 300,
                        List.of(rec(6, 300)), 2, "ScaleDownStabilized"),
                Arguments.of("zero windows follow the proposal", 3, 9, 0, 0, List.of(rec(1, 10), rec(20, 5)), 9,
                        "ScaleUpStabilized"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("behaviorStabilization")
    void behaviorStabilization(String name, int current, int proposal, int upWindow, int downWindow,
            List<Recommendation> recs, int expected, String reason) {
        HorizontalController.Stabilized s = HorizontalController.stabilizeWithBehavior(current, proposal, recs, 0,
                upWindow * S, downWindow * S);
        assertThat(s.replicas()).isEqualTo(expected);
        assertThat(s.reason()).isEqualTo(reason);
        assertThat(s.recommendations()).contains(new Recommendation(proposal, 0));
    }

    @Test
    void behaviorStabilizationReusesOnlyEntriesOutsideBothWindows() {
        List<Recommendation> recs = List.of(rec(9, 400), rec(4, 200), rec(7, 100));
        HorizontalController.Stabilized s = HorizontalController.stabilizeWithBehavior(5, 5, recs, 0, 150 * S,
                300 * S);
        // rec(4, 200) is outside the up window but inside the down window: kept
        assertThat(s.recommendations()).containsExactly(rec(5, 0), rec(4, 200), rec(7, 100));
        assertThat(s.replicas()).isEqualTo(5);
    }

    static Stream<Arguments> rateLimits() {
        ScalingRules defaultUp = Behavior.DEFAULT_SCALE_UP;
        ScalingRules defaultDown = Behavior.DEFAULT_SCALE_DOWN;
        ScalingRules pods4per60 = rules(SelectPolicy.MAX, ScalingPolicy.pods(4, 60));
        return Stream.of(
                // name, current, desired, min, max, up rules, down rules, up events, down events, expected, reason
                Arguments.of("default scale-up: max(+4 pods, +100%) from 3", 3, 20, 1, 100, defaultUp, defaultDown,
                        List.of(), List.of(), 7, "ScaleUpLimit"),
                Arguments.of("default scale-up: max(+4 pods, +100%) from 10", 10, 50, 1, 100, defaultUp,
                        defaultDown, List.of(), List.of(), 20, "ScaleUpLimit"),
                Arguments.of("within the limit", 10, 15, 1, 100, defaultUp, defaultDown, List.of(), List.of(), 15,
                        "DesiredWithinRange"),
                Arguments.of("max below the rate limit", 3, 20, 1, 5, defaultUp, defaultDown, List.of(), List.of(),
                        5, "TooManyReplicas"),
                Arguments.of("Percent rounds up in float: ceil(50 × 1.1) is 56", 50, 100, 1, 200,
                        rules(SelectPolicy.MAX, ScalingPolicy.percent(10, 60)), defaultDown, List.of(), List.of(), 56,
                        "ScaleUpLimit"),
                Arguments.of("scale-ups within the period use up the budget", 8, 12, 1, 100, pods4per60,
                        defaultDown, List.of(event(4, 30)), List.of(), 8, "ScaleUpLimit"),
                Arguments.of("an event exactly one period old is out", 8, 20, 1, 100, pods4per60, defaultDown,
                        List.of(event(4, 60)), List.of(), 12, "ScaleUpLimit"),
                Arguments.of("scale-downs within the period give budget back", 8, 20, 1, 100, pods4per60,
                        defaultDown, List.of(), List.of(event(2, 30)), 14, "ScaleUpLimit"),
                Arguments.of("selectPolicy Min picks the smallest change", 10, 50, 1, 100,
                        rules(SelectPolicy.MIN, ScalingPolicy.pods(4, 15), ScalingPolicy.percent(100, 15)),
                        defaultDown, List.of(), List.of(), 14, "ScaleUpLimit"),
                Arguments.of("scale-up Disabled", 10, 50, 1, 100, rules(SelectPolicy.DISABLED,
                        ScalingPolicy.pods(4, 15)), defaultDown, List.of(), List.of(), 10, "ScaleUpLimit"),
                Arguments.of("a limit below current while scaling up means not yet", 8, 12, 1, 100,
                        rules(SelectPolicy.MAX, ScalingPolicy.pods(1, 60)), defaultDown, List.of(event(5, 10)),
                        List.of(), 8, "ScaleUpLimit"),
                Arguments.of("default scale-down: 100% allows any drop", 10, 1, 1, 100, defaultUp, defaultDown,
                        List.of(), List.of(), 1, "DesiredWithinRange"),
                Arguments.of("default scale-down stops at min", 10, 0, 2, 100, defaultUp, defaultDown, List.of(),
                        List.of(), 2, "TooFewReplicas"),
                Arguments.of("scale-down by one pod a minute", 10, 5, 1, 100, defaultUp,
                        rules(SelectPolicy.MAX, ScalingPolicy.pods(1, 60)), List.of(), List.of(), 9,
                        "ScaleDownLimit"),
                Arguments.of("scale-downs within the period use up the budget", 8, 5, 1, 100, defaultUp,
                        rules(SelectPolicy.MAX, ScalingPolicy.pods(2, 60)), List.of(), List.of(event(2, 30)), 8,
                        "ScaleDownLimit"),
                Arguments.of("scale-ups within the period lower the period start", 10, 5, 1, 100, defaultUp,
                        rules(SelectPolicy.MAX, ScalingPolicy.pods(1, 60)), List.of(event(3, 30)), List.of(), 6,
                        "ScaleDownLimit"),
                Arguments.of("Percent truncates: 7 × 0.9 is 6", 7, 1, 1, 100, defaultUp,
                        rules(SelectPolicy.MAX, ScalingPolicy.percent(10, 60)), List.of(), List.of(), 6,
                        "ScaleDownLimit"),
                Arguments.of("scale-down Max picks the lowest count", 10, 1, 1, 100, defaultUp,
                        rules(SelectPolicy.MAX, ScalingPolicy.pods(1, 60), ScalingPolicy.percent(50, 60)), List.of(),
                        List.of(), 5, "ScaleDownLimit"),
                Arguments.of("scale-down Min picks the highest count", 10, 1, 1, 100, defaultUp,
                        rules(SelectPolicy.MIN, ScalingPolicy.pods(1, 60), ScalingPolicy.percent(50, 60)), List.of(),
                        List.of(), 9, "ScaleDownLimit"),
                Arguments.of("scale-down Disabled", 10, 1, 1, 100, defaultUp,
                        rules(SelectPolicy.DISABLED, ScalingPolicy.pods(1, 60)), List.of(), List.of(), 10,
                        "ScaleDownLimit"),
                Arguments.of("min above the rate limit", 10, 1, 8, 100, defaultUp,
                        rules(SelectPolicy.MAX, ScalingPolicy.percent(50, 60)), List.of(), List.of(), 8,
                        "TooFewReplicas"),
                Arguments.of("no change is not checked against the bounds", 5, 5, 1, 3, defaultUp, defaultDown,
                        List.of(), List.of(), 5, "DesiredWithinRange"),
                Arguments.of("a scale-up that stays below min is not raised", 1, 2, 3, 10, defaultUp, defaultDown,
                        List.of(), List.of(), 2, "DesiredWithinRange"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rateLimits")
    void behaviorRateLimits(String name, int current, int desired, int min, int max, ScalingRules up,
            ScalingRules down, List<ScaleEvent> upEvents, List<ScaleEvent> downEvents, int expected, String reason) {
        HorizontalController.Limited limited = HorizontalController.limitWithBehavior(current, desired, min, max,
                new Behavior(up, down), new ScalerHistory(List.of(), upEvents, downEvents), 0);
        assertThat(limited.replicas()).isEqualTo(expected);
        assertThat(limited.reason()).isEqualTo(reason);
    }

    @Test
    void scaleEventsReuseTheLastOutdatedSlot() {
        Behavior behavior = Behavior.defaulted(new Behavior(rules(SelectPolicy.MAX, ScalingPolicy.pods(4, 60),
                ScalingPolicy.pods(1, 15)), null));
        ScalerHistory history = new ScalerHistory(List.of(), List.of(event(1, 200), event(2, 90), event(3, 30)),
                List.of(event(5, 500)));
        ScalerHistory after = HorizontalController.recordScaleEvent(history, behavior, 4, 7, 0);
        assertThat(after.scaleUpEvents()).containsExactly(new ScaleEvent(1, -200 * S, true), event(3, 0),
                event(3, 30));
        assertThat(after.scaleDownEvents()).containsExactly(event(5, 500));

        ScalerHistory down = HorizontalController.recordScaleEvent(after, behavior, 7, 5, 0);
        assertThat(down.scaleDownEvents()).containsExactly(event(2, 0));
        assertThat(HorizontalController.recordScaleEvent(history, null, 4, 7, 0))
                .as("the legacy path keeps no events").isEqualTo(history);
    }

    @Test
    void absentBehaviorTakesTheLegacyPathButAnEmptyOneGetsTheDefaults() {
        HorizontalController.Normalization legacy = new HorizontalController.Normalization(3, 10, 1, 10, null);
        Decision d = HorizontalController.normalize(legacy, ScalerHistory.EMPTY, 0, CONFIG);
        assertThat(d.desiredReplicas()).isEqualTo(6);
        assertThat(d.limitReason()).isEqualTo("ScaleUpLimit");

        HorizontalController.Normalization defaults = new HorizontalController.Normalization(3, 10, 1, 10,
                new Behavior(null, null));
        Decision e = HorizontalController.normalize(defaults, ScalerHistory.EMPTY, 0, CONFIG);
        assertThat(e.desiredReplicas()).isEqualTo(7);
        assertThat(e.limitReason()).isEqualTo("ScaleUpLimit");
        assertThat(e.conditions().get(1).status()).isTrue();
    }

    @Test
    void anOmittedScaleDownWindowIsTheControllerFlag() {
        List<Recommendation> recs = List.of(rec(9, 200));
        Behavior written = new Behavior(null, new ScalingRules(null, null, null, null));
        HorizontalController.Normalization n = new HorizontalController.Normalization(9, 2, 1, 10, written);
        Decision withFlag = HorizontalController.normalize(n, new ScalerHistory(recs, List.of(), List.of()), 0,
                CONFIG);
        assertThat(withFlag.desiredReplicas()).isEqualTo(9);
        assertThat(withFlag.stabilizationReason()).isEqualTo("ScaleDownStabilized");
        Decision shortFlag = HorizontalController.normalize(n, new ScalerHistory(recs, List.of(), List.of()), 0,
                new ControllerConfig(15, 0.1, 120, 300, 30));
        assertThat(shortFlag.desiredReplicas()).isEqualTo(2);
        assertThat(shortFlag.stabilizationReason()).isEqualTo("ReadyForNewScale");
    }

    @Test
    void normalizeRecordsThePreStabilizationProposal() {
        HorizontalController.Normalization n = new HorizontalController.Normalization(8, 2, 1, 10, null);
        Decision d = HorizontalController.normalize(n,
                new ScalerHistory(List.of(rec(8, 60)), List.of(), List.of()), 0, CONFIG);
        assertThat(d.desiredReplicas()).isEqualTo(8);
        assertThat(d.stabilizedReplicas()).isEqualTo(8);
        assertThat(d.history().recommendations()).containsExactly(rec(8, 60), rec(2, 0));
        assertThat(d.limitReason()).isEqualTo("DesiredWithinRange");
        assertThat(d.conditions().get(1).status()).as("ScalingLimited is false when nothing limited").isFalse();
    }

    private static final List<MetricSpec> TWO_METRICS = List.of(
            MetricSpec.resource("cpu", MetricTarget.utilization(50)),
            MetricSpec.external("queue", MetricTarget.averageValue(Quantity.valueOf("10"))));

    private static MetricOutcome proposal(int replicas) {
        return new MetricOutcome.Proposal(replicas, OptionalInt.empty(), 0);
    }

    static Stream<Arguments> metricsMax() {
        MetricOutcome fail = new MetricOutcome.Failure("boom");
        return Stream.of(
                Arguments.of("the largest proposal", List.of(proposal(3), proposal(5)), 4, 5, "ValidMetricFound"),
                Arguments.of("a failed metric does not block a scale-up", List.of(fail, proposal(5)), 4, 5,
                        "ValidMetricFound"),
                Arguments.of("a failed metric blocks a scale-down", List.of(fail, proposal(2)), 4, -1,
                        "FailedGetResourceMetric"),
                Arguments.of("a failed metric with no scale-down at stake", List.of(proposal(2), fail), 2, 2,
                        "ValidMetricFound"),
                Arguments.of("every metric failed", List.of(new MetricOutcome.Failure("x"), fail), 4, -1,
                        "FailedGetResourceMetric"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("metricsMax")
    void maxOverMetrics(String name, List<MetricOutcome> outcomes, int current, int expected, String reason) {
        HorizontalController.MetricsMax max = HorizontalController.maxOverMetrics(TWO_METRICS, outcomes, current);
        assertThat(max.replicas()).isEqualTo(expected);
        assertThat(max.scalingActive().reason()).isEqualTo(reason);
    }

    @Test
    void reconcileGuardsBeforeMetrics() {
        List<MetricOutcome> up = List.of(proposal(9), proposal(9));
        HorizontalController.Reconciliation atZero = HorizontalController.reconcile(0, 1, 10, null, TWO_METRICS, up,
                ScalerHistory.EMPTY, 0, CONFIG);
        assertThat(atZero.rescale()).isFalse();
        assertThat(atZero.headline()).isEqualTo("ScalingDisabled");

        HorizontalController.Reconciliation aboveMax = HorizontalController.reconcile(12, 1, 10, null, TWO_METRICS,
                up, ScalerHistory.EMPTY, 0, CONFIG);
        assertThat(aboveMax.desiredReplicas()).isEqualTo(10);
        assertThat(aboveMax.history().recommendations()).as("the initial recommendation")
                .containsExactly(new Recommendation(12, 0));

        HorizontalController.Reconciliation belowOmittedMin = HorizontalController.reconcile(0, 0, 10, null,
                TWO_METRICS, List.of(proposal(3), proposal(1)), ScalerHistory.EMPTY, 0, CONFIG);
        assertThat(belowOmittedMin.desiredReplicas()).as("minReplicas 0 lets metrics scale from zero").isEqualTo(3);
    }

    @Test
    void aNewHpaCannotScaleBelowItsFirstSeenCountWithinTheWindow() {
        List<MetricOutcome> low = List.of(proposal(2), proposal(1));
        HorizontalController.Reconciliation first = HorizontalController.reconcile(6, null, 10, null, TWO_METRICS,
                low, ScalerHistory.EMPTY, 0, CONFIG);
        assertThat(first.desiredReplicas()).isEqualTo(6);
        assertThat(first.headline()).isEqualTo("ScaleDownStabilized");
        HorizontalController.Reconciliation later = HorizontalController.reconcile(6, null, 10, null, TWO_METRICS,
                low, first.history(), 301 * S, CONFIG);
        assertThat(later.desiredReplicas()).isEqualTo(2);
    }

    @Test
    void rescalesWithBehaviorAreRecordedAsEvents() {
        Behavior behavior = new Behavior(rules(SelectPolicy.MAX, ScalingPolicy.pods(2, 60)), null);
        List<MetricOutcome> up = List.of(proposal(9), proposal(1));
        HorizontalController.Reconciliation r1 = HorizontalController.reconcile(3, 1, 10, behavior, TWO_METRICS, up,
                ScalerHistory.EMPTY, 0, CONFIG);
        assertThat(r1.desiredReplicas()).isEqualTo(5);
        assertThat(r1.history().scaleUpEvents()).containsExactly(event(2, 0));
        HorizontalController.Reconciliation r2 = HorizontalController.reconcile(5, 1, 10, behavior, TWO_METRICS, up,
                r1.history(), 15 * S, CONFIG);
        assertThat(r2.desiredReplicas()).as("the 60 s budget is spent").isEqualTo(5);
        assertThat(r2.rescale()).isFalse();
        assertThat(r2.headline()).isEqualTo("ScaleUpLimit");
        HorizontalController.Reconciliation r3 = HorizontalController.reconcile(5, 1, 10, behavior, TWO_METRICS, up,
                r2.history(), 60 * S, CONFIG);
        assertThat(r3.desiredReplicas()).isEqualTo(7);
    }

    @Provide
    Arbitrary<int[]> bounds() {
        return Combinators.combine(Arbitraries.integers().between(0, 50), Arbitraries.integers().between(0, 50))
                .as((a, b) -> new int[] {Math.min(a, b), Math.max(Math.max(a, b), 1)});
    }

    @Property
    void resultStaysWithinBoundsWhenCurrentIsWithinThem(@ForAll("bounds") int[] bounds,
            @ForAll @IntRange(min = 0, max = 100) int currentOffset, @ForAll @IntRange(min = 0, max = 500) int proposed,
            @ForAll boolean withBehavior) {
        int min = bounds[0];
        int max = bounds[1];
        int current = min + currentOffset % (max - min + 1);
        Behavior behavior = withBehavior ? new Behavior(null, null) : null;
        Decision d = HorizontalController.normalize(
                new HorizontalController.Normalization(current, proposed, min, max, behavior),
                new ScalerHistory(List.of(rec(proposed / 2, 30), rec(proposed * 2, 200)), List.of(event(1, 10)),
                        List.of(event(1, 5))), 0, CONFIG);
        assertThat(d.desiredReplicas()).isBetween(min, max);
    }
}
