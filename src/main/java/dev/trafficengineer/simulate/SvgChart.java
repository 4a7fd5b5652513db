package dev.trafficengineer.simulate;

import java.util.List;
import java.util.Locale;

/**
 * A simulation run as a standalone SVG chart: demand and capacity (work per second, left axis) and replicas (right
 * axis) over time, unserved demand shaded, with a title, the summary, axis titles with units and a legend.
 * {@link #compare} stacks two runs on the same scales. Long runs are reduced to one value per pixel column: the
 * maximum for demand and replicas, the minimum for capacity, so that short peaks and shortfalls stay visible.
 */
public final class SvgChart {

    private static final int WIDTH = 960;
    private static final int PANEL_HEIGHT = 360;
    private static final int LEFT = 78;
    private static final int RIGHT = 70;
    private static final int TOP = 82;
    private static final int BOTTOM = 58;
    private static final String DEMAND_COLOR = "#1f6fd1";
    private static final String CAPACITY_COLOR = "#2e9e5b";
    private static final String REPLICA_COLOR = "#e07b00";
    private static final String UNSERVED_COLOR = "#d62728";

    private SvgChart() {
    }

    public static String render(SimulationRun run) {
        Scales scales = Scales.of(List.of(run));
        StringBuilder svg = open(PANEL_HEIGHT + 24);
        panel(svg, run, scales, 0, run.label());
        return close(svg);
    }

    /** Two runs stacked on shared scales, e.g. before and after a refinement, or against a fixed count. */
    public static String compare(SimulationRun before, SimulationRun after) {
        Scales scales = Scales.of(List.of(before, after));
        StringBuilder svg = open(2 * PANEL_HEIGHT + 24);
        panel(svg, before, scales, 0, "A: " + before.label());
        panel(svg, after, scales, PANEL_HEIGHT, "B: " + after.label());
        return close(svg);
    }

