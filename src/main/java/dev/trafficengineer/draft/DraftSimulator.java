package dev.trafficengineer.draft;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.draft.Resolved.Window;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.simulate.Autoscaler;
import dev.trafficengineer.simulate.ManifestSpecs;
import dev.trafficengineer.simulate.PodModel;
import dev.trafficengineer.simulate.Signal;
import dev.trafficengineer.simulate.Simulation;
import dev.trafficengineer.simulate.SimulationSettings;
import dev.trafficengineer.simulate.TrafficProfile;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a drafted autoscaler through the simulator under the traffic the requirements describe: one day of the
 * stated pattern (with the idle windows empty), pods that serve the stated per-pod capacity and take the stated
 * start-up time, and CPU that reaches the pod's request at that capacity (the same assumption the CPU target
 * makes).
 */
final class DraftSimulator {

    private static final int DAY = 86_400;

    private DraftSimulator() {}

    /** The simulation of the draft, or null when its triggers include one the simulator does not model. */
    static DraftSimulation simulate(Resolved r, List<KubeObject> drafted) {
        KubeObject autoscaler = drafted.stream()
                .filter(o -> o.kind().equals("HorizontalPodAutoscaler") || o.kind().equals("ScaledObject"))
                .findFirst().orElse(null);
        if (autoscaler == null) {
            return null;
        }
        Autoscaler a;
        String label = autoscaler.kind().equals("ScaledObject") ? "ScaledObject/" + autoscaler.name()
                : "HPA/" + autoscaler.name();
        JsonNode spec = autoscaler.tree().path("spec");
        if (autoscaler.kind().equals("HorizontalPodAutoscaler")) {
            a = new Autoscaler.Hpa(label, ManifestSpecs.hpa(spec), List.of());
        } else {
            List<Signal> signals = new ArrayList<>();
            for (JsonNode t : spec.path("triggers")) {
                Signal s = signal(t);
                if (s == null) {
                    return null;
                }
                signals.add(s);
            }
            a = new Autoscaler.Keda(label, ManifestSpecs.scaledObject(spec), signals, List.of());
        }
        TrafficProfile traffic = traffic(r);
        PodModel pods = pods(r);
        // start where the autoscaler would hold the first minute's traffic: what it needs, within its bounds
        int min = Math.max(1, spec.path(autoscaler.kind().equals("ScaledObject") ? "minReplicaCount" : "minReplicas")
                .asInt(1));
        int initial = Math.max(min, Plan.pods(traffic.rateAt(0), r.capacity().perPod()));
        SimulationSettings settings = SimulationSettings.DEFAULTS.withInitialReplicas(initial);
        var run = Simulation.run(a, traffic, pods, settings);
        var baseline = r.preferences().compareWithReplicas() == null ? null
                : Simulation.run(Autoscaler.Fixed.of(r.preferences().compareWithReplicas()), traffic, pods, settings);
        return new DraftSimulation(run, baseline);
    }

    /** What each drafted trigger measures; null for one the simulator does not model (latency). */
    private static Signal signal(JsonNode trigger) {
        String type = trigger.path("type").asText();
        JsonNode meta = trigger.path("metadata");
        switch (type) {
            case "prometheus":
                return meta.path("query").asText().startsWith("histogram_quantile") ? null : new Signal.Demand();
            case "kafka":
                return new Signal.Backlog(5); // messages fetched but not yet committed: about 5 s of arrivals
            case "cron":
                return new Signal.Daily(secondOfDay(meta.path("start").asText()),
                        secondOfDay(meta.path("end").asText()), meta.path("desiredReplicas").asDouble(), 0);
            default:
                return new Signal.Demand(); // cpu and memory read pod usage whatever is given
        }
    }

    /** The time of day of a drafted cron expression ("M H * * ..."); days of the week are not simulated. */
    private static int secondOfDay(String cron) {
        String[] f = cron.trim().split("\\s+");
        return Integer.parseInt(f[1]) * 3600 + Integer.parseInt(f[0]) * 60;
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
        List<TrafficProfile.Point> points = new ArrayList<>();
        for (int s = 0; s <= DAY; s += 60) {
            LocalTime at = LocalTime.ofSecondOfDay(s % DAY);
            points.add(new TrafficProfile.Point(s, idle(t.idleWindows(), at) ? 0 : shape.rateAt(s)));
        }
        return TrafficProfile.Points.of(points);
    }

    private static boolean idle(List<Window> windows, LocalTime at) {
        for (Window w : windows) {
            boolean wraps = w.to().isBefore(w.from());
            boolean in = wraps ? !at.isBefore(w.from()) || at.isBefore(w.to())
                    : !at.isBefore(w.from()) && at.isBefore(w.to());
            if (in) {
                return true;
            }
        }
        return false;
    }

    /** A pod serving the stated capacity, at its full CPU request when it does. */
    static PodModel pods(Resolved r) {
        long cpu = r.workload().containers().stream().filter(c -> c.cpuMillis() != null)
                .mapToLong(Resolved.Container::cpuMillis).sum();
        if (cpu == 0) {
            cpu = 1000;
        }
        long idleMillis = Math.max(1, cpu / 20);
        double perUnit = (cpu - idleMillis) / r.capacity().perPod();
        PodModel m = PodModel.web(r.capacity().perPod(), cpu + "m", idleMillis + "m",
                String.format(java.util.Locale.ROOT, "%.0fu", perUnit * 1000));
        if (r.workload().type().consumer()) {
            m = m.withWork(PodModel.WorkKind.MESSAGES, "msg");
        }
        int startup = r.capacity().startupSeconds();
        int readiness = Math.min(10, startup);
        return m.withTimes(startup - readiness, readiness, 30, 30);
    }
}
