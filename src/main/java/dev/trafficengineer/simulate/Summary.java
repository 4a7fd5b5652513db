package dev.trafficengineer.simulate;

/**
 * The numbers that compare two configs.
 *
 * @param podHours pods that existed, times hours: the cost
 * @param secondsUnderCapacity time in which some demand was dropped or queued
 * @param unservedUnits units dropped (requests) or still queued at the end (messages)
 * @param unservedPercent unserved units as a share of all arrivals
 * @param flaps scale events that reversed the previous one within the flap window
 * @param coldStarts scale-ups from zero replicas
 * @param podStarts pods created
 */
public record Summary(long durationSeconds, double podHours, int peakReplicas, int minReplicas,
        double averageReplicas, long secondsUnderCapacity, double unservedUnits, double unservedPercent,
        int scaleUps, int scaleDowns, int flaps, double maxQueue, double maxLagSeconds, int coldStarts,
        int podStarts) {

    public int scaleEvents() {
        return scaleUps + scaleDowns;
    }
}
