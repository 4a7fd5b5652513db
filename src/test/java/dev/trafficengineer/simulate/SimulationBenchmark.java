package dev.trafficengineer.simulate;

import dev.trafficengineer.kube.Quantity;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark, not a test: seven simulated days at the 15 s sync period of an HPA with two metrics (CPU utilization and
 * an external request rate) over diurnal traffic. Warms up, then times repeated runs and prints the median. Run it
 * with {@code bench/simulate.sh}; the target is under 100 ms per run.
 */
public final class SimulationBenchmark {

    private SimulationBenchmark() {
    }

    public static void main(String[] args) {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        HpaSpec hpa = new HpaSpec(2, 40, List.of(
                MetricSpec.resource("cpu", MetricTarget.utilization(60)),
                MetricSpec.external("http_requests_per_second", MetricTarget.averageValue(Quantity.valueOf("80")))),
                new Behavior(null, new ScalingRules(120, null, List.of(ScalingPolicy.percent(20, 60)), null)));
        Autoscaler autoscaler = new Autoscaler.Hpa("hpa/web", hpa, null);
        TrafficProfile week = new TrafficProfile.Diurnal(100, 2400, 14, 7 * 86_400);
        PodModel pods = PodModel.web(100, "500m", "50m", "4m");

        Summary last = null;
        for (int i = 0; i < warmup; i++) {
            last = Simulation.run(autoscaler, week, pods, SimulationSettings.DEFAULTS).summary();
        }
        long[] nanos = new long[measured];
        for (int i = 0; i < measured; i++) {
            long start = System.nanoTime();
            last = Simulation.run(autoscaler, week, pods, SimulationSettings.DEFAULTS).summary();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "simulate: 7 days, 15 s sync, 2 metrics, %d steps: median %.1f ms, min %.1f ms,"
                + " max %.1f ms over %d runs (after %d warm-up runs)%n", 7 * 86_400 / 15, nanos[measured / 2] / 1e6,
                nanos[0] / 1e6, nanos[measured - 1] / 1e6, measured, warmup);
        System.out.printf(Locale.ROOT, "  run: %.1f pod-hours, peak %d replicas, %d scale events%n", last.podHours(),
                last.peakReplicas(), last.scaleEvents());
    }
}
