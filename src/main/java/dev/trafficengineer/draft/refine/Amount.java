package dev.trafficengineer.draft.refine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number in free text with the unit written after it: {@code 800 rps}, {@code 1.5k req/s}, {@code 300ms},
 * {@code 2 minutes}, {@code 20 replicas}, {@code 500m}, {@code 512Mi}, {@code 24 partitions}, {@code $0.04}.
 * Times are in seconds (milliseconds keep their own unit), rates per second. {@code start} and {@code end} are
 * offsets in the scanned text.
 */
public record Amount(double value, Unit unit, String quantity, int start, int end) {

    /** What the number counts. {@link #M} is a bare {@code m}: minutes or millicores, as the sentence decides. */
    public enum Unit {
        REQUESTS_PER_S, MESSAGES_PER_S, PER_S, MILLISECONDS, SECONDS, M, PERCENT, PODS, CORES, MILLICORES,
        MEMORY, PARTITIONS, MONEY, NONE;

        public boolean rate() {
            return this == REQUESTS_PER_S || this == MESSAGES_PER_S || this == PER_S;
        }

        public boolean time() {
            return this == MILLISECONDS || this == SECONDS || this == M;
        }

        /** {@code rps}, {@code msgs/s} or null: the requirements' {@code traffic.unit}. */
        public String trafficUnit() {
            return this == REQUESTS_PER_S ? "rps" : this == MESSAGES_PER_S ? "msgs/s" : null;
        }
    }

    private record UnitWord(Pattern pattern, Unit unit, double factor) {}

    /** Longest spellings first, so that {@code ms} is not read as {@code m}. */
    private static final List<UnitWord> UNITS = List.of(
            unit("requests? per (?:second|sec)|req(?:uest)?s?\\s?/\\s?s(?:ec)?|rps|qps|quer(?:y|ies) per second"
                    + "|hits per second|calls? per second|calls?/s", Unit.REQUESTS_PER_S, 1),
            unit("requests? per minute|req(?:uest)?s?/min|rpm", Unit.REQUESTS_PER_S, 1.0 / 60),
            unit("messages? per (?:second|sec)|messages?/s(?:ec)?|msgs?\\s?/\\s?s(?:ec)?|mps|events? per second"
                    + "|events?/s|records? per second|records?/s", Unit.MESSAGES_PER_S, 1),
            unit("messages? per minute|msgs?/min", Unit.MESSAGES_PER_S, 1.0 / 60),
            unit("/\\s?s(?:ec)?|per second", Unit.PER_S, 1),
            unit("milliseconds?|millis|msecs?|ms", Unit.MILLISECONDS, 1),
            unit("millicores?|millicpus?|mcpus?", Unit.MILLICORES, 1),
            unit("seconds?|secs?|s", Unit.SECONDS, 1),
            unit("minutes?|mins?", Unit.SECONDS, 60),
            unit("hours?|hrs?|h", Unit.SECONDS, 3600),
            unit("m", Unit.M, 1),
            unit("%|percent|per cent|pct", Unit.PERCENT, 1),
            unit("pods?|replicas?|instances?|consumers?|workers?|copies", Unit.PODS, 1),
            unit("v?cores?|v?cpus?", Unit.CORES, 1),
            unit("[kmgt]i(?:b)?|[kmgt]b", Unit.MEMORY, 1),
            unit("partitions?", Unit.PARTITIONS, 1));

    private static UnitWord unit(String regex, Unit unit, double factor) {
        return new UnitWord(Pattern.compile("(?:" + regex + ")(?![a-z0-9_])"), unit, factor);
    }

