package dev.trafficengineer.simulate;

import java.util.List;

/**
 * The state of a simulated workload at each step, in columns (seven days at 15 s are 40 320 rows). Rates are per
 * second over the step that starts at {@code seconds[i]}; replica counts are after the controllers acted at that
 * moment; metric values are what the HPA last read (NaN before the first read or when the metric failed).
 */
public final class Timeline {

    private final int stepSeconds;
    private final long[] seconds;
    private final double[] demand;
    private final int[] replicas;
    private final int[] ready;
    private final double[] capacity;
    private final double[] unserved;
    private final double[] queue;
    private final double[] lagSeconds;
    private final List<String> metricNames;
    private final double[][] metrics;
    private final String[] reasons;
    private final String[] events;

    Timeline(int stepSeconds, long[] seconds, double[] demand, int[] replicas, int[] ready, double[] capacity,
            double[] unserved, double[] queue, double[] lagSeconds, List<String> metricNames, double[][] metrics,
            String[] reasons, String[] events) {
        this.stepSeconds = stepSeconds;
        this.seconds = seconds;
        this.demand = demand;
        this.replicas = replicas;
        this.ready = ready;
        this.capacity = capacity;
        this.unserved = unserved;
        this.queue = queue;
        this.lagSeconds = lagSeconds;
        this.metricNames = List.copyOf(metricNames);
        this.metrics = metrics;
        this.reasons = reasons;
        this.events = events;
    }

    public int size() {
        return seconds.length;
    }

    public int stepSeconds() {
        return stepSeconds;
    }

    public long seconds(int i) {
        return seconds[i];
    }

    /** Arrivals per second. */
    public double demand(int i) {
        return demand[i];
    }

    public int replicas(int i) {
        return replicas[i];
    }

    public int ready(int i) {
        return ready[i];
    }

    /** What the ready pods can serve per second. */
    public double capacity(int i) {
        return capacity[i];
    }

    /** Work per second not served in this step (dropped requests). */
    public double unserved(int i) {
        return unserved[i];
    }

    /** Units waiting at the end of the step. */
    public double queue(int i) {
        return queue[i];
    }

    /** Age of the oldest waiting unit at the end of the step. */
    public double lagSeconds(int i) {
        return lagSeconds[i];
    }

    public List<String> metricNames() {
        return metricNames;
    }

    public double metric(int metricIndex, int i) {
        return metrics[metricIndex][i];
    }

    /** The controller reason in force at this step, e.g. ScaleUpLimit or KedaCoolingDown. */
    public String reason(int i) {
        return reasons[i];
    }

    /** A scale event at this step, e.g. "3→5 ScaleUpLimit", or null. */
    public String event(int i) {
        return events[i];
    }
}
