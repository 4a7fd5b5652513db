package dev.trafficengineer.rules.keda;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * KEDA's cron syntax: robfig/cron v3 with a parser for exactly five fields (minute hour day-of-month month
 * day-of-week), no seconds field and no descriptors such as {@code @daily} ([K] pkg/scalers/cron_scaler.go;
 * robfig/cron parser.go). {@link #error} returns the parser's message, or null when the schedule parses.
 */
final class CronSchedule {

    private CronSchedule() {}

    private record Bounds(String field, int min, int max, Map<String, Integer> names) {}

    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11),
            Map.entry("dec", 12));
    private static final Map<String, Integer> DAYS = Map.of("sun", 0, "mon", 1, "tue", 2, "wed", 3, "thu", 4,
            "fri", 5, "sat", 6);

    private static final List<Bounds> FIELDS = List.of(new Bounds("minute", 0, 59, Map.of()),
            new Bounds("hour", 0, 23, Map.of()), new Bounds("day of month", 1, 31, Map.of()),
            new Bounds("month", 1, 12, MONTHS), new Bounds("day of week", 0, 6, DAYS));

    /** Go's time.LoadLocation accepts these besides the IANA names. */
    private static final Set<String> GO_ZONES = Set.of("UTC", "Local");

    /** The parse error of a schedule, or null. */
    static String error(String spec) {
        String s = spec.strip();
        if (s.isEmpty()) {
            return "empty spec string";
        }
        if (s.startsWith("TZ=") || s.startsWith("CRON_TZ=")) {
            int space = s.indexOf(' ');
            String zone = s.substring(s.indexOf('=') + 1, space < 0 ? s.length() : space);
            if (!knownZone(zone)) {
                return "provided bad location " + zone + ": unknown time zone " + zone;
            }
            s = space < 0 ? "" : s.substring(space).strip();
        }
        if (s.startsWith("@")) {
            return "parser does not accept descriptors: " + s;
        }
        String[] fields = s.isEmpty() ? new String[0] : s.split("\\s+");
        if (fields.length != 5) {
            return "expected exactly 5 fields, found " + fields.length + ": [" + String.join(" ", fields) + "]";
        }
        for (int i = 0; i < 5; i++) {
            for (String expr : fields[i].split(",", -1)) {
                String e = range(expr, FIELDS.get(i));
                if (e != null) {
                    return e;
                }
            }
        }
        return null;
    }

    /** Whether Go's time.LoadLocation knows the zone (the IANA database, as java.time carries it). */
    static boolean knownZone(String zone) {
        return GO_ZONES.contains(zone) || ZoneId.getAvailableZoneIds().contains(zone);
    }

    private static String range(String expr, Bounds b) {
        String[] rangeAndStep = expr.split("/", -1);
        String[] lowAndHigh = rangeAndStep[0].split("-", -1);
        boolean single = lowAndHigh.length == 1;
        int start;
        int end;
        if (lowAndHigh[0].equals("*") || lowAndHigh[0].equals("?")) {
            start = b.min;
            end = b.max;
        } else {
            Object s = intOrName(lowAndHigh[0], b);
            if (s instanceof String) {
                return (String) s;
            }
            start = (Integer) s;
            if (lowAndHigh.length == 1) {
                end = start;
            } else if (lowAndHigh.length == 2) {
                Object e = intOrName(lowAndHigh[1], b);
                if (e instanceof String) {
                    return (String) e;
                }
                end = (Integer) e;
            } else {
                return "too many hyphens: " + expr;
            }
        }
        int step = 1;
        if (rangeAndStep.length == 2) {
            Object st = integer(rangeAndStep[1]);
            if (st instanceof String) {
                return (String) st;
            }
            step = (Integer) st;
            if (single) {
                end = b.max;
            }
        } else if (rangeAndStep.length > 2) {
            return "too many slashes: " + expr;
        }
        if (start < b.min) {
            return "beginning of range (" + start + ") below minimum (" + b.min + "): " + expr;
        }
        if (end > b.max) {
            return "end of range (" + end + ") above maximum (" + b.max + "): " + expr;
        }
        if (start > end) {
            return "beginning of range (" + start + ") beyond end of range (" + end + "): " + expr;
        }
        if (step == 0) {
            return "step of range should be a positive number: " + expr;
        }
        return null;
    }

    /** An Integer, or the error text as a String. */
    private static Object intOrName(String text, Bounds b) {
        Integer named = b.names.get(text.toLowerCase(java.util.Locale.ROOT));
        return named != null ? named : integer(text);
    }

    private static Object integer(String text) {
        if (!text.matches("[+-]?[0-9]+") || text.length() > 10) {
            return "failed to parse int from " + text + ": strconv.Atoi: parsing \"" + text + "\": invalid syntax";
        }
        long v = Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
        if (v < 0) {
            return "negative number (" + v + ") not allowed: " + text;
        }
        return (int) v;
    }
}
