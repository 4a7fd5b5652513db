package dev.trafficengineer.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.kube.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tables over the replica calculator, one per stage: utilization and its truncation, tolerance edges, unready pods on
 * scale-up and scale-down, missing pods assumed at 100% or 0%, the CPU readiness rules, and the Object/External paths.
 * The clock is at 0; pods that are not otherwise described started an hour ago and have been ready since.
 */
class ReplicaCalculatorTest {

    private static final ControllerConfig CONFIG = ControllerConfig.DEFAULTS;
    private static final Tolerances TEN_PERCENT = Tolerances.uniform(0.1);
    private static final long HOUR = 3_600_000;

    private static PodSample ready(long usage, long request) {
        return new PodSample("p", PodPhase.RUNNING, false, true, -HOUR, -HOUR, usage, 0, 60_000, request, null);
    }

    private static PodSample missing(long request) {
        return new PodSample("p", PodPhase.RUNNING, false, true, -HOUR, -HOUR, null, 0, 60_000, request, null);
    }

    private static PodSample pending(long request) {
        return new PodSample("p", PodPhase.PENDING, false, false, 0L, 0, null, 0, 60_000, request, null);
    }

    private static List<PodSample> times(int n, PodSample pod) {
        List<PodSample> pods = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pods.add(pod);
        }
        return pods;
    }

    @SafeVarargs
    private static List<PodSample> all(List<PodSample>... groups) {
        List<PodSample> pods = new ArrayList<>();
        for (List<PodSample> g : groups) {
            pods.addAll(g);
        }
        return pods;
    }

    static Stream<Arguments> utilizationTable() {
        return Stream.of(
                // name, current, target %, pods, expected replicas, expected utilization
                Arguments.of("at target: keep", 3, 50, times(3, ready(500, 1000)), 3, 50),
                Arguments.of("above target: ceil(1.6 × 3)", 3, 50, times(3, ready(800, 1000)), 5, 80),
                Arguments.of("upper tolerance edge is inside", 3, 50, times(3, ready(550, 1000)), 3, 55),
                Arguments.of("just past the upper edge", 3, 50, times(3, ready(560, 1000)), 4, 56),
                Arguments.of("lower tolerance edge is inside", 3, 50, times(3, ready(450, 1000)), 3, 45),
                Arguments.of("well below: ceil(0.6 × 3)", 3, 50, times(3, ready(300, 1000)), 2, 30),
                Arguments.of("utilization is truncated before the ratio", 3, 50,
                        List.of(ready(333, 1000), ready(333, 1000), ready(334, 1000)), 2, 33),
                Arguments.of("unready pods are ignored on a scale-down", 5, 50,
                        all(times(3, ready(200, 1000)), times(2, pending(1000))), 2, 20),
                Arguments.of("unready pods count as 0% on a scale-up", 3, 50,
                        all(times(2, ready(800, 1000)), List.of(new PodSample("starting", PodPhase.RUNNING, false,
                                false, -10_000L, -10_000, 1000L, 0, 60_000, 1000L, null))), 3, 80),
                Arguments.of("missing pods count as 100% on a scale-down", 3, 50,
                        all(times(2, ready(200, 1000)), List.of(missing(1000))), 3, 20),
                Arguments.of("missing pods count as the target when it is above 100%", 3, 150,
                        all(List.of(ready(300, 1000)), times(2, missing(1000))), 3, 30),
                Arguments.of("missing pods count as 0% on a scale-up", 4, 50,
                        all(times(3, ready(700, 1000)), List.of(missing(1000))), 4, 70),
                Arguments.of("missing pods at a ratio of exactly 1 change nothing", 3, 50,
                        all(times(2, ready(500, 1000)), List.of(missing(1000))), 3, 50),
                Arguments.of("a scale-up that survives the assumptions", 4, 50,
                        all(times(3, ready(1000, 1000)), List.of(missing(1000))), 6, 100));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("utilizationTable")
    void resourceUtilization(String name, int current, int target, List<PodSample> pods, int replicas,
            int utilization) {
        MetricOutcome outcome = ReplicaCalculator.resourceUtilization(current, target, "cpu", pods, TEN_PERCENT, 0,
                CONFIG);
        assertThat(outcome).isInstanceOf(MetricOutcome.Proposal.class);
        MetricOutcome.Proposal p = (MetricOutcome.Proposal) outcome;
        assertThat(p.replicas()).as("replicas").isEqualTo(replicas);
        assertThat(p.utilization()).as("utilization").isEqualTo(OptionalInt.of(utilization));
    }

    @Test
    void reportsTheRawAverageOfReadyPods() {
        MetricOutcome.Proposal p = (MetricOutcome.Proposal) ReplicaCalculator.resourceUtilization(3, 50, "cpu",
                List.of(ready(300, 1000), ready(400, 1000), ready(501, 1000)), TEN_PERCENT, 0, CONFIG);
        assertThat(p.usageMilli()).isEqualTo(400); // 1201 / 3, integer division
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("no metrics at all", List.of(missing(1000)),
                        "unable to get metrics for resource cpu: no metrics returned from resource metrics API"),
                Arguments.of("only unready pods have metrics",
                        List.of(new PodSample("p", PodPhase.PENDING, false, false, 0L, 0, 500L, 0, 60_000, 1000L,
                                null)), ReplicaCalculator.NO_READY_METRICS),
                Arguments.of("a pod without a request",
                        List.of(ready(500, 1000), new PodSample("web-1", PodPhase.RUNNING, false, true, -HOUR, -HOUR,
                                500L, 0, 60_000, null, "missing request for cpu in container app of Pod web-1")),
                        "missing request for cpu in container app of Pod web-1"),
                Arguments.of("requests of zero", List.of(ready(500, 0)), "no metrics returned matched known pods"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void resourceFailures(String name, List<PodSample> pods, String message) {
        assertThat(ReplicaCalculator.resourceUtilization(3, 50, "cpu", pods, TEN_PERCENT, 0, CONFIG))
                .isEqualTo(new MetricOutcome.Failure(message));
    }

    static Stream<Arguments> plainTable() {
        return Stream.of(
                // name, current, target milli, pods, expected replicas, expected reported usage
                Arguments.of("average is an integer division", 3, 500,
                        List.of(ready(1000, 0), ready(1000, 0), ready(1001, 0)), 6, 1000),
                Arguments.of("within tolerance", 2, 1000, times(2, ready(1050, 0)), 2, 1050),
                Arguments.of("scale down", 4, 1000, times(4, ready(400, 0)), 2, 400),
                Arguments.of("missing pods assumed at the target damp a scale-down", 3, 1000,
                        all(times(2, ready(500, 0)), List.of(missing(0))), 2, 500),
                Arguments.of("a filled-in count that would grow on a scale-down keeps current", 2, 20_000,
                        all(List.of(ready(10_000, 0)), times(3, missing(0))), 2, 10_000),
                Arguments.of("missing pods assumed idle on a scale-up", 2, 1000,
                        all(List.of(ready(3000, 0)), List.of(missing(0))), 3, 3000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plainTable")
    void podsMetric(String name, int current, long target, List<PodSample> pods, int replicas, long usage) {
        assertThat(ReplicaCalculator.podsMetric(current, target, "rps", pods, TEN_PERCENT, 0, CONFIG))
                .isEqualTo(new MetricOutcome.Proposal(replicas, OptionalInt.empty(), usage));
    }

    @Test
    void podsMetricIgnoresCpuReadinessButRawCpuDoesNot() {
        // ready only 20s ago, inside the initialization period: its sample is younger than a metric window
        PodSample fresh = new PodSample("fresh", PodPhase.RUNNING, false, true, -100_000L, -20_000, 4000L, 0, 60_000,
                1000L, null);
        List<PodSample> pods = List.of(ready(1000, 1000), fresh);
        assertThat(ReplicaCalculator.podsMetric(2, 1000, "rps", pods, TEN_PERCENT, 0, CONFIG))
                .isEqualTo(new MetricOutcome.Proposal(5, OptionalInt.empty(), 2500));
        // as CPU the fresh pod is unready: 1000m over one ready pod is on target, scale-up check uses 0 for it
        assertThat(ReplicaCalculator.rawResource(2, 1000, "cpu", pods, TEN_PERCENT, 0, CONFIG))
                .isEqualTo(new MetricOutcome.Proposal(2, OptionalInt.empty(), 1000));
    }

    static Stream<Arguments> cpuReadiness() {
        long s = 1000;
        return Stream.of(
                // name, start (s ago), ready, ready transition (s ago), counted as ready?
                Arguments.of("initializing, ready for longer than a window", 100 * s, true, 95 * s, true),
                Arguments.of("initializing, ready for less than a window", 100 * s, true, 30 * s, false),
                Arguments.of("initializing, ready exactly one window ago", 100 * s, true, 60 * s, true),
                Arguments.of("initializing, not ready", 100 * s, false, 95 * s, false),
                Arguments.of("initialized, never became ready", 400 * s, false, 395 * s, false),
                Arguments.of("initialized, was ready and became unready", 400 * s, false, 100 * s, true),
                Arguments.of("initialized, unready exactly at the readiness delay", 400 * s, false, 370 * s, true),
                Arguments.of("initialized, ready", 400 * s, true, 399 * s, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cpuReadiness")
    void cpuReadinessRules(String name, long startAgo, boolean ready, long transitionAgo, boolean counted) {
        PodSample pod = new PodSample("p", PodPhase.RUNNING, false, ready, -startAgo, -transitionAgo, 500L, 0, 60_000,
                1000L, null);
        assertThat(ReplicaCalculator.groupPods(List.of(pod), true, 0, CONFIG).ready()).isEqualTo(counted ? 1 : 0);
        assertThat(ReplicaCalculator.groupPods(List.of(pod), false, 0, CONFIG).ready())
                .as("the rules apply to cpu only").isEqualTo(1);
    }

    @Test
    void groupsPodsIntoTheFourBuckets() {
        List<PodSample> pods = List.of(
                ready(500, 1000),
                new PodSample("deleting", PodPhase.RUNNING, true, true, -HOUR, -HOUR, 500L, 0, 0, 1000L, null),
                new PodSample("failed", PodPhase.FAILED, false, false, -HOUR, -HOUR, null, 0, 0, 1000L, null),
                new PodSample("succeeded", PodPhase.SUCCEEDED, false, false, -HOUR, -HOUR, 500L, 0, 0, 1000L, null),
                pending(1000),
                missing(1000),
                new PodSample("no-condition", PodPhase.RUNNING, false, null, -HOUR, 0, 500L, 0, 0, 1000L, null),
                new PodSample("no-start", PodPhase.RUNNING, false, true, null, 0, 500L, 0, 0, 1000L, null));
        ReplicaCalculator.PodGroups cpu = ReplicaCalculator.groupPods(pods, true, 0, CONFIG);
        // succeeded pods are not ignored (for CPU this one is unready: it was never ready); without a Ready
        // condition or a start time a CPU sample is unready
        assertThat(cpu.category()).containsExactly(3, 0, 0, 1, 1, 2, 1, 1);
        assertThat(ReplicaCalculator.groupPods(pods, false, 0, CONFIG).category())
                .containsExactly(3, 0, 0, 3, 1, 2, 3, 3);
    }

    static Stream<Arguments> valueTable() {
        return Stream.of(
                // name, outcome, expected
                Arguments.of("object value: ceil(1.3 × 3 ready)",
                        ReplicaCalculator.objectValue(3, 13_000, 10_000, 3, 3, TEN_PERCENT),
                        new MetricOutcome.Proposal(4, OptionalInt.empty(), 13_000)),
                Arguments.of("object value within tolerance",
                        ReplicaCalculator.objectValue(3, 10_500, 10_000, 3, 3, TEN_PERCENT),
                        new MetricOutcome.Proposal(3, OptionalInt.empty(), 10_500)),
                Arguments.of("object value counts only Running and Ready pods",
                        ReplicaCalculator.objectValue(3, 15_000, 10_000, 3, 2, TEN_PERCENT),
                        new MetricOutcome.Proposal(3, OptionalInt.empty(), 15_000)),
                Arguments.of("object value from zero: ceil(ratio), no tolerance",
                        ReplicaCalculator.objectValue(0, 10_500, 10_000, 0, 0, TEN_PERCENT),
                        new MetricOutcome.Proposal(2, OptionalInt.empty(), 10_500)),
                Arguments.of("object value with no pods",
                        ReplicaCalculator.objectValue(3, 20_000, 10_000, 0, 0, TEN_PERCENT),
                        new MetricOutcome.Failure("unable to calculate ready pods: " + ReplicaCalculator.NO_PODS)),
                Arguments.of("object per pod: ceil(total / target), average reported",
                        ReplicaCalculator.objectPerPod(3, 6000, 1000, TEN_PERCENT),
                        new MetricOutcome.Proposal(6, OptionalInt.empty(), 2000)),
                Arguments.of("external value sums series: 3 replicas, 20 against 5 → 12",
                        ReplicaCalculator.externalValue(3, new long[] {15_000, 5000}, 5000, 3, 3, TEN_PERCENT),
                        new MetricOutcome.Proposal(12, OptionalInt.empty(), 20_000)),
                Arguments.of("external per pod: queue 20, target 5 → 4 whatever the current count",
                        ReplicaCalculator.externalPerPod(1, new long[] {20_000}, 5000, TEN_PERCENT),
                        new MetricOutcome.Proposal(4, OptionalInt.empty(), 20_000)),
                Arguments.of("external per pod within tolerance keeps status replicas",
                        ReplicaCalculator.externalPerPod(4, new long[] {20_500}, 5000, TEN_PERCENT),
                        new MetricOutcome.Proposal(4, OptionalInt.empty(), 5125)),
                Arguments.of("external per pod average rounds up",
                        ReplicaCalculator.externalPerPod(3, new long[] {1000}, 5000, TEN_PERCENT),
                        new MetricOutcome.Proposal(1, OptionalInt.empty(), 334)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueTable")
    void objectAndExternal(String name, MetricOutcome outcome, MetricOutcome expected) {
        assertThat(outcome).isEqualTo(expected);
    }

    @Test
    void proposePicksTheCalculationFromTheTargetFields() {
        List<PodSample> pods = times(2, ready(800, 1000));
        ReplicaCalculator.MetricData data = new ReplicaCalculator.MetricData.PodMetrics(pods);
        // averageValue wins over averageUtilization for Resource metrics
        MetricSpec both = MetricSpec.resource("cpu",
                new MetricTarget(MetricTargetType.UTILIZATION, 50, Quantity.valueOf("400m"), null));
        assertThat(ReplicaCalculator.propose(both, 2, 2, data, TEN_PERCENT, 0, CONFIG))
                .isEqualTo(new MetricOutcome.Proposal(4, OptionalInt.empty(), 800));
        // for Object metrics the target type picks the branch
        MetricSpec mismatched = MetricSpec.object("qps",
                new MetricTarget(MetricTargetType.AVERAGE_VALUE, null, null, Quantity.valueOf("10")));
        assertThat(ReplicaCalculator.propose(mismatched, 2, 2,
                new ReplicaCalculator.MetricData.Values(new long[] {1000}, 2, 2), TEN_PERCENT, 0, CONFIG))
                .isInstanceOf(MetricOutcome.Failure.class);
        // for External metrics averageValue wins over value whatever the type says
        MetricSpec external = MetricSpec.external("queue",
                new MetricTarget(MetricTargetType.VALUE, null, Quantity.valueOf("5"), Quantity.valueOf("1")));
        assertThat(ReplicaCalculator.propose(external, 2, 1,
                new ReplicaCalculator.MetricData.Values(new long[] {20_000}, 2, 2), TEN_PERCENT, 0, CONFIG))
                .isEqualTo(new MetricOutcome.Proposal(4, OptionalInt.empty(), 20_000));
    }

    @Test
    void separateTolerancesPerDirection() {
        Tolerances lopsided = new Tolerances(0.5, 0.01);
        // 1.05 is outside a 1% scale-up tolerance; 0.6 is inside a 50% scale-down tolerance
        assertThat(ReplicaCalculator.objectValue(10, 10_500, 10_000, 10, 10, lopsided))
                .isEqualTo(new MetricOutcome.Proposal(11, OptionalInt.empty(), 10_500));
        assertThat(ReplicaCalculator.objectValue(10, 6000, 10_000, 10, 10, lopsided))
                .isEqualTo(new MetricOutcome.Proposal(10, OptionalInt.empty(), 6000));
    }
}
