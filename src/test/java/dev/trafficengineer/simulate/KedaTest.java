package dev.trafficengineer.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.kube.Quantity;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** KEDA's layer: the generated HPA, activation, the scale loop's decisions, and fallback. */
class KedaTest {

    private static final long S = 1000;
    private static final KedaTrigger QUEUE = KedaTrigger.external("rabbitmq", 20, 5);
    private static final KedaTrigger CPU = KedaTrigger.utilization("cpu", 70);

    private static ScaledObjectSpec so(Integer idle, Integer min, ScaledObjectSpec.Fallback fallback,
            KedaTrigger... triggers) {
        return new ScaledObjectSpec(null, null, null, idle, min, null, fallback, null, List.of(triggers));
    }

    @Test
    void generatesOneHpaMetricPerTrigger() {
        KedaTrigger value = new KedaTrigger("prometheus", null, MetricTargetType.VALUE,
                KedaTrigger.thresholdQuantity(100.5), null, 0, null);
        KedaTrigger memory = new KedaTrigger("memory", null, MetricTargetType.AVERAGE_VALUE, Quantity.valueOf("512Mi"),
                null, 0, "app");
        HpaSpec hpa = Keda.generatedHpa(so(null, 0, null, QUEUE, value, CPU, memory));
        assertThat(hpa.minReplicas()).as("KEDA handles zero itself").isEqualTo(1);
        assertThat(hpa.maxReplicas()).isEqualTo(100);
        assertThat(hpa.behavior()).isNull();
        assertThat(hpa.metrics()).containsExactly(
                MetricSpec.external("s0-rabbitmq", MetricTarget.averageValue(Quantity.valueOf("20"))),
                MetricSpec.external("s1-prometheus", MetricTarget.value(Quantity.valueOf("100.5"))),
                MetricSpec.resource("cpu", MetricTarget.utilization(70)),
                MetricSpec.containerResource("memory", "app", MetricTarget.averageValue(Quantity.valueOf("512Mi"))));
        assertThat(Keda.generatedHpa(so(null, 3, null, QUEUE)).minReplicas()).isEqualTo(3);
    }

    @Test
    void thresholdsAreRoundedToThreeDecimals() {
        assertThat(KedaTrigger.thresholdQuantity(0.0004)).hasToString("0");
        assertThat(KedaTrigger.thresholdQuantity(2.5)).hasToString("2500m");
        assertThat(KedaTrigger.thresholdQuantity(-5)).hasToString("0");
        assertThat(KedaTrigger.thresholdQuantity(Double.NaN)).hasToString("0");
    }