    private static StringBuilder open(int height) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        return svg;
    }

    private static String close(StringBuilder svg) {
        return svg.append("</svg>\n").toString();
    }

    /** The axis ranges shared by every panel of one chart. */
    private record Scales(long duration, double rateMax, double replicaMax) {
        static Scales of(List<SimulationRun> runs) {
            long duration = 1;
            double rate = 0;
            double replicas = 1;
            for (SimulationRun r : runs) {
                duration = Math.max(duration, r.summary().durationSeconds());
                rate = Math.max(rate, Math.max(TextReport.max(r.timeline(), TextReport.Column.DEMAND),
                        TextReport.max(r.timeline(), TextReport.Column.CAPACITY)));
                replicas = Math.max(replicas, r.summary().peakReplicas());
            }
            return new Scales(duration, niceCeiling(rate <= 0 ? 1 : rate), niceCeiling(replicas));
        }
    }

    private static void panel(StringBuilder svg, SimulationRun run, Scales scales, int offsetY, String title) {
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = PANEL_HEIGHT - TOP - BOTTOM;
        int x0 = LEFT;
        int y0 = offsetY + TOP;
        Summary s = run.summary();
        String unit = run.pods().unit() + "/s";

        svg.append("<text x=\"").append(LEFT).append("\" y=\"").append(offsetY + 22)
                .append("\" font-size=\"15\" font-weight=\"bold\">").append(escape(title + " — "
                        + run.trafficDescription())).append("</text>\n");
        svg.append("<text x=\"").append(LEFT).append("\" y=\"").append(offsetY + 40).append("\" fill=\"#444\">")
                .append(escape(String.format(Locale.ROOT,
                        "%s pod-hours · peak %d replicas · %s under capacity · %s%% unserved · %d scale events · %d"
                                + " flaps · max lag %ss", Format.fixed(s.podHours(), 1), s.peakReplicas(),
                        Format.duration(s.secondsUnderCapacity()), Format.fixed(s.unservedPercent(), 2),
                        s.scaleEvents(), s.flaps(), Format.fixed(s.maxLagSeconds(), 0))))
                .append("</text>\n");

        // grid and axes
        svg.append("<g stroke=\"#e3e3e3\" stroke-width=\"1\">\n");
        double[] rateTicks = ticks(scales.rateMax());
        for (double v : rateTicks) {
            double y = y0 + plotH - v / scales.rateMax() * plotH;
            svg.append(line(x0, y, x0 + plotW, y));
        }
        svg.append("</g>\n");
        svg.append("<g fill=\"#333\" text-anchor=\"end\">\n");
        for (double v : rateTicks) {
            double y = y0 + plotH - v / scales.rateMax() * plotH;
            svg.append(text(x0 - 6, y + 4, Format.number(v)));
        }
        svg.append("</g>\n<g fill=\"").append(REPLICA_COLOR).append("\" text-anchor=\"start\">\n");
        for (double v : ticks(scales.replicaMax())) {
            double y = y0 + plotH - v / scales.replicaMax() * plotH;
            svg.append(text(x0 + plotW + 6, y + 4, Format.number(v)));
        }
        svg.append("</g>\n");
        long tickEvery = timeTick(scales.duration());
        boolean days = tickEvery >= 86_400;
        svg.append("<g fill=\"#333\" text-anchor=\"middle\">\n");
        for (long t = 0; t <= scales.duration(); t += tickEvery) {
            double x = x0 + (double) t / scales.duration() * plotW;
            svg.append(text(x, y0 + plotH + 18, days ? "day " + (t / 86_400) : Format.number(t / 3600.0) + "h"));
        }
        svg.append("</g>\n");
        svg.append("<g stroke=\"#555\" stroke-width=\"1\">").append(line(x0, y0 + plotH, x0 + plotW, y0 + plotH))
                .append(line(x0, y0, x0, y0 + plotH)).append(line(x0 + plotW, y0, x0 + plotW, y0 + plotH))
                .append("</g>\n");
        svg.append(String.format(Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#333\">time since start (%s)</text>%n",
                x0 + plotW / 2, y0 + plotH + 38, days ? "days" : "hours"));
        svg.append(String.format(Locale.ROOT, "<text transform=\"translate(%d %d) rotate(-90)\" "
                + "text-anchor=\"middle\" fill=\"#333\">%s</text>%n", 22, y0 + plotH / 2, escape(unit)));
        svg.append(String.format(Locale.ROOT, "<text transform=\"translate(%d %d) rotate(90)\" "
                + "text-anchor=\"middle\" fill=\"%s\">replicas</text>%n", WIDTH - 18, y0 + plotH / 2, REPLICA_COLOR));

        // series, one value per pixel column
        Timeline tl = run.timeline();
        int columns = Math.min(plotW, tl.size());
        double[] demand = new double[columns];
        double[] capacity = new double[columns];
        double[] replicas = new double[columns];
        double[] xs = new double[columns + 1];
        for (int c = 0; c < columns; c++) {
            int from = (int) ((long) c * tl.size() / columns);
            int to = Math.max(from + 1, (int) ((long) (c + 1) * tl.size() / columns));
            double d = 0;
            double cap = Double.MAX_VALUE;
            double r = 0;
            for (int i = from; i < to; i++) {
                d = Math.max(d, tl.demand(i));
                cap = Math.min(cap, tl.capacity(i));
                r = Math.max(r, tl.replicas(i));
            }
            demand[c] = d;
            capacity[c] = cap;
            replicas[c] = r;
            xs[c] = x0 + (double) tl.seconds(from) / scales.duration() * plotW;
        }
        xs[columns] = x0 + (double) Math.min(scales.duration(), s.durationSeconds()) / scales.duration() * plotW;

        // unserved: the band between capacity and demand where demand is higher
        StringBuilder unserved = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            if (demand[c] > capacity[c]) {
                double top = y0 + plotH - demand[c] / scales.rateMax() * plotH;
                double bottom = y0 + plotH - capacity[c] / scales.rateMax() * plotH;
                unserved.append(String.format(Locale.ROOT, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\"/>",
                        n(xs[c]), n(top), n(Math.max(0.5, xs[c + 1] - xs[c])), n(bottom - top)));
            }
        }
        svg.append("<g fill=\"").append(UNSERVED_COLOR).append("\" fill-opacity=\"0.35\">").append(unserved)
                .append("</g>\n");
        svg.append("<path fill=\"").append(CAPACITY_COLOR).append("\" fill-opacity=\"0.18\" stroke=\"")
                .append(CAPACITY_COLOR).append("\" stroke-width=\"1.5\" d=\"")
                .append(stepPath(xs, capacity, scales.rateMax(), y0, plotH, true)).append("\"/>\n");
        svg.append("<polyline fill=\"none\" stroke=\"").append(DEMAND_COLOR).append("\" stroke-width=\"1.8\" points=\"")
                .append(points(xs, demand, scales.rateMax(), y0, plotH)).append("\"/>\n");
        svg.append("<path fill=\"none\" stroke=\"").append(REPLICA_COLOR)
                .append("\" stroke-width=\"1.8\" stroke-dasharray=\"6 3\" d=\"")
                .append(stepPath(xs, replicas, scales.replicaMax(), y0, plotH, false)).append("\"/>\n");

        legend(svg, x0, offsetY + 62, unit);
    }

    /** One row of legend entries above the plot, so it never hides data. */
    private static void legend(StringBuilder svg, int x, int y, String unit) {
        String[][] items = {
            {DEMAND_COLOR, "line", "demand (" + unit + ")"},
            {CAPACITY_COLOR, "area", "capacity of ready pods (" + unit + ")"},
            {UNSERVED_COLOR, "area", "demand not served in time"},
            {REPLICA_COLOR, "dash", "replicas (right axis)"}};
        int[] widths = {150, 250, 200, 160};
        int lx = x;
        for (int i = 0; i < items.length; i++) {
            if (items[i][1].equals("area")) {
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"20\" height=\"10\" "
                        + "fill=\"%s\" fill-opacity=\"0.4\"/>", lx, y - 9, items[i][0]));
            } else {
                svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
                        + "stroke=\"%s\" stroke-width=\"2.5\"%s/>", lx, y - 4, lx + 20, y - 4, items[i][0],
                        items[i][1].equals("dash") ? " stroke-dasharray=\"6 3\"" : ""));
            }
            svg.append(text(lx + 26, y, items[i][2])).append('\n');
            lx += widths[i];
        }
    }

    private static String points(double[] xs, double[] v, double max, int y0, int plotH) {
        StringBuilder p = new StringBuilder();
        for (int c = 0; c < v.length; c++) {
            double y = y0 + plotH - v[c] / max * plotH;
            p.append(c == 0 ? "" : " ").append(n(xs[c])).append(',').append(n(y));
        }
        if (v.length > 0) {
            p.append(' ').append(n(xs[v.length])).append(',').append(n(y0 + plotH - v[v.length - 1] / max * plotH));
        }
        return p.toString();
    }

    /** A step line (value held until the next column); closed down to the axis when {@code area}. */
    private static String stepPath(double[] xs, double[] v, double max, int y0, int plotH, boolean area) {
        StringBuilder p = new StringBuilder();
        double base = y0 + plotH;
        for (int c = 0; c < v.length; c++) {
            double y = base - v[c] / max * plotH;
            if (c == 0) {
                p.append(area ? "M" + n(xs[0]) + "," + n(base) + " L" : "M").append(n(xs[0])).append(',').append(n(y));
            } else {
                p.append(" L").append(n(xs[c])).append(',').append(n(y));
            }
            p.append(" L").append(n(xs[c + 1])).append(',').append(n(y));
        }
        if (area && v.length > 0) {
            p.append(" L").append(n(xs[v.length])).append(',').append(n(base)).append(" Z");
        }
        return p.toString();
    }

    private static String line(double x1, double y1, double x2, double y2) {
        return "<line x1=\"" + n(x1) + "\" y1=\"" + n(y1) + "\" x2=\"" + n(x2) + "\" y2=\"" + n(y2) + "\"/>";
    }

    private static String text(double x, double y, String s) {
        return "<text x=\"" + n(x) + "\" y=\"" + n(y) + "\">" + escape(s) + "</text>";
    }

    private static String n(double v) {
        return Format.fixed(v, 1);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The smallest 1, 2 or 5 × 10^k at or above {@code v}. */
    static double niceCeiling(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * magnitude >= v) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** Five evenly spaced ticks from 0 to a nice maximum. */
    static double[] ticks(double max) {
        double[] t = new double[6];
        for (int i = 0; i <= 5; i++) {
            t[i] = max * i / 5;
        }
        return t;
    }

    private static long timeTick(long duration) {
        long[] candidates = {900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800};
        for (long c : candidates) {
            if (duration / c <= 12) {
                return c;
            }
        }
        return 604_800;
    }
}
