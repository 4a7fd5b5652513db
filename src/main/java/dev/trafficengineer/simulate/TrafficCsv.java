package dev.trafficengineer.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a traffic profile from CSV text: one {@code time,rate} row per line. Time is seconds from the start or a
 * duration such as {@code 90s}, {@code 15m}, {@code 2h}, {@code 1d}, or a clock time {@code HH:MM[:SS]}; rate is
 * requests or messages per second. A first line that does not start with a number is a header; blank lines and
 * lines starting with {@code #} are skipped.
 */
public final class TrafficCsv {

    private static final Pattern SECONDS = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(s|m|h|d)");
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,3}):(\\d{2})(?::(\\d{2}))?");

    private TrafficCsv() {
    }

    public static TrafficProfile.Points parse(String text) {
        return parse(null, text);
    }

    /**
     * Parses the CSV text of the file {@code name}; errors start with {@code name:line:} (or {@code traffic line N:}
     * when the name is null), so that a person can go straight to the bad row.
     */
    public static TrafficProfile.Points parse(String name, String text) {
        List<TrafficProfile.Point> points = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("[,;\t]");
            if (points.isEmpty() && !Character.isDigit(cells[0].strip().isEmpty() ? 'x' : cells[0].strip().charAt(0))
                    && i == firstContentLine(lines)) {
                continue;
            }
            if (cells.length < 2) {
                throw new SimulationInputException(where(name, i + 1) + "expected `time,rate`, got \""
                        + line + "\"");
            }
            double time = time(cells[0].strip(), where(name, i + 1));
            double rate;
            try {
                rate = Double.parseDouble(cells[1].strip());
            } catch (NumberFormatException e) {
                throw new SimulationInputException(where(name, i + 1) + "rate \"" + cells[1].strip()
                        + "\" is not a number");
            }
            if (rate < 0 || !Double.isFinite(rate)) {
                throw new SimulationInputException(where(name, i + 1) + "rate must be a non-negative number,"
                        + " got " + cells[1].strip());
            }
            if (!points.isEmpty() && time <= points.get(points.size() - 1).seconds()) {
                throw new SimulationInputException(where(name, i + 1) + "times must increase, "
                        + cells[0].strip() + " does not come after the line before");
            }
            points.add(new TrafficProfile.Point(time, rate));
        }
        if (points.isEmpty()) {
            throw new SimulationInputException(name == null ? "the traffic file has no `time,rate` rows"
                    : name + ": the traffic file has no `time,rate` rows");
        }
        return TrafficProfile.Points.of(points);
    }

    private static String where(String name, int line) {
        return name == null ? "traffic line " + line + ": " : name + ":" + line + ": ";
    }

    private static int firstContentLine(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                return i;
            }
        }
        return -1;
    }

    private static double time(String cell, String where) {
        // a plain number is seconds; checked first because Double.parseDouble takes "1d" for the Java literal 1.0
        if (SECONDS.matcher(cell).matches()) {
            return Double.parseDouble(cell);
        }
        Matcher d = DURATION.matcher(cell);
        if (d.matches()) {
            double n = Double.parseDouble(d.group(1));
            return switch (d.group(2)) {
                case "s" -> n;
                case "m" -> n * 60;
                case "h" -> n * 3600;
                default -> n * 86_400;
            };
        }
        Matcher c = CLOCK.matcher(cell);
        if (c.matches()) {
            return Integer.parseInt(c.group(1)) * 3600.0 + Integer.parseInt(c.group(2)) * 60
                    + (c.group(3) == null ? 0 : Integer.parseInt(c.group(3)));
        }
        throw new SimulationInputException(where + "time \"" + cell
                + "\" is not seconds, a duration (90s, 15m, 2h, 1d) or a clock time (HH:MM)");
    }
}