    /**
     * A number not glued to a word, a version, a time of day or a host: not {@code p95}, {@code sha-512},
     * {@code 22:00}, {@code 10.0.0.1} or {@code :9092}. An optional {@code k} multiplies by a thousand.
     */
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\w.:/\\\\])(?<![a-z_]-)(?:([$€£])\\s?)?(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?"
                    + "(k\\b|k(?=\\s?(?:rps|req|msg|qps)))?");

    private static final List<String> WORDS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen", "twenty");
    private static final Pattern WORD_NUMBER = Pattern.compile("(?<![\\w-])(" + String.join("|", WORDS)
            + "|thirty|forty|fifty|sixty|ninety|a couple of|a|an|half an?)\\s(?=[a-z])");

    /** Every amount in {@code lower}, which must be lower case. */
    public static List<Amount> scan(String lower) {
        List<Amount> out = new ArrayList<>();
        words(lower, out);
        Matcher m = NUMBER.matcher(lower);
        while (m.find()) {
            int after = m.end();
            if (after < lower.length() && (lower.charAt(after) == ':' || lower.charAt(after) == '.'
                    && after + 1 < lower.length() && Character.isDigit(lower.charAt(after + 1)))) {
                continue; // a time of day or an address
            }
            double value = Double.parseDouble(m.group(2).replace(",", "") + (m.group(3) == null ? "" : m.group(3)));
            if (m.group(4) != null) {
                value *= 1000;
            }
            if (m.group(1) != null) {
                out.add(new Amount(value, Unit.MONEY, null, m.start(), after));
                continue;
            }
            int gap = after;
            while (gap < lower.length() && lower.charAt(gap) == ' ') {
                gap++;
            }
            Amount found = null;
            for (UnitWord u : UNITS) {
                Matcher um = u.pattern().matcher(lower).region(gap, lower.length());
                if (um.lookingAt()) {
                    String quantity = u.unit() == Unit.MEMORY ? memory(m, um.group()) : null;
                    found = new Amount(value * u.factor(), u.unit(), quantity, m.start(), um.end());
                    break;
                }
            }
            if (found == null) {
                if (after < lower.length() && Character.isLetterOrDigit(lower.charAt(after))) {
                    continue; // glued to a word we do not know: "3x", "2nd"
                }
                found = new Amount(value, Unit.NONE, null, m.start(), after);
            }
            out.add(found);
        }
        out.sort(java.util.Comparator.comparingInt(Amount::start));
        return out;
    }

    /**
     * Numbers written as words before a unit: "two minutes", "a minute", "half an hour", "five replicas". "a" and
     * "an" count only before a time ("a pod" is not a replica count).
     */
    private static void words(String lower, List<Amount> out) {
        Matcher m = WORD_NUMBER.matcher(lower);
        while (m.find()) {
            String w = m.group(1);
            double value = switch (w) {
                case "thirty" -> 30;
                case "forty" -> 40;
                case "fifty" -> 50;
                case "sixty" -> 60;
                case "ninety" -> 90;
                case "a couple of" -> 2;
                case "a", "an" -> 1;
                case "half a", "half an" -> 0.5;
                default -> WORDS.indexOf(w);
            };
            for (UnitWord u : UNITS) {
                Matcher um = u.pattern().matcher(lower).region(m.end(), lower.length());
                if (!um.lookingAt()) {
                    continue;
                }
                boolean idiom = w.equals("a") && um.group().startsWith("sec"); // "wait a second" is no duration
                if (u.unit() != Unit.M && u.unit() != Unit.MEMORY && !idiom
                        && (value >= 1 && !w.startsWith("a") || u.unit() == Unit.SECONDS)) {
                    out.add(new Amount(value * u.factor(), u.unit(), null, m.start(), um.end()));
                    break;
                }
            }
        }
    }

    /** 512mi → 512Mi, 2gb → 2G: the Kubernetes spelling (the binary units keep their i). */
    private static String memory(Matcher number, String unit) {
        String u = unit.replace("b", "");
        String prefix = u.substring(0, 1).toUpperCase(Locale.ROOT);
        String n = number.group(2).replace(",", "") + (number.group(3) == null ? "" : number.group(3));
        return n + (prefix.equals("K") && !u.contains("i") ? "k" : prefix) + (u.contains("i") ? "i" : "");
    }

    /** 800 → "800", 0.5 → "0.5", 1234.5678 → "1234.57". */
    public static String format(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.valueOf((long) d);
        }
        String s = String.format(Locale.ROOT, "%.2f", d);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
