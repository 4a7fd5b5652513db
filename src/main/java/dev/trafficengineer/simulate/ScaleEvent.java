package dev.trafficengineer.simulate;

/**
 * One rescale in one direction, kept for the behavior rate limits (horizontal.go timestampedScaleEvent).
 *
 * @param replicaChange the size of the change, never negative
 * @param outdated older than the longest policy period when last checked; its slot is reused by the next event
 */
public record ScaleEvent(int replicaChange, long atMillis, boolean outdated) {

    public static ScaleEvent of(int replicaChange, long atMillis) {
        return new ScaleEvent(replicaChange, atMillis, false);
    }
}
