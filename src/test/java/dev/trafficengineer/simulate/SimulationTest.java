package dev.trafficengineer.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The timeline engine: serving, pod lifecycle, the HPA and KEDA over time, and determinism. */
class SimulationTest {

    private static final PodModel WEB = PodModel.web(100, "500m", "50m", "4m");
    private static final PodModel CONSUMER = PodModel.web(50, "250m", "20m", "2m")
            .withWork(PodModel.WorkKind.MESSAGES, "msg");
    private static final HpaSpec CPU_60 = new HpaSpec(2, 20,
            List.of(MetricSpec.resource("cpu", MetricTarget.utilization(60))), null);
    private static final TrafficProfile SPIKE = new TrafficProfile.Spike(150, 1200, 3600, 120, 1800, 3 * 3600);

    private static SimulationRun run(Autoscaler a, TrafficProfile t, PodModel p) {
        return Simulation.run(a, t, p, SimulationSettings.DEFAULTS);
    }

    @Test
    void fixedReplicasServeWhatTheyCan() {
        SimulationRun enough = run(Autoscaler.Fixed.of(3), new TrafficProfile.Steady(200, 3600), WEB);
        assertThat(enough.summary().podHours()).isEqualTo(3.0);
        assertThat(enough.summary().unservedUnits()).isZero();
        assertThat(enough.summary().scaleEvents()).isZero();

        SimulationRun short1 = run(Autoscaler.Fixed.of(3), new TrafficProfile.Steady(400, 3600), WEB);
        assertThat(short1.summary().unservedPercent()).isCloseTo(25.0, within(1e-9));
        assertThat(short1.summary().secondsUnderCapacity()).isEqualTo(3600);
        assertThat(short1.timeline().unserved(10)).isCloseTo(100.0, within(1e-9));
    }

    @Test
    void sameInputSameBytes() {
        Autoscaler hpa = new Autoscaler.Hpa("hpa/web", CPU_60, null);
        assertThat(JsonReport.render(run(hpa, SPIKE, WEB))).isEqualTo(JsonReport.render(run(hpa, SPIKE, WEB)));
        assertThat(SvgChart.render(run(hpa, SPIKE, WEB))).isEqualTo(SvgChart.render(run(hpa, SPIKE, WEB)));
    }

    @Test
    void theHpaCatchesUpWithASpikeAndComesBackDown() {
        SimulationRun r = run(new Autoscaler.Hpa("hpa/web", CPU_60, null), SPIKE, WEB);
        Timeline tl = r.timeline();
        int settled = (int) ((3600 + 120 + 1200) / tl.stepSeconds());
        assertThat(tl.capacity(settled)).isGreaterThanOrEqualTo(tl.demand(settled));
        assertThat(r.summary().peakReplicas()).isBetween(12, 20);
        assertThat(r.summary().secondsUnderCapacity()).as("CPU saturates, so catching up takes minutes")
                .isGreaterThan(0);
        assertThat(tl.replicas(tl.size() - 1)).isLessThanOrEqualTo(3);
    }

    @Test
    void theLegacyPathDoublesAtMostWhileAPodsPolicyAddsOneAMinute() {
        SimulationRun legacy = run(new Autoscaler.Hpa("legacy", CPU_60, null), SPIKE, WEB);
        Behavior slow = new Behavior(new ScalingRules(null, null, List.of(ScalingPolicy.pods(1, 60)), null), null);
        SimulationRun limited = run(new Autoscaler.Hpa("slow", new HpaSpec(2, 20, CPU_60.metrics(), slow), null),
                SPIKE, WEB);
        long lastUp = -1_000_000;
        for (int i = 1; i < limited.timeline().size(); i++) {
            String e = limited.timeline().event(i);
            if (e != null && limited.timeline().replicas(i) > limited.timeline().replicas(i - 1)) {
                assertThat(limited.timeline().replicas(i) - limited.timeline().replicas(i - 1)).isEqualTo(1);
                assertThat(limited.timeline().seconds(i) - lastUp).isGreaterThanOrEqualTo(60);
                lastUp = limited.timeline().seconds(i);
            }
        }
        for (int i = 1; i < legacy.timeline().size(); i++) {
            assertThat(legacy.timeline().replicas(i))
                    .isLessThanOrEqualTo(Math.max(2 * legacy.timeline().replicas(i - 1), 4));
        }
        assertThat(limited.summary().secondsUnderCapacity()).isGreaterThan(legacy.summary().secondsUnderCapacity());
    }

