package dev.trafficengineer.simulate;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the durations and times of day people write for a simulation: {@code 90} (seconds), {@code 90s},
 * {@code 15m}, {@code 1h30m}, {@code 1.5h}, {@code 2d}, {@code 250ms}, and clock times {@code HH:MM[:SS]}.
 */
public final class Durations {

    private static final Pattern PLAIN = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");

    private Durations() {
    }

    /**
     * Seconds in a duration ({@code 90}, {@code 90s}, {@code 1h30m}, {@code 250ms}); {@code what} names the value
     * in the error, e.g. {@code --hold}.
     */
    public static double seconds(String text, String what) {
        String t = text == null ? "" : text.strip();
        // matched first: Double.parseDouble would take "2d" for the Java literal 2.0
        if (PLAIN.matcher(t).matches()) {
            return Double.parseDouble(t);
        }
        Matcher m = PART.matcher(t);
        double total = 0;
        int at = 0;
        while (at < t.length() && m.find(at) && m.start() == at) {
            double n = new BigDecimal(m.group(1)).doubleValue();
            total += switch (m.group(2)) {
                case "ms" -> n / 1000;
                case "s" -> n;
                case "m" -> n * 60;
                case "h" -> n * 3600;
                default -> n * 86_400;
            };
            at = m.end();
        }
        if (t.isEmpty() || at != t.length()) {
            throw new SimulationInputException(what + " must be a duration such as 90s, 15m, 1h30m or 2d; got \""
                    + text + "\"");
        }
        return total;
    }

    /** Whole seconds in a duration, or a clock time {@code HH:MM[:SS]} counted from the start of the simulation. */
    public static long wholeSeconds(String text, String what) {
        String t = text == null ? "" : text.strip();
        Matcher c = CLOCK.matcher(t);
        if (c.matches()) {
            return Integer.parseInt(c.group(1)) * 3600L + Integer.parseInt(c.group(2)) * 60L
                    + (c.group(3) == null ? 0 : Integer.parseInt(c.group(3)));
        }
        double s = seconds(t, what);
        if (s != Math.rint(s)) {
            throw new SimulationInputException(what + " must be a whole number of seconds; got \"" + text + "\"");
        }
        return (long) s;
    }

    /** An hour of the day from 0 to 24: {@code 14}, {@code 14.5} or {@code 14:30}. */
    public static double hourOfDay(String text, String what) {
        String t = text == null ? "" : text.strip();
        Matcher c = CLOCK.matcher(t);
        double hour;
        if (c.matches()) {
            hour = Integer.parseInt(c.group(1)) + Integer.parseInt(c.group(2)) / 60.0
                    + (c.group(3) == null ? 0 : Integer.parseInt(c.group(3)) / 3600.0);
        } else {
            try {
                hour = Double.parseDouble(t);
            } catch (NumberFormatException e) {
                hour = Double.NaN;
            }
        }
        if (!(hour >= 0 && hour <= 24)) {
            throw new SimulationInputException(what + " must be an hour of the day from 0 to 24, such as 14 or 14:30;"
                    + " got \"" + text + "\"");
        }
        return hour;
    }
}
