package dev.trafficengineer.draft;

import dev.trafficengineer.draft.Resolved.Window;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.simulate.ManifestScenario;
import dev.trafficengineer.simulate.PodModel;
import dev.trafficengineer.simulate.Scenario;
import dev.trafficengineer.simulate.ScenarioOptions;
import dev.trafficengineer.simulate.SimulationRun;
import dev.trafficengineer.simulate.TrafficProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a drafted autoscaler through the simulator under the traffic the requirements describe: one day of the
 * stated pattern (with the idle windows empty), pods that serve the stated per-pod capacity and take the stated
 * start-up time. The scenario is built from the drafted manifests as {@code traffic-engineer simulate} builds it,
 * so a draft simulates exactly as the same files would on the command line.
 */
final class DraftSimulator {

    private static final int DAY = 86_400;
    private static final int READINESS_SECONDS = 10;

    private DraftSimulator() {}

    /** The simulation of the draft (with the workload's manifest, when given), or why there is none. */
    static DraftSimulation simulate(Resolved r, List<KubeObject> objects) {
        if (ManifestScenario.autoscalers(objects).isEmpty()) {
            return DraftSimulation.unavailable("the draft has no HorizontalPodAutoscaler or ScaledObject");
        }
        try {
            int startup = r.capacity().startupSeconds();
            int readiness = Math.min(READINESS_SECONDS, startup);
            ScenarioOptions options = new ScenarioOptions(null, r.capacity().perPod(), null, startup - readiness,
                    readiness, null, null, null,
                    r.workload().type().consumer() ? PodModel.WorkKind.MESSAGES : PodModel.WorkKind.REQUESTS, null);
            Scenario scenario = ManifestScenario.build(objects, options);
            TrafficProfile traffic = traffic(r);
            SimulationRun run = scenario.run(traffic);
            Integer fixed = r.preferences().compareWithReplicas();
            SimulationRun baseline = fixed == null ? null : scenario.fixed(fixed).run(traffic);
            return new DraftSimulation(run, baseline, null);
        } catch (RuntimeException e) {
            // a draft the simulator cannot model is still a draft: say so instead of failing
            return DraftSimulation.unavailable(e.getMessage());
        }
    }

    /** One day of the stated pattern, sampled every minute, with the idle windows empty. */
    static TrafficProfile traffic(Resolved r) {
        Resolved.Traffic t = r.traffic();
        TrafficProfile shape = switch (t.pattern()) {
            case "steady" -> new TrafficProfile.Steady(t.peak(), DAY);
            case "spike" -> new TrafficProfile.Spike(t.baseline(), t.peak(), (long) (t.peakHour() * 3600)
                    - t.rampSeconds(), t.rampSeconds(), 1800, DAY);
            case "ramp" -> new TrafficProfile.Ramp(t.baseline(), t.peak(), Math.max(t.rampSeconds(), 3600));
            default -> new TrafficProfile.Diurnal(t.baseline(), t.peak(), t.peakHour(), DAY);
        };
        if (t.idleWindows().isEmpty()) {
            return shape;
        }
        List<int[]> windows = new ArrayList<>();
        for (Window w : t.idleWindows()) {
            windows.add(new int[] {w.from().toSecondOfDay(), w.to().toSecondOfDay()});
        }
        return new TrafficProfile.WithIdle(shape, windows, t.idleWindows().stream().map(Window::toString)
                .collect(java.util.stream.Collectors.joining(", ")));
    }

}