    static Stream<Arguments> activity() {
        return Stream.of(
                Arguments.of("above activation", List.of(new Keda.TriggerReading(QUEUE, false, 5.5)), true, false),
                Arguments.of("at activation is not active", List.of(new Keda.TriggerReading(QUEUE, false, 5)), false,
                        false),
                Arguments.of("activation beats scaling: 40 against threshold 10, activation 50",
                        List.of(new Keda.TriggerReading(new KedaTrigger("prometheus", null,
                                MetricTargetType.AVERAGE_VALUE, Quantity.valueOf("10"), null, 50, null), false, 40)),
                        false, false),
                Arguments.of("cpu never activates a mixed object",
                        List.of(new Keda.TriggerReading(QUEUE, false, 0), new Keda.TriggerReading(CPU, false, 99)),
                        false, false),
                Arguments.of("cpu-only objects are always active", List.of(new Keda.TriggerReading(CPU, false, 0)),
                        true, false),
                Arguments.of("a failing scaler is an error, not activity",
                        List.of(new Keda.TriggerReading(QUEUE, true, 100)), false, true),
                Arguments.of("one active trigger suffices", List.of(new Keda.TriggerReading(QUEUE, true, 0),
                        new Keda.TriggerReading(QUEUE, false, 6)), true, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void activity(String name, List<Keda.TriggerReading> readings, boolean active, boolean error) {
        assertThat(Keda.activity(readings)).isEqualTo(new Keda.Activity(active, error));
    }

    static Stream<Arguments> scaleLoop() {
        Keda.Activity active = new Keda.Activity(true, false);
        Keda.Activity idle = new Keda.Activity(false, false);
        Keda.Activity failing = new Keda.Activity(false, true);
        Keda.State neverActive = Keda.State.createdAt(-1000 * S);
        Keda.State activeAgo100 = new Keda.State(-100 * S, -1000 * S);
        Keda.State activeAgo301 = new Keda.State(-301 * S, -1000 * S);
        ScaledObjectSpec.Fallback fallback6 = new ScaledObjectSpec.Fallback(3, 6, FallbackBehavior.STATIC);
        return Stream.of(
                // name, so, state, activity, current, expected replicas, reason
                Arguments.of("activation scales from zero to 1", so(null, 0, null, QUEUE), neverActive, active, 0, 1,
                        "KedaActivated"),
                Arguments.of("activation scales from zero to minReplicaCount", so(null, 2, null, QUEUE),
                        neverActive, active, 0, 2, "KedaActivated"),
                Arguments.of("activation from idle below min", so(0, 3, null, QUEUE), neverActive, active, 0, 3,
                        "KedaActivated"),
                Arguments.of("active with replicas: the HPA's job", so(null, 0, null, QUEUE), neverActive, active, 4,
                        -1, "KedaActive"),
                Arguments.of("inactive but cooling down", so(null, 0, null, QUEUE), activeAgo100, idle, 4, -1,
                        "KedaCoolingDown"),
                Arguments.of("inactive past the cooldown: to zero", so(null, 0, null, QUEUE), activeAgo301, idle, 4,
                        0, "KedaDeactivated"),
                Arguments.of("never active: the initial cooldown (0) applies", so(null, 0, null, QUEUE), neverActive,
                        idle, 4, 0, "KedaDeactivated"),
                Arguments.of("idle mode goes to idleReplicaCount", so(0, 2, null, QUEUE), activeAgo301, idle, 5, 0,
                        "KedaIdle"),
                Arguments.of("min above zero without idle never deactivates", so(null, 2, null, QUEUE),
                        activeAgo301, idle, 5, -1, "KedaInactive"),
                Arguments.of("below min without idle is raised to min", so(null, 2, null, QUEUE), activeAgo301, idle,
                        1, 2, "KedaMinReplicas"),
                Arguments.of("a failing scaler with fallback replicas", so(null, 0, fallback6, QUEUE), activeAgo301,
                        failing, 2, 6, "KedaFallback"),
                Arguments.of("a failing scaler without fallback holds", so(null, 0, null, QUEUE), activeAgo301,
                        failing, 2, -1, "KedaScalerError"),
                Arguments.of("fallback replicas 0 lets it go to zero",
                        so(null, 0, new ScaledObjectSpec.Fallback(3, 0, FallbackBehavior.STATIC), QUEUE),
                        activeAgo301, failing, 2, 0, "KedaDeactivated"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void scaleLoop(String name, ScaledObjectSpec so, Keda.State state, Keda.Activity activity, int current,
            int replicas, String reason) {
        Keda.Step step = Keda.scaleLoop(so, state, activity, current, 0);
        assertThat(step.replicas()).isEqualTo(replicas);
        assertThat(step.reason()).isEqualTo(reason);
    }

    @Test
    void activityIsRemembered() {
        Keda.Step step = Keda.scaleLoop(so(null, 0, null, QUEUE), Keda.State.createdAt(0), new Keda.Activity(true,
                false), 3, 50 * S);
        assertThat(step.next().lastActiveMillis()).isEqualTo(50 * S);
        Keda.Step cooling = Keda.scaleLoop(so(null, 0, null, QUEUE), step.next(), new Keda.Activity(false, false), 3,
                350 * S);
        assertThat(cooling.replicas()).as("exactly the cooldown is not past it").isEqualTo(-1);
    }

    @Test
    void fallbackStandsInForTheConfiguredCount() {
        ScaledObjectSpec.Fallback f = new ScaledObjectSpec.Fallback(3, 6, FallbackBehavior.CURRENT_REPLICAS_IF_HIGHER);
        assertThat(Keda.fallbackReplicas(f, 9)).isEqualTo(9);
        assertThat(Keda.fallbackReplicas(f, 2)).isEqualTo(6);
        assertThat(Keda.fallbackReplicas(new ScaledObjectSpec.Fallback(3, 6, FallbackBehavior.CURRENT_REPLICAS_IF_LOWER),
                2)).isEqualTo(2);
        assertThat(Keda.fallbackReplicas(new ScaledObjectSpec.Fallback(3, 6, null), 2)).isEqualTo(6);
        // the HPA turns the synthetic value back into the fallback count
        long averageValue = Keda.fallbackMetricMilli(MetricTarget.averageValue(Quantity.valueOf("20")), 6, 3);
        assertThat(ReplicaCalculator.externalPerPod(3, new long[] {averageValue}, 20_000, Tolerances.uniform(0.1)))
                .isEqualTo(new MetricOutcome.Proposal(6, java.util.OptionalInt.empty(), 40_000));
        long value = Keda.fallbackMetricMilli(MetricTarget.value(Quantity.valueOf("20")), 6, 3);
        assertThat(ReplicaCalculator.externalValue(3, new long[] {value}, 20_000, 3, 3, Tolerances.uniform(0.1)))
                .isEqualTo(new MetricOutcome.Proposal(6, java.util.OptionalInt.empty(), 40_000));
        assertThat(Keda.fallbackMetricMilli(MetricTarget.value(Quantity.valueOf("20")), 6, 0)).isEqualTo(-1);
    }
}
