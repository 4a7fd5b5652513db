package dev.trafficengineer.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A simulation run as terminal text: a header, sparklines of demand, capacity and replicas, the summary, a table
 * sampled at a round interval, and the scale events. {@link #compare} puts two runs side by side.
 */
public final class TextReport {

    private static final String BARS = "▁▂▃▄▅▆▇█";
    private static final int SPARK_WIDTH = 60;
    private static final int MAX_ROWS = 48;
    private static final int MAX_EVENTS = 20;
    private static final long[] NICE_SECONDS = {15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600,
        43_200, 86_400};

    private TextReport() {
    }

    public static String render(SimulationRun run) {
        StringBuilder out = new StringBuilder();
        header(out, run);
        Timeline tl = run.timeline();
        double rateMax = Math.max(max(tl, Column.DEMAND), max(tl, Column.CAPACITY));
        String unit = run.pods().unit() + "/s";
        out.append('\n');
        out.append(spark("demand", tl, Column.DEMAND, rateMax)).append("  peak ")
                .append(Format.number(max(tl, Column.DEMAND))).append(' ').append(unit).append('\n');
        out.append(spark("capacity", tl, Column.CAPACITY, rateMax)).append("  ready pods × ")
                .append(Format.number(run.pods().capacityPerPod())).append(' ').append(unit).append('\n');
        out.append(spark("replicas", tl, Column.REPLICAS, max(tl, Column.REPLICAS))).append("  peak ")
                .append(run.summary().peakReplicas()).append('\n');
        out.append('\n').append("summary\n");
        for (String[] row : summaryRows(run.summary(), run.pods())) {
            out.append(String.format(Locale.ROOT, "  %-22s %s%n", row[0], row[1]));
        }
        out.append('\n');
        table(out, run);
        events(out, tl);
        return out.toString();
    }

    /** {@link #render(SimulationRun)}, then what was assumed to build the run (one line each). */
    public static String render(SimulationRun run, List<String> assumptions) {
        return render(run) + assumptions("assumptions", assumptions);
    }

    /** {@link #compare(SimulationRun, SimulationRun)}, then what was assumed for each run. */
    public static String compare(SimulationRun before, List<String> assumptionsBefore, SimulationRun after,
            List<String> assumptionsAfter) {
        String out = compare(before, after);
        if (assumptionsBefore.equals(assumptionsAfter)) {
            return out + assumptions("assumptions (A and B)", assumptionsBefore);
        }
        return out + assumptions("assumptions (A)", assumptionsBefore) + assumptions("assumptions (B)",
                assumptionsAfter);
    }

    private static String assumptions(String title, List<String> lines) {
        if (lines.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\n").append(title).append('\n');
        for (String l : lines) {
            out.append("  - ").append(l).append('\n');
        }
        return out.toString();
    }

    /** Two runs over the same traffic: summaries side by side with the change, and both replica sparklines. */
    public static String compare(SimulationRun before, SimulationRun after) {
        StringBuilder out = new StringBuilder();
        out.append("compare: ").append(before.label()).append("  vs  ").append(after.label()).append('\n');
        out.append("traffic: ").append(before.trafficDescription()).append(", ")
                .append(Format.duration(before.summary().durationSeconds())).append(" in ")
                .append(before.timeline().stepSeconds()).append("s steps\n\n");
        Timeline a = before.timeline();
        Timeline b = after.timeline();
        double rateMax = Math.max(max(a, Column.DEMAND), Math.max(max(a, Column.CAPACITY), max(b, Column.CAPACITY)));
        int replicaMax = Math.max(before.summary().peakReplicas(), after.summary().peakReplicas());
        out.append(spark("demand", a, Column.DEMAND, rateMax)).append('\n');
        out.append(spark("capacity A", a, Column.CAPACITY, rateMax)).append('\n');
        out.append(spark("capacity B", b, Column.CAPACITY, rateMax)).append('\n');
        out.append(spark("replicas A", a, Column.REPLICAS, replicaMax)).append('\n');
        out.append(spark("replicas B", b, Column.REPLICAS, replicaMax)).append('\n');
        out.append('\n');
        List<String[]> rowsA = summaryRows(before.summary(), before.pods());
        List<String[]> rowsB = summaryRows(after.summary(), after.pods());
        double[] valuesA = summaryValues(before.summary());
        double[] valuesB = summaryValues(after.summary());
        int width = Math.max(before.label().length(), after.label().length()) + 3;
        for (int i = 0; i < rowsA.size(); i++) {
            width = Math.max(width, Math.max(rowsA.get(i)[1].length(), rowsB.get(i)[1].length()));
        }
        String format = "  %-22s %" + width + "s  %" + width + "s  %s%n";
        out.append(String.format(Locale.ROOT, format, "", "A: " + before.label(), "B: " + after.label(), "change"));
        for (int i = 0; i < rowsA.size(); i++) {
            out.append(String.format(Locale.ROOT, format, rowsA.get(i)[0], rowsA.get(i)[1], rowsB.get(i)[1],
                    change(valuesA[i], valuesB[i])));
        }
        return out.toString();
    }

    private static String change(double a, double b) {
        if (a == b) {
            return "same";
        }
        if (a == 0) {
            return "+" + Format.number(b);
        }
        double pct = (b - a) * 100 / a;
        return (pct > 0 ? "+" : "") + Format.fixed(pct, 1) + "%";
    }

    private static void header(StringBuilder out, SimulationRun run) {
        PodModel p = run.pods();
        out.append("simulate: ").append(run.label()).append('\n');
        out.append("traffic: ").append(run.trafficDescription()).append(", ")
                .append(Format.duration(run.summary().durationSeconds())).append(" in ")
                .append(run.timeline().stepSeconds()).append("s steps\n");
        out.append("pods: ").append(Format.number(p.capacityPerPod())).append(' ').append(p.unit())
                .append("/s each, ").append(p.work() == PodModel.WorkKind.REQUESTS ? "excess dropped"
                        : "excess queued").append(", start ").append(p.startupSeconds()).append("s, ready after ")
                .append(p.readinessSeconds()).append("s, metrics ").append(p.metricsDelaySeconds())
                .append("s old\n");
    }

    static List<String[]> summaryRows(Summary s, PodModel pods) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"pod-hours", Format.fixed(s.podHours(), 2)});
        rows.add(new String[] {"peak replicas", Integer.toString(s.peakReplicas())});
        rows.add(new String[] {"lowest replicas", Integer.toString(s.minReplicas())});
        rows.add(new String[] {"average replicas", Format.fixed(s.averageReplicas(), 2)});
        rows.add(new String[] {"time under capacity", Format.duration(s.secondsUnderCapacity())});
        rows.add(new String[] {pods.work() == PodModel.WorkKind.REQUESTS ? "unserved " + pods.unit()
                : "queued at end (" + pods.unit() + ")", Format.fixed(s.unservedUnits(), 0) + " ("
                        + Format.fixed(s.unservedPercent(), 2) + "%)"});
        rows.add(new String[] {"scale events", s.scaleEvents() + " (" + s.scaleUps() + " up, " + s.scaleDowns()
                + " down)"});
        rows.add(new String[] {"flaps", Integer.toString(s.flaps())});
        rows.add(new String[] {"max queue (" + pods.unit() + ")", Format.fixed(s.maxQueue(), 0)});
        rows.add(new String[] {"max lag", Format.fixed(s.maxLagSeconds(), 0) + "s"});
        rows.add(new String[] {"cold starts", Integer.toString(s.coldStarts())});
        rows.add(new String[] {"pods started", Integer.toString(s.podStarts())});
        return rows;
    }

    private static double[] summaryValues(Summary s) {
        return new double[] {s.podHours(), s.peakReplicas(), s.minReplicas(), s.averageReplicas(),
            s.secondsUnderCapacity(), s.unservedUnits(), s.scaleEvents(), s.flaps(), s.maxQueue(), s.maxLagSeconds(),
            s.coldStarts(), s.podStarts()};
    }

    private static void table(StringBuilder out, SimulationRun run) {
        Timeline tl = run.timeline();
        long duration = run.summary().durationSeconds();
        long every = NICE_SECONDS[NICE_SECONDS.length - 1];
        for (long nice : NICE_SECONDS) {
            if (nice % tl.stepSeconds() == 0 && duration / nice <= MAX_ROWS) {
                every = nice;
                break;
            }
        }
        out.append("every ").append(Format.duration(every)).append('\n');
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-12s %10s %10s %8s %6s %10s %9s %6s",
                "time", "demand/s", "capacity/s", "replicas", "ready", "unserved/s", "queue", "lag s"));
        for (String name : tl.metricNames()) {
            head.append(String.format(Locale.ROOT, " %10s", abbreviate(name, 10)));
        }
        out.append(head).append("  reason\n");
        for (int i = 0; i < tl.size(); i++) {
            if (tl.seconds(i) % every != 0) {
                continue;
            }
            out.append(String.format(Locale.ROOT, "%-12s %10s %10s %8d %6d %10s %9s %6s", Format.clock(tl.seconds(i)),
                    Format.fixed(tl.demand(i), 1), Format.fixed(tl.capacity(i), 1), tl.replicas(i), tl.ready(i),
                    Format.fixed(tl.unserved(i), 1), Format.fixed(tl.queue(i), 0), Format.fixed(tl.lagSeconds(i), 0)));
            for (int m = 0; m < tl.metricNames().size(); m++) {
                double v = tl.metric(m, i);
                out.append(String.format(Locale.ROOT, " %10s", Double.isNaN(v) ? "-" : Format.number(v)));
            }
            out.append("  ").append(tl.reason(i)).append('\n');
        }
    }

    private static String abbreviate(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }

    private static void events(StringBuilder out, Timeline tl) {
        List<String> lines = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < tl.size(); i++) {
            if (tl.event(i) != null) {
                total++;
                if (lines.size() < MAX_EVENTS) {
                    lines.add(String.format(Locale.ROOT, "  %-12s %s", Format.clock(tl.seconds(i)), tl.event(i)));
                }
            }
        }
        out.append('\n').append("scale events");
        if (total > lines.size()) {
            out.append(" (first ").append(lines.size()).append(" of ").append(total).append(')');
        }
        out.append('\n');
        if (lines.isEmpty()) {
            out.append("  none\n");
        }
        for (String l : lines) {
            out.append(l).append('\n');
        }
    }

    enum Column { DEMAND, CAPACITY, REPLICAS }

    static double value(Timeline tl, Column c, int i) {
        return switch (c) {
            case DEMAND -> tl.demand(i);
            case CAPACITY -> tl.capacity(i);
            case REPLICAS -> tl.replicas(i);
        };
    }

    static double max(Timeline tl, Column c) {
        double m = 0;
        for (int i = 0; i < tl.size(); i++) {
            m = Math.max(m, value(tl, c, i));
        }
        return m;
    }

    /**
     * One sparkline row: each character a bucket of steps, its height the bucket's maximum (for capacity its
     * minimum, so a short shortfall stays visible) on a scale from 0 to {@code scaleMax}.
     */
    static String spark(String name, Timeline tl, Column c, double scaleMax) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-11s", name));
        int width = Math.min(SPARK_WIDTH, tl.size());
        for (int b = 0; b < width; b++) {
            int from = (int) ((long) b * tl.size() / width);
            int to = (int) ((long) (b + 1) * tl.size() / width);
            double v = c == Column.CAPACITY ? Double.MAX_VALUE : 0;
            for (int i = from; i < to; i++) {
                v = c == Column.CAPACITY ? Math.min(v, value(tl, c, i)) : Math.max(v, value(tl, c, i));
            }
            int level = scaleMax <= 0 ? 0 : (int) Math.round(v / scaleMax * (BARS.length() - 1));
            s.append(BARS.charAt(Math.max(0, Math.min(BARS.length() - 1, level))));
        }
        return s.toString();
    }
}