    @Test
    void newPodsServeOnlyOnceReady() {
        SimulationRun r = run(new Autoscaler.Hpa("hpa/web", CPU_60, null), SPIKE, WEB);
        Timeline tl = r.timeline();
        int first = -1;
        for (int i = 1; i < tl.size() && first < 0; i++) {
            if (tl.replicas(i) > tl.replicas(i - 1) && tl.seconds(i) >= 3600) {
                first = i;
            }
        }
        int before = tl.replicas(first - 1);
        // created at t: Running after 30 s, Ready after 40 s, so serving from the step at t + 45 s
        assertThat(tl.ready(first + 2)).isEqualTo(tl.ready(first - 1));
        assertThat(tl.ready(first + 3)).isGreaterThan(before - 1);
        assertThat(tl.capacity(first + 3)).isEqualTo(tl.ready(first + 3) * 100.0);
    }

    @Test
    void anHpaStartedAboveItsNeedWaitsOutTheDownscaleWindow() {
        SimulationRun r = Simulation.run(new Autoscaler.Hpa("hpa/web", CPU_60, null), new TrafficProfile.Steady(100,
                1800), WEB, SimulationSettings.DEFAULTS.withInitialReplicas(10));
        Timeline tl = r.timeline();
        assertThat(tl.replicas(0)).isEqualTo(10);
        // the first-seen count is the initial recommendation: nothing lower until it is older than 300 s
        assertThat(tl.replicas(300 / 15)).isEqualTo(10);
        assertThat(tl.reason(300 / 15)).isEqualTo("ScaleDownStabilized");
        assertThat(tl.replicas(315 / 15)).as("ceil(18% / 60% × 10)").isEqualTo(3);
    }

    @Test
    void staleMetricsDelayTheReaction() {
        SimulationRun fresh = Simulation.run(new Autoscaler.Hpa("a", CPU_60, null), SPIKE,
                WEB.withTimes(30, 10, 0, 15), SimulationSettings.DEFAULTS);
        SimulationRun stale = Simulation.run(new Autoscaler.Hpa("b", CPU_60, null), SPIKE,
                WEB.withTimes(30, 10, 120, 15), SimulationSettings.DEFAULTS);
        assertThat(firstScaleUpAfter(stale.timeline(), 3600)).isGreaterThan(firstScaleUpAfter(fresh.timeline(), 3600));
    }

    private static long firstScaleUpAfter(Timeline tl, long t) {
        for (int i = 1; i < tl.size(); i++) {
            if (tl.seconds(i) >= t && tl.replicas(i) > tl.replicas(i - 1)) {
                return tl.seconds(i);
            }
        }
        return Long.MAX_VALUE;
    }

    @Test
    void queuedMessagesAgeInOrder() {
        SimulationRun r = run(Autoscaler.Fixed.of(1), new TrafficProfile.Steady(20, 300),
                PodModel.web(10, "1", "0", "0").withWork(PodModel.WorkKind.MESSAGES, "msg"));
        Timeline tl = r.timeline();
        // arrivals 20/s, served 10/s: at the end of the step ending at 60 s, 600 are queued; the oldest came at 30 s
        assertThat(tl.queue(3)).isCloseTo(600, within(1e-9));
        assertThat(tl.lagSeconds(3)).isCloseTo(30, within(1e-9));
        assertThat(r.summary().maxLagSeconds()).isCloseTo(150, within(1e-9));
    }

