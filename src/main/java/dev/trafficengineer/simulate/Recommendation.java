package dev.trafficengineer.simulate;

/** One entry of the controller's recommendation history: a pre-stabilization proposal and when it was made. */
public record Recommendation(int replicas, long atMillis) {
}
