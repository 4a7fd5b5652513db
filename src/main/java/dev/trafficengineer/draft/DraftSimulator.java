package dev.trafficengineer.draft;

import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.simulate.ManifestScenario;
import dev.trafficengineer.simulate.PodModel;
import dev.trafficengineer.simulate.Scenario;
import dev.trafficengineer.simulate.ScenarioOptions;
import dev.trafficengineer.simulate.SimulationRun;
import dev.trafficengineer.simulate.Timeline;
import dev.trafficengineer.simulate.TrafficProfile;
import java.util.List;

/**
 * Runs a drafted autoscaler through the simulator under the traffic the requirements describe (see
 * {@link DayTraffic}): pods that serve the stated per-pod capacity, take the stated start-up time and, as the plan's
 * target ratio presumes, answer within 60% of the latency objective at the target utilization, starting with
 * the pods its first traffic settles at. The scenario is built from the drafted manifests as {@code traffic-engineer
 * simulate} builds it, so a draft simulates exactly as the same files would on the command line.
 */
final class DraftSimulator {

    private static final int READINESS_SECONDS = 10;
    private static final int WARM_UP_SECONDS = 3600;
    private static final double OBJECTIVE_SHARE_AT_TARGET = 0.6;

    private DraftSimulator() {}

    /**
     * The scenario as the service would be at the start of the day, having run before it: an hour at the first
     * rate, from the pods the plan expects, settles the autoscaler where its triggers together hold it.
     */
    private static Scenario settled(Scenario scenario, double rate, int expected) {
        Timeline warmUp = scenario.settledWith(expected).run(new TrafficProfile.Steady(rate, WARM_UP_SECONDS))
                .timeline();
        return scenario.settledWith(warmUp.replicas(warmUp.size() - 1));
    }

    /** The simulation of the draft (with the workload's manifest, when given), or why there is none. */
    static DraftSimulation simulate(Draft draft, List<KubeObject> objects) {
        Resolved r = draft.resolved();
        if (ManifestScenario.autoscalers(objects).isEmpty()) {
            return DraftSimulation.unavailable("the draft has no HorizontalPodAutoscaler or ScaledObject");
        }
        try {
            int startup = r.capacity().startupSeconds();
            int readiness = Math.min(READINESS_SECONDS, startup);
            double ratio = draft.plan().targetRatio().value();
            // the plan presumes the objective holds at its target: there, pods answer in 60% of it
            double baseLatency = OBJECTIVE_SHARE_AT_TARGET * r.slo().latencyMs() / 1000.0 * (1 - ratio);
            ScenarioOptions options = new ScenarioOptions(null, r.capacity().perPod(), null, startup - readiness,
                    readiness, null, baseLatency, null,
                    r.workload().type().consumer() ? PodModel.WorkKind.MESSAGES : PodModel.WorkKind.REQUESTS, null);
            TrafficProfile traffic = DayTraffic.of(r.traffic());
            Scenario scenario = settled(ManifestScenario.build(objects, options), traffic.rateAt(0),
                    Plan.pods(traffic.rateAt(0), r.capacity().perPod() * ratio));
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