    private static final TrafficProfile BURST = TrafficProfile.Points.of(List.of(
            new TrafficProfile.Point(0, 0), new TrafficProfile.Point(600, 0), new TrafficProfile.Point(660, 300),
            new TrafficProfile.Point(2400, 300), new TrafficProfile.Point(2460, 0), new TrafficProfile.Point(4000, 0)));

    private static ScaledObjectSpec queueObject(ScaledObjectSpec.Fallback fallback) {
        return new ScaledObjectSpec(null, null, null, null, 0, 30, fallback, null,
                List.of(KedaTrigger.external("kafka", 100, 0)));
    }

    @Test
    void kedaActivatesFromZeroAndCoolsDownToZero() {
        SimulationRun r = run(new Autoscaler.Keda("keda", queueObject(null), List.of(new Signal.Backlog(5)), null),
                BURST, CONSUMER);
        Timeline tl = r.timeline();
        assertThat(tl.replicas(0)).isZero();
        assertThat(r.summary().coldStarts()).isEqualTo(1);
        int zeroAgain = -1;
        for (int i = 1; i < tl.size(); i++) {
            if (tl.replicas(i) == 0 && tl.replicas(i - 1) > 0) {
                zeroAgain = i;
            }
        }
        assertThat(tl.event(zeroAgain)).endsWith("KedaDeactivated");
        // the lag reaches 0 once demand stops at 2460 s; KEDA waits the 300 s cooldown, polling every 30 s
        assertThat(tl.seconds(zeroAgain)).isBetween(2460L + 300, 2460L + 300 + 60 + 30);
    }

    @Test
    void aLagOnlyTriggerThatSeesNoLagDeactivatesWhileBusy() {
        SimulationRun r = run(new Autoscaler.Keda("keda", queueObject(null), List.of(new Signal.Backlog()), null),
                BURST, CONSUMER);
        assertThat(r.summary().coldStarts()).isGreaterThan(1);
        assertThat(r.summary().flaps()).isGreaterThan(0);
    }

    @Test
    void withNoActiveTriggerKedaGoesStraightToTheFallbackCount() {
        ScaledObjectSpec withFallback = new ScaledObjectSpec(null, null, null, null, 1, 30,
                new ScaledObjectSpec.Fallback(3, 12, FallbackBehavior.STATIC), null,
                List.of(KedaTrigger.external("prometheus", 100, 0)));
        List<Autoscaler.ScalerOutage> outage = List.of(new Autoscaler.ScalerOutage(0, 1200, 2400));
        TrafficProfile steady = new TrafficProfile.Steady(300, 3600);
        Timeline tl = run(new Autoscaler.Keda("fallback", withFallback, null, outage), steady, WEB).timeline();
        assertThat(tl.replicas(1200 / 15 - 1)).isEqualTo(3);
        assertThat(tl.event(1200 / 15)).isEqualTo("3→12 KedaFallback");
        assertThat(tl.replicas(2385 / 15)).as("the HPA holds while its only metric fails, then reads the fallback")
                .isEqualTo(12);

        ScaledObjectSpec without = new ScaledObjectSpec(null, null, null, null, 1, 30, null, null,
                withFallback.triggers());
        Timeline held = run(new Autoscaler.Keda("no fallback", without, null, outage), steady, WEB).timeline();
        assertThat(held.replicas(2385 / 15)).isEqualTo(3);
        assertThat(held.reason(2385 / 15)).isEqualTo("FailedGetExternalMetric");
    }

