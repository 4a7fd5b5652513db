package dev.trafficengineer.draft;

import dev.trafficengineer.simulate.SimulationRun;

/**
 * The draft's simulation under the stated traffic, and, when asked for, a fixed replica count under the same
 * traffic for comparison ({@code baseline} is null otherwise).
 */
public record DraftSimulation(SimulationRun run, SimulationRun baseline) {}
