package dev.trafficengineer.chat;

import dev.trafficengineer.draft.Resolved;
import dev.trafficengineer.draft.refine.Intent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short answers to the question just asked: "80" to "how many requests can one pod handle", "yes" to "should it
 * scale to zero", "orders" to "which topic". A message that is more than a short answer is read as free text
 * instead ({@link dev.trafficengineer.draft.refine.Feedback}), so "max 20 replicas" still means what it says
 * whatever was asked.
 */
final class Answers {

    /** What a short answer means. */
    sealed interface Reading {
        /** Keep the default, as Enter does ("ok", "sure"). */
        record Accept() implements Reading {}

        /** The answer, as intents. */
        record Says(List<Intent> intents) implements Reading {}
    }

    private static final Pattern YES = Pattern.compile("(?:y|yes|yeah|yep|yup|sure|please do|do it|ok(?:ay)?"
            + "|fine|that's fine|sounds good|correct|right|go ahead|default|keep it|keep that|that works)[.!]*");
    private static final Pattern NO = Pattern.compile("(?:n|no|nope|nah|never|no thanks|not really|none|neither"
            + "|no limits?|nothing)[.!]*");
    private static final String ABOUT = "(?:about|around|roughly|approximately|approx\\.?|~|maybe|say|at most|up to"
            + "|under|below|less than|<)?\\s?";
    private static final Pattern NUMBER = Pattern.compile(ABOUT + "(\\d[\\d,]*(?:\\.\\d+)?k?)\\s?([a-z/%. ]*?)\\s?"
            + "(?:each|per pod|a pod|per second|per consumer)?[.!]?");
    private static final Pattern LABEL = Pattern.compile("[`'\"]?([a-z0-9](?:[-a-z0-9]*[a-z0-9])?)[`'\"]?");
    private static final Pattern WORKLOAD = Pattern.compile(LABEL.pattern() + "(?:\\s?(?:,|in|in namespace|in the"
            + "|namespace|ns|/)\\s?" + LABEL.pattern() + "(?:\\s(?:namespace|ns))?)?[.!]?");
    private static final Pattern TOKEN = Pattern.compile("[`'\"]?([a-zA-Z0-9](?:[-a-zA-Z0-9._]*[a-zA-Z0-9])?)[`'\"]?");
    private static final Pattern TOPIC_GROUP = Pattern.compile(TOKEN.pattern() + "(?:\\s?(?:,|/|and|with group"
            + "|with consumer group|group|consumer group)\\s?" + TOKEN.pattern() + ")?[.!]?");

    private Answers() {}

    /** The answer to {@code q}, or empty when the message is not a short answer to it. */
    static Optional<Reading> read(Question q, String message, Resolved r) {
        String t = message.strip().toLowerCase(Locale.ROOT);
        if (q == Question.COLD_START) {
            if (YES.matcher(t).matches()) {
                return says(new Intent.ScaleToZero());
            }
            if (NO.matcher(t).matches()) {
                return says(new Intent.NoColdStarts());
            }
        } else if (YES.matcher(t).matches() || q == Question.BOUNDS && NO.matcher(t).matches()) {
            return Optional.of(new Reading.Accept());
        }
        return switch (q) {
            case WORKLOAD -> workload(message.strip());
            case TYPE -> type(t);
            case PEAK -> rate(t, r).map(v -> new Intent.PeakRate(v, unit(t, r))).flatMap(Answers::says);
            case PER_POD -> rate(t, r).map(v -> new Intent.PerPodCapacity(v, unit(t, r))).flatMap(Answers::says);
            case BASELINE -> baseline(t, r);
            case LATENCY -> duration(t, true).map(ms -> (Intent) new Intent.LatencyTarget(ms)).flatMap(Answers::says);
            case STARTUP -> duration(t, false).map(s -> (Intent) new Intent.StartupTime(s)).flatMap(Answers::says);
            case MAX_DELAY -> duration(t, false).map(s -> (Intent) new Intent.MaxDelay(s)).flatMap(Answers::says);
            case SOURCE -> source(t);
            case KAFKA_TOPIC -> topic(message.strip());
            case PARTITIONS -> count(t).map(n -> (Intent) new Intent.Partitions(n)).flatMap(Answers::says);
            case KAFKA_AUTH -> auth(t);
            default -> Optional.empty();
        };
    }

    private static Optional<Reading> says(Intent... intents) {
        return Optional.of(new Reading.Says(List.of(intents)));
    }

    private static Optional<Reading> workload(String message) {
        Matcher m = WORKLOAD.matcher(message.toLowerCase(Locale.ROOT));
        if (!m.matches() || m.group(1).length() > 63
                || m.group(1).matches("\\d+|yes|no|ok|okay|none|http|https|api|web|kafka|default|skip|queue|batch|hello|hi"
                        + "|hey|thanks|thank-you|help|what|why|how|later|dunno|idk")) {
            return Optional.empty();
        }
        List<Intent> out = new ArrayList<>();
        if (m.group(2) != null && message.contains("/")) {
            out.add(new Intent.Namespace(m.group(1)));
            out.add(new Intent.WorkloadName(m.group(2)));
        } else {
            out.add(new Intent.WorkloadName(m.group(1)));
            if (m.group(2) != null) {
                out.add(new Intent.Namespace(m.group(2)));
            }
        }
        return Optional.of(new Reading.Says(out));
    }

