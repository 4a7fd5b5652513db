package dev.trafficengineer.simulate;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything a simulation needs besides the traffic: what scales (an autoscaler read from manifests, or a fixed
 * count), how the pods behave, and the assumptions made to get there, for reports to show.
 *
 * @param initialReplicas the replica count at second 0; null: the autoscaler's minimum
 * @param source where the autoscaler was read from ({@code file:line}); null for a fixed count
 * @param metricNotes what each metric was taken to measure
 * @param podNotes how the pod model was built (requests, usage, defaults)
 */
public record Scenario(Autoscaler autoscaler, PodModel pods, Integer initialReplicas, String source,
        List<String> metricNotes, List<String> podNotes) {

    public Scenario {
        metricNotes = List.copyOf(metricNotes);
        podNotes = List.copyOf(podNotes);
    }

    /** Simulates this scenario over {@code traffic} with a stock kube-controller-manager. */
    public SimulationRun run(TrafficProfile traffic) {
        return run(traffic, SimulationSettings.DEFAULTS);
    }

    public SimulationRun run(TrafficProfile traffic, SimulationSettings settings) {
        return Simulation.run(autoscaler, traffic, pods, settings.withInitialReplicas(initialReplicas));
    }

    /** Every note: the metrics first, then the pods. */
    public List<String> assumptions() {
        List<String> all = new ArrayList<>(metricNotes);
        all.addAll(podNotes);
        return all;
    }

    /** The same pods with a fixed replica count instead of the autoscaler: the baseline of a comparison. */
    public Scenario fixed(int replicas) {
        if (replicas < 0) {
            throw new SimulationInputException("a fixed replica count must not be negative, got " + replicas);
        }
        return new Scenario(Autoscaler.Fixed.of(replicas), pods, null, null, List.of(), podNotes);
    }

    /**
     * The same scenario starting settled, with {@code replicas} within the autoscaler's bounds, as a workload that
     * has run for a while would be, instead of at its minimum.
     */
    public Scenario settledWith(int replicas) {
        int low;
        int high;
        if (autoscaler instanceof Autoscaler.Hpa h) {
            low = h.spec().effectiveMinReplicas();
            high = h.spec().maxReplicas();
        } else if (autoscaler instanceof Autoscaler.Keda k) {
            low = k.spec().minReplicas();
            high = k.spec().maxReplicas();
        } else {
            return this;
        }
        return new Scenario(autoscaler, pods, Math.max(low, Math.min(high, replicas)), source, metricNotes, podNotes);
    }

    /** The same scenario under another name in reports, e.g. to tell "before" from "after". */
    public Scenario labelled(String label) {
        Autoscaler a = autoscaler;
        if (a instanceof Autoscaler.Hpa h) {
            a = new Autoscaler.Hpa(label, h.spec(), h.signals());
        } else if (a instanceof Autoscaler.Keda k) {
            a = new Autoscaler.Keda(label, k.spec(), k.signals(), k.outages());
        } else if (a instanceof Autoscaler.Fixed f) {
            a = new Autoscaler.Fixed(label, f.replicas());
        }
        return new Scenario(a, pods, initialReplicas, source, metricNotes, podNotes);
    }
}
