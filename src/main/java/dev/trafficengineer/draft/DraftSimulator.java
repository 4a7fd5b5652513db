package dev.trafficengineer.draft;

import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.simulate.ManifestScenario;
import dev.trafficengineer.simulate.PodModel;
import dev.trafficengineer.simulate.Scenario;
import dev.trafficengineer.simulate.ScenarioOptions;
import dev.trafficengineer.simulate.SimulationRun;
import dev.trafficengineer.simulate.TrafficProfile;
import java.util.List;

/**
 * Runs a drafted autoscaler through the simulator under the traffic the requirements describe (see
 * {@link DayTraffic}): pods that serve the stated per-pod capacity and take the stated start-up time, starting with
 * the pods the first traffic needs. The scenario is built from the drafted manifests as {@code traffic-engineer
 * simulate} builds it, so a draft simulates exactly as the same files would on the command line.
 */
final class DraftSimulator {

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
            TrafficProfile traffic = DayTraffic.of(r.traffic());
            // the service has run before this day: it starts with the pods midnight's traffic needs
            Scenario scenario = ManifestScenario.build(objects, options).settledAt(traffic.rateAt(0));
            SimulationRun run = scenario.run(traffic);
            Integer fixed = r.preferences().compareWithReplicas();
            SimulationRun baseline = fixed == null ? null : scenario.fixed(fixed).run(traffic);
            return new DraftSimulation(run, baseline, null);
        } catch (RuntimeException e) {
            // a draft the simulator cannot model is still a draft: say so instead of failing
            return DraftSimulation.unavailable(e.getMessage());
        }
    }
}