    private static Optional<Reading> type(String t) {
        if (t.matches(".*\\b(?:stream|streams|streaming)\\b.*")) {
            return says(new Intent.WorkloadType("stream"));
        }
        if (t.matches(".*\\b(?:queue|consumer|worker|kafka|messages|subscriber)\\b.*")) {
            return says(new Intent.WorkloadType("queue"));
        }
        if (t.matches(".*\\b(?:batch|jobs?)\\b.*")) {
            return says(new Intent.WorkloadType("batch"));
        }
        if (t.matches(".*\\b(?:http|https|api|web|rest|grpc|service|website|requests)\\b.*")
                && t.split("\\s+").length <= 4) {
            return says(new Intent.WorkloadType("http"));
        }
        return Optional.empty();
    }

    /** A bare rate: "80", "about 1.5k", "120 rps". */
    private static Optional<Double> rate(String t, Resolved r) {
        Matcher m = NUMBER.matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        String unit = m.group(2).strip();
        if (!unit.isEmpty() && !unit.matches("rps|qps|req/s|reqs/s|requests|requests/s|requests per second"
                + "|msgs/s|msg/s|messages|messages/s|messages per second|/s")) {
            return Optional.empty();
        }
        return Optional.of(value(m.group(1)));
    }

    private static String unit(String t, Resolved r) {
        if (t.matches(".*\\b(?:msgs?|messages?)\\b.*")) {
            return "msgs/s";
        }
        if (t.matches(".*\\b(?:rps|qps|req|reqs|requests?)\\b.*")) {
            return "rps";
        }
        return null;
    }

    private static Optional<Reading> baseline(String t, Resolved r) {
        Matcher percent = Pattern.compile(ABOUT + "(\\d+(?:\\.\\d+)?)\\s?%(?: of (?:the )?peak)?[.!]?").matcher(t);
        if (percent.matches() && r != null) {
            double v = Math.round(r.traffic().peak() * Double.parseDouble(percent.group(1))) / 100.0;
            return says(new Intent.BaselineRate(v, null));
        }
        return rate(t, r).map(v -> (Intent) new Intent.BaselineRate(v, unit(t, r))).flatMap(Answers::says);
    }

    /** "300", "300 ms", "2 s", "40 seconds", "2 minutes": milliseconds when {@code millis}, else seconds. */
    private static Optional<Integer> duration(String t, boolean millis) {
        Matcher m = NUMBER.matcher(t.replaceFirst("^p9[59]\\s?", ""));
        if (!m.matches()) {
            return Optional.empty();
        }
        double v = value(m.group(1));
        String unit = m.group(2).strip();
        double seconds;
        if (unit.isEmpty()) {
            return Optional.of((int) Math.round(v));
        } else if (unit.matches("ms|msec|millis|milliseconds?")) {
            seconds = v / 1000;
        } else if (unit.matches("s|sec|secs|seconds?")) {
            seconds = v;
        } else if (unit.matches("m|min|mins|minutes?")) {
            seconds = v * 60;
        } else {
            return Optional.empty();
        }
        return Optional.of((int) Math.round(millis ? seconds * 1000 : Math.ceil(seconds)));
    }

    private static Optional<Integer> count(String t) {
        Matcher m = NUMBER.matcher(t);
        if (!m.matches() || !m.group(2).strip().matches("|partitions?")) {
            return Optional.empty();
        }
        return Optional.of((int) value(m.group(1)));
    }

    private static Optional<Reading> source(String t) {
        if (t.split("\\s+").length > 5) {
            return Optional.empty();
        }
        if (t.matches(".*\\bcpu\\b.*") && t.matches(".*\\bmemory\\b.*")) {
            return says(new Intent.MetricSource("cpu-memory"));
        }
        if (t.matches(".*\\b(?:kafka|lag)\\b.*")) {
            return says(new Intent.MetricSource("kafka"));
        }
        if (t.matches(".*\\b(?:latency|histogram)\\b.*")) {
            return says(new Intent.MetricSource("prometheus-latency"));
        }
        if (t.matches(".*\\b(?:rate|requests|rps|prometheus)\\b.*")) {
            return says(new Intent.MetricSource("prometheus-rate"));
        }
        if (t.matches(".*\\bcpu\\b.*")) {
            return says(new Intent.MetricSource("cpu"));
        }
        if (t.matches(".*\\bmemory\\b.*")) {
            return says(new Intent.MetricSource("memory"));
        }
        if (t.matches(".*\\b(?:cron|schedule|clock)\\b.*")) {
            return says(new Intent.MetricSource("cron"));
        }
        return Optional.empty();
    }

    private static Optional<Reading> topic(String message) {
        Matcher m = TOPIC_GROUP.matcher(message);
        if (!m.matches() || message.toLowerCase(Locale.ROOT).matches(".*\\b(?:topic|partitions?|sasl|tls)\\b.*")) {
            return Optional.empty();
        }
        List<Intent> out = new ArrayList<>();
        out.add(new Intent.KafkaTopic(m.group(1)));
        if (m.group(2) != null) {
            out.add(new Intent.ConsumerGroup(m.group(2)));
        }
        return Optional.of(new Reading.Says(out));
    }

    private static Optional<Reading> auth(String t) {
        if (NO.matcher(t).matches() || t.matches("(?:no|neither|none|plain ?text)(?: of them)?[.!]?")) {
            return says(new Intent.Sasl("none"), new Intent.Tls(false));
        }
        if (t.matches("(?:both|sasl and tls|tls and sasl|yes,? both)[.!]?")) {
            return says(new Intent.Sasl("scram_sha512"), new Intent.Tls(true));
        }
        if (t.matches("(?:just |only )?tls(?: only)?[.!]?")) {
            return says(new Intent.Sasl("none"), new Intent.Tls(true));
        }
        return Optional.empty();
    }

    private static double value(String number) {
        String n = number.replace(",", "");
        double factor = 1;
        if (n.endsWith("k")) {
            factor = 1000;
            n = n.substring(0, n.length() - 1);
        }
        return Double.parseDouble(n) * factor;
    }
}