    @Test
    void withAnotherActiveTriggerTheFallbackMetricTakesOverAfterTheThreshold() {
        ScaledObjectSpec so = new ScaledObjectSpec(null, null, null, null, 1, 30,
                new ScaledObjectSpec.Fallback(3, 12, FallbackBehavior.STATIC), null,
                List.of(KedaTrigger.external("prometheus", 100, 0), KedaTrigger.external("cron", 1, 0)));
        List<Signal> signals = List.of(new Signal.Demand(), new Signal.Daily(0, 86_400, 1, 0));
        List<Autoscaler.ScalerOutage> outage = List.of(new Autoscaler.ScalerOutage(0, 1200, 2400));
        Timeline tl = run(new Autoscaler.Keda("mixed", so, signals, outage), new TrafficProfile.Steady(300, 3600),
                WEB).timeline();
        // failures 1..3 are errors, and with the other metric proposing fewer pods the HPA must not scale down
        assertThat(tl.replicas(1200 / 15 + 2)).isEqualTo(3);
        assertThat(tl.reason(1200 / 15 + 2)).isEqualTo("FailedGetExternalMetric");
        // the fourth failure exceeds failureThreshold 3: the synthetic value asks for 12, at the legacy rate
        assertThat(tl.event(1200 / 15 + 3)).isEqualTo("3→6 ScaleUpLimit");
        assertThat(tl.replicas(2385 / 15)).isEqualTo(12);
    }

    @Test
    void aResourceMetricNeedsTheResourceInThePodModel() {
        HpaSpec memory = new HpaSpec(1, 5, List.of(MetricSpec.resource("memory", MetricTarget.utilization(80))),
                null);
        assertThatThrownBy(() -> run(new Autoscaler.Hpa("m", memory, null), SPIKE, WEB))
                .isInstanceOf(SimulationInputException.class)
                .hasMessageContaining("`memory`");
    }

    @Test
    void trafficProfilesAreWhatTheySay() {
        TrafficProfile.Points p = TrafficProfile.Points.of(List.of(new TrafficProfile.Point(0, 10),
                new TrafficProfile.Point(100, 30)));
        assertThat(p.rateAt(50)).isEqualTo(20);
        assertThat(p.rateAt(500)).isEqualTo(30);
        TrafficProfile.Diurnal d = new TrafficProfile.Diurnal(100, 500, 14, 86_400);
        assertThat(d.rateAt(14 * 3600)).isCloseTo(500, within(1e-9));
        assertThat(d.rateAt(2 * 3600)).isCloseTo(100, within(1e-9));
        TrafficProfile.Spike s = new TrafficProfile.Spike(10, 110, 100, 10, 50, 1000);
        assertThat(s.rateAt(99)).isEqualTo(10);
        assertThat(s.rateAt(105)).isEqualTo(60);
        assertThat(s.rateAt(140)).isEqualTo(110);
        assertThat(s.rateAt(175)).isEqualTo(10);
        assertThat(new TrafficProfile.Ramp(0, 100, 200).rateAt(50)).isEqualTo(25);
    }

    @Test
    void trafficCsvAcceptsSecondsDurationsAndClockTimes() {
        TrafficProfile.Points p = TrafficCsv.parse("time,rps\n# comment\n0,10\n15m,20\n01:00,40\n\n2h;80\n");
        assertThat(p.points()).containsExactly(new TrafficProfile.Point(0, 10), new TrafficProfile.Point(900, 20),
                new TrafficProfile.Point(3600, 40), new TrafficProfile.Point(7200, 80));
        assertThat(p.durationSeconds()).isEqualTo(7200);
        assertThatThrownBy(() -> TrafficCsv.parse("0,10\n5,x\n")).hasMessage("traffic line 2: rate \"x\" is not a"
                + " number");
        assertThatThrownBy(() -> TrafficCsv.parse("0,10\n0,20\n")).hasMessageContaining("times must increase");
        assertThatThrownBy(() -> TrafficCsv.parse("time,rate\n")).hasMessage("the traffic file has no `time,rate`"
                + " rows");
        assertThatThrownBy(() -> TrafficCsv.parse("0,10\nsoon,1")).hasMessage("traffic line 2: time \"soon\" is not"
                + " seconds, a duration (90s, 15m, 2h, 1d) or a clock time (HH:MM)");
    }
}
