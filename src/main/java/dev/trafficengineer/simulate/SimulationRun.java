package dev.trafficengineer.simulate;

/** One simulated config over one traffic profile: what scaled it, the timeline and the summary. */
public record SimulationRun(String label, String trafficDescription, PodModel pods, Timeline timeline,
        Summary summary) {
}
