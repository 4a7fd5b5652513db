package dev.trafficengineer.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.trafficengineer.kube.Quantity;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** The queueing-style latency signal, and the demand factor, alone and in a simulation. */
class LatencySignalTest {

    private static final PodModel WEB = PodModel.web(100, "500m", "50m", "4m");

    @Test
    void latencyIsBaseOverHeadroomCappedAtTwentyTimesBase() {
        Signal.Latency l = new Signal.Latency(0.1);
        assertThat(l.at(0)).isCloseTo(0.1, within(1e-12));
        assertThat(l.at(0.5)).isCloseTo(0.2, within(1e-12));
        assertThat(l.at(0.75)).isCloseTo(0.4, within(1e-12));
        assertThat(l.at(0.95)).isCloseTo(2.0, within(1e-9));
        assertThat(l.at(1)).isCloseTo(2.0, within(1e-9));
        assertThat(l.at(3)).as("overload: as slow as saturation, where timeouts take over").isCloseTo(2.0,
                within(1e-9));
        assertThat(l.at(-1)).as("no negative load").isCloseTo(0.1, within(1e-12));
        assertThatThrownBy(() -> new Signal.Latency(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Signal.Demand(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Signal.Demand()).isEqualTo(new Signal.Demand(1));
    }

    @Property
    void latencyNeverFallsAsLoadRises(@ForAll @DoubleRange(min = 0, max = 2) double a,
            @ForAll @DoubleRange(min = 0, max = 2) double b) {
        Signal.Latency l = new Signal.Latency(0.05);
        assertThat(l.at(Math.max(a, b))).isGreaterThanOrEqualTo(l.at(Math.min(a, b)));
        assertThat(l.at(a)).isBetween(0.05, 0.05 * 20 + 1e-12);
    }

    private static Autoscaler.Keda latencyObject(MetricTargetType type, double threshold) {
        KedaTrigger trigger = new KedaTrigger("prometheus", null, type, KedaTrigger.thresholdQuantity(threshold),
                null, 0, null);
        return new Autoscaler.Keda("latency", new ScaledObjectSpec(null, null, null, null, 2, 40, null, null,
                List.of(trigger)), List.of(new Signal.Latency(0.1)), null);
    }

    @Test
    void aValueTargetOnLatencySettlesWherePodsAnswerInTime() {
        // 0.25 s at base 0.1 s is utilization 0.6: 600 req/s need 10 pods of 100 req/s
        SimulationRun r = Simulation.run(latencyObject(MetricTargetType.VALUE, 0.25),
                new TrafficProfile.Steady(600, 2 * 3600), WEB, SimulationSettings.DEFAULTS);
        Timeline tl = r.timeline();
        int last = tl.size() - 1;
        assertThat(tl.replicas(last)).isBetween(10, 11);
        assertThat(tl.metric(0, last)).as("the latency the HPA reads, in seconds").isBetween(0.2, 0.275);
    }

    @Test
    void aPodsMetricOnLatencyAveragesWhatEachPodAnswers() {
        HpaSpec perPod = new HpaSpec(2, 40, List.of(MetricSpec.pods("http_request_latency_p95",
                Quantity.valueOf("250m"))), null);
        SimulationRun r = Simulation.run(new Autoscaler.Hpa("pods", perPod, List.of(new Signal.Latency(0.1))),
                new TrafficProfile.Steady(600, 2 * 3600), WEB, SimulationSettings.DEFAULTS);
        int last = r.timeline().size() - 1;
        assertThat(r.timeline().replicas(last)).isBetween(10, 11);
    }

    @Test
    void anAverageValueTargetOnLatencyIgnoresTheReplicaCount() {
        // AverageValue: desired = ceil(latency / 0.25) whatever runs; at 600 req/s that never reaches 6 pods
        SimulationRun r = Simulation.run(latencyObject(MetricTargetType.AVERAGE_VALUE, 0.25),
                new TrafficProfile.Steady(600, 2 * 3600), WEB, SimulationSettings.DEFAULTS);
        assertThat(r.summary().peakReplicas()).isLessThanOrEqualTo(8);
        assertThat(r.summary().unservedPercent()).as("too few pods for the load, for good").isGreaterThan(10);
    }

    @Test
    void withNoPodsThereIsNoLatencySampleSoALatencyTriggerCannotActivate() {
        KedaTrigger trigger = new KedaTrigger("prometheus", null, MetricTargetType.VALUE,
                KedaTrigger.thresholdQuantity(0.25), null, 0, null);
        Autoscaler.Keda fromZero = new Autoscaler.Keda("latency", new ScaledObjectSpec(null, null, null, null, 0, 40,
                null, null, List.of(trigger)), List.of(new Signal.Latency(0.1)), null);
        SimulationRun r = Simulation.run(fromZero, new TrafficProfile.Steady(300, 3600), WEB,
                SimulationSettings.DEFAULTS);
        assertThat(r.summary().peakReplicas()).isZero();
        assertThat(r.summary().unservedPercent()).isCloseTo(100, within(1e-9));
    }

    @Test
    void anIncreaseWindowMultipliesTheRateItReads() {
        // increase(x[1m]) with threshold 6000 per pod is the same as rate(x) with 100 per pod
        HpaSpec perMinute = new HpaSpec(1, 30, List.of(MetricSpec.external("http_requests",
                MetricTarget.averageValue(Quantity.valueOf("6000")))), null);
        HpaSpec perSecond = new HpaSpec(1, 30, List.of(MetricSpec.external("http_requests",
                MetricTarget.averageValue(Quantity.valueOf("100")))), null);
        TrafficProfile t = new TrafficProfile.Spike(100, 900, 600, 60, 1200, 3600);
        SimulationRun a = Simulation.run(new Autoscaler.Hpa("a", perMinute, List.of(new Signal.Demand(60))), t, WEB,
                SimulationSettings.DEFAULTS);
        SimulationRun b = Simulation.run(new Autoscaler.Hpa("b", perSecond, List.of(new Signal.Demand())), t, WEB,
                SimulationSettings.DEFAULTS);
        for (int i = 0; i < a.timeline().size(); i++) {
            assertThat(a.timeline().replicas(i)).isEqualTo(b.timeline().replicas(i));
        }
        assertThat(a.summary().peakReplicas()).isEqualTo(9);
    }
}
