package dev.trafficengineer.draft;

import dev.trafficengineer.simulate.SimulationRun;

/**
 * The draft's simulation under the stated traffic, and, when asked for, a fixed replica count under the same
 * traffic for comparison ({@code baseline} is null otherwise). When the draft could not be simulated, {@code run}
 * is null and {@code unavailable} says why.
 */
public record DraftSimulation(SimulationRun run, SimulationRun baseline, String unavailable) {

    static DraftSimulation unavailable(String why) {
        return new DraftSimulation(null, null, why);
    }
}
