package dev.trafficengineer.draft.refine;

import dev.trafficengineer.draft.refine.Amount.Unit;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules behind {@link Feedback#parse}. The text is cut into clauses (at sentence ends, commas and "and"/"but");
 * each number is read with its unit and given a meaning by the cue words of its clause ("at night" makes a rate
 * the baseline, "max" makes a count the replica maximum, "start" makes a time the start-up). Phrases ("no cold
 * starts", "use p99") and names ("topic orders", "namespace shop") are matched as patterns. A clause in which
 * nothing matched is returned as {@link Intent.Unknown}. The rules prefer saying "not understood" to guessing: a
 * number without a cue means nothing.
 */
final class FeedbackParser {

    private record Found(int at, Intent intent) {}

    private record Clause(int start, int end, String text) {}

    private final String original;
    private final String lower;
    private final List<Clause> clauses;
    private final List<Amount> amounts;
    private final Set<Amount> used = new LinkedHashSet<>();
    private final List<Found> found = new ArrayList<>();
    private final boolean[] understood;

    FeedbackParser(String text) {
        this.original = text;
        this.lower = normalise(text);
        this.clauses = clauses(lower);
        this.amounts = Amount.scan(lower);
        this.understood = new boolean[clauses.size()];
    }

    /** Lower case, and dashes and quotes of every kind as ASCII, keeping every offset. */
    private static String normalise(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u2010' || c == '\u2011' || c == '\u2012' || c == '\u2013' || c == '\u2014') {
                c = '-';
            } else if (c == '\u2018' || c == '\u2019') {
                c = '\'';
            } else if (c == '\u201c' || c == '\u201d') {
                c = '"';
            }
            b.append(Character.toLowerCase(c));
        }
        return b.toString();
    }

    // ---------------------------------------------------------------------------------------------------- clauses

    /** Sentence ends, semicolons, commas between words, and the words and/but/while. */
    private static final Pattern CLAUSE_BREAK = Pattern.compile(
            "[.!?](?=\\s|$)|[;\\n]|,(?!\\d{3})|\\s(?:and|but|while|whereas|though|although)\\s");

    private static List<Clause> clauses(String lower) {
        List<Clause> out = new ArrayList<>();
        Matcher m = CLAUSE_BREAK.matcher(lower);
        int start = 0;
        while (m.find()) {
            add(out, lower, start, m.start());
            start = m.end();
        }
        add(out, lower, start, lower.length());
        return out;
    }

    private static void add(List<Clause> out, String lower, int start, int end) {
        while (start < end && Character.isWhitespace(lower.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(lower.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(new Clause(start, end, canonical(lower.substring(start, end))));
        }
    }

    /**
     * One spelling for the phrases the rules look for: "scale-down", "scaling down", "downscaling" and "scale in"
     * all read {@code scaledown}; likewise {@code scaleup}; "cold-start" reads "cold start". The result is only
     * matched against, never cut, so its offsets need not agree with the text's.
     */
    private static String canonical(String clause) {
        return clause
                .replaceAll("\\b(?:scal(?:e|es|ed|ing)[- ]?(?:down|in)|down[- ]?scal(?:e|es|ed|ing))\\b", "scaledown")
                .replaceAll("\\b(?:scal(?:e|es|ed|ing)[- ]?(?:up|out)|up[- ]?scal(?:e|es|ed|ing))\\b", "scaleup")
                .replaceAll("cold[- ]?starts?", "cold start")
                .replaceAll("scale[- ]to[- ]zero|scal(?:e|es|ed|ing) (?:down )?to (?:zero|0)", "scaletozero");
    }

    private int clauseAt(int offset) {
        for (int i = 0; i < clauses.size(); i++) {
            if (offset >= clauses.get(i).start() && offset < clauses.get(i).end()) {
                return i;
            }
        }
        return -1;
    }

    private void emit(int at, Intent intent) {
        found.add(new Found(at, intent));
        understoodAt(at);
    }

    /** An intent read from text that may run across clauses ("between 2 and 20 replicas"). */
    private void emit(int start, int end, Intent intent) {
        found.add(new Found(start, intent));
        for (int i = 0; i < clauses.size(); i++) {
            if (clauses.get(i).start() < end && clauses.get(i).end() > start) {
                understood[i] = true;
            }
        }
    }

    private void understoodAt(int at) {
        int c = clauseAt(at);
        if (c >= 0) {
            understood[c] = true;
        }
    }

    // ---------------------------------------------------------------------------------------------------- parse

    List<Intent> parse() {
        cpuAndMemory();
        ranges();
        structured();
        names();
        workloadType();
        for (int i = 0; i < clauses.size(); i++) {
            phrases(i, clauses.get(i));
            numbers(i, clauses.get(i));
        }
        uncuedRates();
        requests();
        for (int i = 0; i < clauses.size(); i++) {
            Clause c = clauses.get(i);
            if (!understood[i] && !filler(c.text())) {
                found.add(new Found(c.start(), new Intent.Unknown(original.substring(c.start(), c.end()))));
            }
        }
        found.sort(Comparator.comparingInt(Found::at));
        Set<Intent> out = new LinkedHashSet<>();
        for (Found f : found) {
            out.add(f.intent());
        }
        return List.copyOf(out);
    }

    private static final Pattern FILLER = Pattern.compile(
            "(?:(?:ok(?:ay)?|sure|thanks?|thank you|please|hi|hello|hey|great|good|cool|fine|nice|so|also|then"
                    + "|yes|yeah|yep|right|well|hmm+|lgtm|perfect|i think|we|i|it|that|this|is|looks|sounds|and"
                    + "|but|now|let's|lets|can you|could you|would like|i'd like|want|to|the|a|an|our|my)\\b"
                    + "[\\s!,'.]*)*");

    private static boolean filler(String clause) {
        return FILLER.matcher(clause.replaceAll("[^a-z' ]", " ").trim()).matches();
    }

    // ---------------------------------------------------------------------------------------------------- ranges

    private static final Pattern RANGE = Pattern.compile(
            "(?:between|from)?\\s?(\\d[\\d,.]*k?)\\s?(?:-|to|and)\\s?(\\d[\\d,.]*k?)\\s?(?:(pods?|replicas?|instances?)"
                    + "|(rps|req/s|requests? per second|qps|msgs?/s|messages? per second|/s)(?![a-z]))");

    /** "between 2 and 20 replicas", "3-10 pods", "from 50 to 800 rps": both ends at once. */
    private void ranges() {
        Matcher m = RANGE.matcher(lower);
        while (m.find()) {
            Amount low = amountAt(m.start(1));
            Amount high = amountAt(m.start(2));
            if (low == null || high == null || low.value() > high.value()) {
                continue;
            }
            used.add(low);
            used.add(high);
            if (m.group(3) != null) {
                emit(m.start(), m.end(), new Intent.MinReplicas((int) low.value()));
                emit(m.start() + 1, m.end(), new Intent.MaxReplicas((int) high.value()));
            } else {
                String unit = high.unit().trafficUnit();
                emit(m.start(), m.end(), new Intent.BaselineRate(low.value(), unit));
                emit(m.start() + 1, m.end(), new Intent.PeakRate(high.value(), unit));
            }
        }
    }

    private Amount amountAt(int offset) {
        for (Amount a : amounts) {
            if (a.start() == offset || a.start() < offset && offset < a.end()) {
                return a;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------------- structure

    private static final Pattern URL = Pattern.compile("https?://[^\\s,;'\"`)>]+");
    private static final Pattern HOST_PORTS = Pattern.compile(
            "(?<![/\\w.-])([a-z0-9][-a-z0-9.]*:\\d{2,5}(?:\\s?,\\s?[a-z0-9][-a-z0-9.]*:\\d{2,5})*)(?![\\w.])");
    private static final Pattern WINDOW = Pattern.compile(
            "(\\d{1,2})(?::(\\d{2}))?\\s?(am|pm)?\\s?(?:-|to|until|till|and)\\s?(\\d{1,2})(?::(\\d{2}))?\\s?(am|pm)?");
    private static final Pattern IDLE_CUE = Pattern.compile(
            "\\b(?:idle|no traffic|nothing|no requests|no messages|closed|zero traffic|quiet|off)\\b");
    private static final Pattern ZONE = Pattern.compile("\\b([A-Z][A-Za-z_]+(?:/[A-Z][A-Za-z_\\-]+)+|UTC|GMT)\\b");
    private static final Pattern COUNTER = Pattern.compile("\\b([a-z_:][a-z0-9_:]*_(?:total|count))\\b");
    private static final Pattern HISTOGRAM = Pattern.compile(
            "\\b([a-z_:][a-z0-9_:]*_(?:seconds|milliseconds|ms))(?:_bucket)?\\b");

    /** Addresses, brokers, time windows, zones and metric names: things with a shape of their own. */
    private void structured() {
        Matcher url = URL.matcher(lower);
        while (url.find()) {
            String u = original.substring(url.start(), url.end()).replaceAll("[.:]+$", "");
            // credentials in an address are never kept: http://user:secret@host becomes http://host
            u = u.replaceFirst("^(https?://)[^/@\\s]*@", "$1");
            if (lower.contains("prometheus") || u.contains("9090")) {
                emit(url.start(), new Intent.PrometheusAddress(u));
            }
        }
        if (lower.contains("kafka") || lower.contains("broker") || lower.contains("bootstrap")) {
            Matcher hp = HOST_PORTS.matcher(lower);
            while (hp.find()) {
                emit(hp.start(), new Intent.KafkaBrokers(hp.group(1).replaceAll("\\s", "")));
            }
        }
        Matcher w = WINDOW.matcher(lower);
        while (w.find()) {
            boolean clock = w.group(2) != null || w.group(3) != null;
            int c = clauseAt(w.start());
            if (!clock || c < 0 || !IDLE_CUE.matcher(clauses.get(c).text()).find()) {
                continue;
            }
            Integer from = hour(w.group(1), w.group(3));
            Integer to = hour(w.group(4), w.group(6) != null ? w.group(6) : w.group(3) == null ? null
                    : w.group(3).equals("pm") && Integer.parseInt(w.group(4)) < Integer.parseInt(w.group(1))
                            ? "am" : w.group(3));
            if (from == null || to == null) {
                continue;
            }
            int fromMin = w.group(2) == null ? 0 : Integer.parseInt(w.group(2));
            int toMin = w.group(5) == null ? 0 : Integer.parseInt(w.group(5));
            if (fromMin > 59 || toMin > 59) {
                continue;
            }
            for (Amount a : amounts) {
                if (a.start() >= w.start() && a.start() < w.end()) {
                    used.add(a);
                }
            }
            emit(w.start(), w.end(), new Intent.IdleWindow(String.format(Locale.ROOT, "%02d:%02d-%02d:%02d", from,
                    fromMin, to, toMin)));
        }
        Matcher z = ZONE.matcher(original);
        while (z.find()) {
            try {
                ZoneId.of(z.group(1));
                emit(z.start(), new Intent.Timezone(z.group(1)));
            } catch (DateTimeException e) {
                // Title/Case words that are not a zone: not ours to read
            }
        }
        Matcher counter = COUNTER.matcher(lower);
        while (counter.find()) {
            emit(counter.start(), new Intent.PrometheusMetric(counter.group(1)));
        }
        Matcher histogram = HISTOGRAM.matcher(lower);
        while (histogram.find()) {
            emit(histogram.start(), new Intent.PrometheusHistogram(histogram.group(1)));
        }
    }

    private static Integer hour(String h, String ampm) {
        int v = Integer.parseInt(h);
        if (ampm != null) {
            if (v < 1 || v > 12) {
                return null;
            }
            return ampm.equals("am") ? v % 12 : v % 12 + 12;
        }
        return v <= 23 ? v : null;
    }

    // ---------------------------------------------------------------------------------------------------- names

    /** Words that are never a name: "our API", "the topic", "a consumer". */
    private static final Set<String> NOT_NAMES = Set.of("the", "a", "an", "our", "my", "your", "their", "its", "this",
            "that", "these", "those", "same", "new", "main", "http", "https", "rest", "web", "grpc", "kafka", "is",
            "are", "was", "has", "have", "with", "for", "of", "to", "in", "on", "at", "by", "it", "and", "or", "one",
            "every", "each", "some", "any", "which", "what", "called", "named", "as", "be", "internal", "public",
            "api", "service", "app", "deployment", "statefulset", "topic", "group", "namespace", "secret", "consumer",
            "worker", "default", "also", "too", "so", "then", "only", "just", "me", "we", "us", "i", "you", "queue",
            "stream", "batch", "message", "messages", "event", "events", "backend", "frontend", "values", "value",
            "data", "key", "keys", "heavy", "bound", "intensive", "small", "big", "large", "little", "simple",
            "critical", "legacy", "slow", "fast", "busy", "stateless", "stateful", "java", "node", "python", "go",
            "golang", "spring", "rust", "external", "other", "second", "first", "below", "above", "here", "there",
            "not", "no", "will", "should", "must", "can", "could", "does", "do", "did", "gets", "get", "runs", "run",
            "handles", "serves", "scales", "reads", "uses", "like", "about", "around", "up", "down", "kubernetes");

    private static final String LABEL = "[`'\"]?([a-z0-9](?:[-a-z0-9]*[a-z0-9])?)[`'\"]?";
    private static final String TOKEN = "[`'\"]?([a-z0-9](?:[-a-z0-9._]*[a-z0-9])?)[`'\"]?";
    private static final String IS = "(?:\\s(?:is|=|:|called|named))*\\s?:?\\s?";

    private static final Pattern QUALIFIED = Pattern.compile(
            "\\b(?:deployment|statefulset|workload|service|app)\\s" + LABEL + "/" + LABEL + "(?![\\w/])");
    private static final Pattern NAMED = Pattern.compile(
            "\\b(?:called|named|name is|name:)\\s?" + LABEL + "(?![\\w/])|\\b(?:deployment|statefulset|workload)\\s"
                    + "(?:(?:is\\s)?(?:called|named)\\s)?" + LABEL + "(?![\\w/])");
    private static final Pattern NAME_BEFORE = Pattern.compile(
            "\\b" + LABEL + "\\s(?:api|service|app|worker|consumer|deployment|statefulset|microservice|backend"
                    + "|frontend)\\b");
    private static final Pattern NAMESPACE = Pattern.compile(
            "\\b(?:namespace|ns)" + IS + LABEL + "(?![\\w/])|\\bin (?:the )?" + LABEL + " namespace\\b");
    private static final Pattern TOPIC_AFTER = Pattern.compile("\\btopic" + IS + TOKEN + "(?![\\w/])");
    private static final Pattern TOPIC_BEFORE = Pattern.compile("\\b" + TOKEN + " topic\\b");
    private static final Pattern GROUP = Pattern.compile(
            "\\b(?:consumer[- ]group|group[ .]id|group)" + IS + TOKEN + "(?![\\w/])");
    private static final Pattern SECRET = Pattern.compile("\\bsecret" + IS + LABEL + "(?![\\w/])");

    private void names() {
        Matcher q = QUALIFIED.matcher(lower);
        boolean qualified = false;
        while (q.find()) {
            if (name(q.group(1)) && name(q.group(2))) {
                emit(q.start(), new Intent.Namespace(q.group(1)));
                emit(q.start() + 1, new Intent.WorkloadName(q.group(2)));
                qualified = true;
            }
        }
        if (!qualified) {
            Matcher n = NAMED.matcher(lower);
            boolean named = false;
            while (n.find()) {
                String v = n.group(1) != null ? n.group(1) : n.group(2);
                if (name(v) && !followedBy(n.end(), "topic|group|namespace|secret") && !precededBy(n.start(),
                        "secret|topic|group|namespace|ns|metric|counter|histogram|cluster|broker|brokers")) {
                    emit(n.start(), new Intent.WorkloadName(v));
                    named = true;
                }
            }
            Matcher b = NAME_BEFORE.matcher(lower);
            while (!named && b.find()) {
                if (name(b.group(1)) && !b.group(1).matches(".*-(?:heavy|bound|intensive|facing|based)")
                    && amountAt(b.start(1)) == null) {
                    emit(b.start(), new Intent.WorkloadName(b.group(1)));
                    named = true;
                }
            }
        }
        Matcher ns = NAMESPACE.matcher(lower);
        while (ns.find()) {
            String v = ns.group(1) != null ? ns.group(1) : ns.group(2);
            if (name(v)) {
                emit(ns.start(), new Intent.Namespace(v));
            }
        }
        for (Pattern topic : List.of(TOPIC_AFTER, TOPIC_BEFORE)) {
            Matcher t = topic.matcher(lower);
            while (t.find()) {
                if (token(t.group(1))) {
                    emit(t.start(), new Intent.KafkaTopic(original.substring(t.start(1), t.end(1))));
                }
            }
        }
        Matcher g = GROUP.matcher(lower);
        while (g.find()) {
            if (token(g.group(1))) {
                emit(g.start(), new Intent.ConsumerGroup(original.substring(g.start(1), g.end(1))));
            }
        }
        Matcher s = SECRET.matcher(lower);
        while (s.find()) {
            if (name(s.group(1))) {
                emit(s.start(), new Intent.CredentialsSecret(s.group(1)));
            }
        }
    }

    /** True when one of the words comes right before (an "is" between allowed): "the secret is called x". */
    private boolean precededBy(int at, String words) {
        return Pattern.compile("\\b(?:" + words + ")(?:\\s(?:is|was))?\\s?$").matcher(lower.substring(0, at))
                .find();
    }

    private boolean followedBy(int at, String words) {
        return Pattern.compile("^\\s(?:" + words + ")\\b").matcher(lower.substring(at)).find();
    }

    /** A DNS label that is not a common word or a number. */
    private static boolean name(String s) {
        return s != null && s.length() <= 63 && !NOT_NAMES.contains(s) && !s.matches("\\d+");
    }

    private static boolean token(String s) {
        return s != null && s.length() <= 249 && !NOT_NAMES.contains(s) && !s.matches("[\\d.]+");
    }

    // ---------------------------------------------------------------------------------------------------- type

    private static final Pattern HTTP_WORDS = Pattern.compile(
            "\\b(?:api|apis|http|https|rest|grpc|web ?(?:service|app|server|site)|website|endpoint|frontend"
                    + "|requests per second|requests/s|req/s|rps|qps)\\b");
    private static final Pattern CONSUMER_WORDS = Pattern.compile(
            "\\b(?:consumer|consumers|consumes|consuming|queue|worker|workers|subscriber|messages|msgs/s)\\b");
    private static final Pattern STREAM_WORDS = Pattern.compile("\\b(?:stream|streams|streaming)\\b");
    private static final Pattern BATCH_WORDS = Pattern.compile("\\b(?:batch|batches|jobs)\\b");
    private static final Pattern KIND_WORDS = Pattern.compile("\\b(statefulset|deployment)\\b");

    /** What kind of workload the words describe, when they describe one kind only. */
    private void workloadType() {
        String words = URL.matcher(lower).replaceAll(u -> " ".repeat(u.group().length())); // "http://" is no API
        Matcher http = HTTP_WORDS.matcher(words);
        Matcher consumer = CONSUMER_WORDS.matcher(words);
        Matcher stream = STREAM_WORDS.matcher(words);
        Matcher batch = BATCH_WORDS.matcher(words);
        boolean h = http.find();
        boolean c = consumer.find();
        boolean s = stream.find();
        boolean b = batch.find();
        if (s && !h) {
            emit(stream.start(), new Intent.WorkloadType("stream"));
        } else if (b && !h && !c) {
            emit(batch.start(), new Intent.WorkloadType("batch"));
        } else if (c && !h) {
            emit(consumer.start(), new Intent.WorkloadType("queue"));
        } else if (h && !c) {
            emit(http.start(), new Intent.WorkloadType("http"));
        } else {
            // both kinds of words ("an API that writes to Kafka"): not ours to decide
            if (h) {
                understoodAt(http.start());
            }
            if (c) {
                understoodAt(consumer.start());
            }
        }
        Matcher k = KIND_WORDS.matcher(lower);
        while (k.find()) {
            emit(k.start(), new Intent.WorkloadKind(k.group(1).equals("statefulset") ? "StatefulSet" : "Deployment"));
        }
    }

    // ---------------------------------------------------------------------------------------------------- phrases

    private static Pattern p(String regex) {
        return Pattern.compile(regex);
    }

    private static final String NOT = "(?:no|not|never|don't|dont|do not|doesn't|does not|avoid|without|remove|drop"
            + "|delete|disable|stop|no more|get rid of)";

    private static final Pattern DOWN_AGGRESSIVE = p(
            "scaledown\\b.*\\b(?:too|very|overly|so|quite|a bit|really)?\\s?(?:aggressive\\w*|fast|quick\\w*|early"
                    + "|soon|eager\\w*|jumpy|abrupt\\w*|hasty)\\b"
                    + "|scaledown\\s(?:more\\s)?(?:slowly|slower|gently|gentler|gradually|later|more carefully)"
                    + "|(?:slower|gentler|more gentle|more gradual|less aggressive|more conservative|calmer|later"
                    + "|more careful|softer) scaledown"
                    + "|\\btoo (?:aggressive\\w*|fast|quick\\w*|early|soon|eager\\w*|jumpy|abrupt\\w*)\\b.*\\bscaledown"
                    + "|\\bpods? (?:are |get )?(?:removed|killed|dropped|terminated|taken away) too (?:fast|quickly"
                    + "|soon|early|aggressively)\\b|\\bflap\\w*|\\bthrash\\w*|\\byo-?yo\\w*|\\boscillat\\w*");
    private static final Pattern DOWN_SLOW = p(
            "scaledown\\b.*\\b(?:too |very |so )?(?:slow\\w*|late|lazy|sluggish|conservative|cautious|timid)\\b"
                    + "|scaledown\\s(?:much\\s)?(?:faster|sooner|quicker|more quickly|earlier|more aggressively)"
                    + "|(?:faster|quicker|sooner|earlier|more aggressive) scaledown"
                    + "|\\btoo (?:slow\\w*|late|lazy|sluggish)\\b.*\\bscaledown"
                    + "|\\b(?:keeps?|holds?|leaves?) (?:too many )?(?:idle )?pods? (?:around |running )?"
                    + "(?:for )?too long"
                    + "|\\bpods? (?:stay|linger|hang around) too long|\\btoo many idle pods\\b");
    private static final Pattern UP_SLOW = p(
            "scaleup\\b.*\\b(?:too |very |so )?(?:slow\\w*|late|lazy|sluggish|conservative|cautious|timid)\\b"
                    + "|scaleup\\s(?:much\\s)?(?:faster|sooner|quicker|more quickly|earlier|more aggressively)"
                    + "|(?:faster|quicker|sooner|earlier|more aggressive) scaleup"
                    + "|\\btoo (?:slow\\w*|late|lazy|sluggish)\\b.*\\bscaleup"
                    + "|\\b(?:can't|cant|cannot|doesn't|does not|didn't|did not|not|unable to|fails? to)"
                    + " keep(?:ing)? up"
                    + "|\\breacts? (?:too )?(?:slow\\w*|late)|\\breact (?:faster|sooner|quicker)"
                    + "|\\bnew pods? (?:come|arrive) too late|\\bnot enough pods at the (?:peak|start)");
    private static final Pattern NO_COLD = p(
            "\\bno cold start|" + NOT + " (?:any )?cold start|cold start\\w* (?:are |is )?(?:not ok\\w*|not"
                    + " acceptable|unacceptable|bad|a problem|not fine|not allowed|a no-go)|" + NOT
                    + " (?:to )?(?:\\w+ )?scaletozero|\\bkeep (?:it |them |the pods? |pods? )?warm\\b"
                    + "|\\bnever (?:go )?(?:to|down to) zero|\\balways (?:keep |have |run )?(?:a|one|some) pods?\\b");
    private static final Pattern ZERO_OK = p(
            "scaletozero|cold start\\w* (?:are |is )?(?:ok\\w*|fine|acceptable|allowed|no problem)"
                    + "|\\bzero (?:pods|replicas) when idle|\\bmin(?:imum)? (?:of )?(?:0|zero)\\b");
    private static final Pattern CHEAPER_NIGHT = p(
            "\\b(?:cheap\\w*|cost\\w*|sav(?:e|es|ing)\\w*|money|spend\\w*|expensive|pay less)\\b.*"
                    + "\\b(?:over)?nights?\\b|\\b(?:over)?nights?\\b.*\\b(?:cheap\\w*|cost\\w*|sav(?:e|ing)\\w*"
                    + "|money|spend\\w*|expensive)\\b");
    private static final Pattern PERCENTILE = p("\\bp(95|99)\\b|\\b(95|99)(?:th)?[- ]percentile\\b");
    private static final Pattern CONSERVATIVE = p(
            "\\b(?:conservative\\w*|cautious\\w*|careful\\w*|play it safe|safe side|safer start|be safe)\\b");
    private static final Pattern NOT_CONSERVATIVE = p(
            "\\b(?:not|less|no longer|don't be|stop being) (?:so |too |as )?(?:conservative|cautious|careful)\\b");
    private static final Pattern VPA = p("\\bvpa\\b|\\bvertical pod autoscal\\w*");
    private static final Pattern TLS = p("\\b(?:m?tls|ssl)\\b");
    private static final Pattern SASL_MECH = p("\\b(?:scram[-_ ]?)?sha[-_ ]?(256|512)\\b"
            + "|\\bsasl[/ _-]?(plain)(?:text)?\\b");
    private static final Pattern SASL = p("\\bsasl\\b|\\bscram\\b");
    private static final Pattern KAFKA = p("(?<![\\w-])kafka(?![\\w-])");
    private static final Pattern PROMETHEUS = p("\\bprometheus\\b");
    private static final Pattern LATENCY_WORDS = p("\\b(?:latency|latencies|p95|p99|percentile|histogram|duration"
            + "|response times?)\\b");
    private static final Pattern SCALE_ON = p("\\b(?:scale|scales|scaling|scaled|based|driven|trigger\\w*|use|using"
            + "|metric|on)\\b");
    private static final Pattern CPU_AND_MEMORY = p("\\bcpu (?:and|&|\\+|plus) memory\\b|\\bmemory (?:and|&|\\+|plus)"
            + " cpu\\b");
    private static final Pattern CPU = p("\\bcpu\\b");
    private static final Pattern MEMORY = p("\\bmemory\\b");
    private static final Pattern REQUEST_RATE = p("\\b(?:request rate|requests per second|rps|traffic|rate)\\b");
    private static final Pattern SCHEDULE = p("\\b(?:cron|on a schedule|by the clock|scheduled?)\\b");
    private static final Pattern SPIKE = p("\\b(?:spiky|spikes|spike|bursty|bursts?|sudden\\w*)\\b");
    private static final Pattern STEADY = p("\\b(?:steady|constant|flat|stable|even)\\b");
    private static final Pattern DIURNAL = p("\\b(?:diurnal|daily (?:cycle|pattern|curve)|day[- /]and[- ]night"
            + "|follows the (?:working )?day)\\b");
    private static final Pattern NOON = p("\\b(?:at|around|by|near) (noon|midday|midnight)\\b");
    private static final Pattern PEAK_AT = p("\\bpeak\\w*\\s(?:is\\s)?(?:at|around|near)\\s(\\d{1,2})(?::(\\d{2}))?\\s?"
            + "(am|pm)?(?![\\d%.,])(?!\\s?(?:k\\b|rps|req|msg|qps|/s|per|pods?|replicas?|requests?|messages?))");
    private static final Pattern IDLE_NIGHT = p("\\b(?:idle|no traffic|nothing|no requests|no messages|dead|empty"
            + "|zero traffic)\\b.*\\b(?:at night|overnight|nights)\\b");
    private static final Pattern BUSINESS_HOURS = p("\\b(?:business|office|working) hours\\b");

    private void phrases(int index, Clause c) {
        String t = c.text();
        int at = c.start();
        boolean scaleTalk = t.contains("scaledown") || t.contains("scaleup");
        if (DOWN_AGGRESSIVE.matcher(t).find() && !DOWN_SLOW_STRICT.matcher(t).find()) {
            emit(at, new Intent.ScaleDownTooAggressive());
        } else if (DOWN_SLOW.matcher(t).find()) {
            emit(at, new Intent.ScaleDownTooSlow());
        }
        if (UP_SLOW.matcher(t).find()) {
            emit(at, new Intent.ScaleUpTooSlow());
        }
        boolean noCold = NO_COLD.matcher(t).find();
        if (noCold) {
            emit(at, new Intent.NoColdStarts());
        } else if (ZERO_OK.matcher(t).find()) {
            emit(at, new Intent.ScaleToZero());
        }
        if (CHEAPER_NIGHT.matcher(t).find()) {
            emit(at, new Intent.CheaperAtNight());
        }
        Matcher pm = PERCENTILE.matcher(t);
        if (pm.find()) {
            emit(at, new Intent.Percentile("p" + (pm.group(1) != null ? pm.group(1) : pm.group(2))));
        }
        if (NOT_CONSERVATIVE.matcher(t).find()) {
            emit(at, new Intent.Conservative(false));
        } else if (CONSERVATIVE.matcher(t).find() && !scaleTalk) {
            emit(at, new Intent.Conservative(true));
        }
        if (VPA.matcher(t).find()) {
            emit(at, new Intent.Vpa(!negated(t, VPA)));
        }
        if (TLS.matcher(t).find()) {
            emit(at, new Intent.Tls(!negated(t, TLS)));
        }
        Matcher mech = SASL_MECH.matcher(t);
        if (SASL.matcher(t).find() && negated(t, SASL)) {
            emit(at, new Intent.Sasl("none"));
        } else if (mech.find()) {
            emit(at, new Intent.Sasl(mech.group(2) != null ? "plaintext" : "scram_sha" + mech.group(1)));
        } else if (SASL.matcher(t).find()) {
            // the usual mechanism of managed Kafka (Strimzi, MSK, Confluent): "SASL" alone means SCRAM-SHA-512
            emit(at, new Intent.Sasl("scram_sha512"));
        }
        source(t, at);
        if (SPIKE.matcher(t).find() && !negated(t, SPIKE)) {
            emit(at, new Intent.TrafficPattern("spike"));
        } else if (STEADY.matcher(t).find() && (t.contains("traffic") || t.contains("load"))) {
            emit(at, new Intent.TrafficPattern("steady"));
        } else if (DIURNAL.matcher(t).find()) {
            emit(at, new Intent.TrafficPattern("diurnal"));
        }
        Matcher noon = NOON.matcher(t);
        if (noon.find()) {
            emit(at, new Intent.PeakHour(noon.group(1).equals("midnight") ? 0 : 12));
        }
        Matcher peakAt = PEAK_AT.matcher(t);
        if (peakAt.find()) {
            Integer h = hour(peakAt.group(1), peakAt.group(3));
            int minute = peakAt.group(2) == null ? 0 : Integer.parseInt(peakAt.group(2));
            if (h != null && minute < 60) {
                emit(at, new Intent.PeakHour(h + minute / 60.0));
                int numberAt = c.start() + lowerIndexOf(c, peakAt.group(1));
                Amount a = amountAt(numberAt);
                if (a != null) {
                    used.add(a);
                }
            }
        }
        if (IDLE_NIGHT.matcher(t).find()) {
            emit(at, new Intent.IdleWindow("22:00-06:00"));
        }
        if (BUSINESS_HOURS.matcher(t).find()) {
            emit(at, new Intent.IdleWindow("19:00-08:00"));
        }
    }

    /** "scale-down is too slow" must not also read as "too aggressive" through "scale down ... soon". */
    private static final Pattern DOWN_SLOW_STRICT = p(
            "scaledown\\b.*\\btoo (?:slow\\w*|late|lazy|sluggish|conservative|cautious|timid)\\b"
                    + "|\\btoo (?:slow\\w*|late|lazy|sluggish)\\b.*\\bscaledown");

    private int lowerIndexOf(Clause c, String s) {
        return Math.max(0, lower.substring(c.start(), c.end()).indexOf(s));
    }

    /** True when a negation comes shortly before the match: "no VPA", "without TLS", "don't use SASL". */
    private static boolean negated(String t, Pattern what) {
        Matcher m = what.matcher(t);
        if (!m.find()) {
            return false;
        }
        String before = t.substring(Math.max(0, m.start() - 24), m.start());
        return Pattern.compile("\\b" + NOT + "\\b(?:\\s\\w+)?\\s?(?:a |the |any )?$").matcher(before).find()
                || t.substring(m.end()).matches("\\s(?:is |are )?(?:not needed|off|disabled|gone|out)\\b.*");
    }

    private boolean cpuAndMemory;

    /** "scale on cpu and memory": before the clauses are cut at "and". */
    private void cpuAndMemory() {
        Matcher m = CPU_AND_MEMORY.matcher(lower);
        if (m.find() && scaleOn(lower, CPU_AND_MEMORY)) {
            emit(m.start(), m.end(), new Intent.MetricSource("cpu-memory"));
            cpuAndMemory = true;
        }
    }

    private void source(String t, int at) {
        boolean on = SCALE_ON.matcher(t).find() && !cpuAndMemory;
        if (KAFKA.matcher(t).find() && !negated(t, KAFKA)) {
            emit(at, new Intent.MetricSource("kafka"));
        } else if (PROMETHEUS.matcher(t).find() && !negated(t, PROMETHEUS) && SCALE_ON.matcher(t).find()) {
            emit(at, new Intent.MetricSource(LATENCY_WORDS.matcher(t).find() ? "prometheus-latency"
                    : "prometheus-rate"));
        } else if (on && CPU_AND_MEMORY.matcher(t).find()) {
            emit(at, new Intent.MetricSource("cpu-memory"));
        } else if (on && scaleOn(t, CPU)) {
            emit(at, new Intent.MetricSource("cpu"));
        } else if (on && scaleOn(t, MEMORY)) {
            emit(at, new Intent.MetricSource("memory"));
        } else if (on && scaleOn(t, LATENCY_WORDS) && t.matches(".*\\b(?:scale|scaling|based|driven)\\b.*")) {
            emit(at, new Intent.MetricSource("prometheus-latency"));
        } else if (on && scaleOn(t, REQUEST_RATE) && t.matches(".*\\b(?:scale|scaling|based|driven) (?:on|by)\\b.*")) {
            emit(at, new Intent.MetricSource("prometheus-rate"));
        } else if (SCHEDULE.matcher(t).find() && t.contains("scale")) {
            emit(at, new Intent.MetricSource("cron"));
        }
    }

    /** "scale on cpu", "use memory", "based on latency": the word follows a scaling verb closely. */
    private static boolean scaleOn(String t, Pattern word) {
        Matcher m = word.matcher(t);
        while (m.find()) {
            String before = t.substring(Math.max(0, m.start() - 30), m.start());
            if (before.matches(".*\\b(?:scale|scales|scaling|scaled|based|driven|trigger\\w*|use|using|on|by)"
                    + "\\s(?:on\\s|by\\s)?(?:the\\s|its\\s|their\\s|pod\\s|average\\s)*$")) {
                return !before.matches(".*\\brequests?\\s\\S*\\s?$");
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------------- numbers

    private static final Pattern MAX_CUE = p("\\b(?:max|maximum|at most|up to|no more than|not more than|never (?:go )?"
            + "(?:above|beyond|over|more than)|cap|capped|limit|limited|ceiling|upper bound|top out)\\b");
    private static final Pattern MIN_CUE = p("\\b(?:min|minimum|at least|no fewer than|not fewer than|never (?:go )?"
            + "(?:below|under|fewer|less than)|floor|lower bound|always keep|always have|keep)\\b");
    private static final Pattern COMPARE_CUE = p("\\b(?:today|currently|right now|now|we run|fixed|static|compare"
            + "|comparison|versus|vs)\\b");
    private static final Pattern PER_POD_CUE = p("\\bper (?:pod|replica|instance|container|consumer|worker)\\b"
            + "|\\b(?:each|one|a single|a|single|every) (?:pod|replica|instance|container|consumer|worker)\\b"
            + "|\\bpods? (?:can )?(?:handles?|serves?|does|do|process(?:es)?|takes?|manages?)\\b|\\bcapacity\\b"
            + "|\\bper-pod\\b");
    private static final Pattern BASELINE_CUE = p("\\b(?:night|nights|nighttime|baseline|base|quiet\\w*|lowest|low"
            + "|off-?peak|weekends?|idle|minimum|min|normally|usually|typically|average|overnight|off hours|floor"
            + "|calm)\\b");
    private static final Pattern PEAK_CUE = p("\\b(?:peak\\w*|noon|midday|busiest|busy|rush|max|maximum|top|highest"
            + "|daytime|during the day|afternoon|at most|up to|spikes?|black friday|high|heavy|launch)\\b");
    private static final Pattern STARTUP_CUE = p("\\b(?:start\\w*|boot\\w*|ready|readiness|warm[- ]?up|spin up"
            + "|spins up|come up|comes up|cold start|launch)\\b");
    private static final Pattern RAMP_CUE = p("\\b(?:ramp\\w*|climb\\w*|rises?|rising|grows?|growing|builds? up"
            + "|reach\\w*|goes? up)\\b");
    private static final Pattern DELAY_CUE = p("\\b(?:delay\\w*|wait\\w*|lag\\w*|behind|old|age|backlog|processed"
            + " within)\\b");
    private static final Pattern LATENCY_CUE = p("\\b(?:latency|latencies|p95|p99|percentile|respond\\w*|response\\w*"
            + "|answer\\w*|slo|under|below|within|less than|fast|target|objective)\\b");
    private static final Pattern DOWN_PERCENT_CUE = p("scaledown|\\b(?:remove|removes|drop|drops|shrink|shrinks"
            + "|take away|per minute)\\b");
    private static final Pattern UTILIZATION_CUE = p("\\b(?:utili[sz]ation|utili[sz]ed|target|run (?:pods |them )?at"
            + "|cpu at|busy|loaded)\\b");
    private static final Pattern CPU_CUE = p("\\b(?:cpu|cores?|millicores?|requests?|request)\\b");
    private static final Pattern LIMIT_CUE = p("\\blimits?\\b");
    private static final Pattern POD_COST_CUE = p("\\b(?:per pod|each pod|a pod|one pod|pod-hour|pod hour|per replica"
            + "|per instance)\\b");
    private static final Pattern BUDGET_CUE = p("\\b(?:budget|at most|max\\w*|under|no more|spend|cap|ceiling"
            + "|limit|afford)\\b");

    private final List<Amount> uncuedRates = new ArrayList<>();
    private final List<Amount> cpus = new ArrayList<>();
    private final List<Amount> memories = new ArrayList<>();

    private void numbers(int index, Clause c) {
        for (Amount a : amounts) {
            if (a.start() < c.start() || a.start() >= c.end() || used.contains(a)) {
                continue;
            }
            String before = lower.substring(c.start(), a.start());
            String t = c.text();
            Unit u = a.unit();
            if (u == Unit.M) {
                u = CPU_CUE.matcher(t).find() ? Unit.MILLICORES : Unit.SECONDS;
                a = new Amount(u == Unit.SECONDS ? a.value() * 60 : a.value(), u, null, a.start(), a.end());
            }
            switch (u) {
                case PARTITIONS -> emit(a.start(), new Intent.Partitions((int) a.value()));
                case PODS -> pods(a, before, t);
                case REQUESTS_PER_S, MESSAGES_PER_S, PER_S -> rate(a, before, t, u.trafficUnit());
                case MILLISECONDS, SECONDS -> time(a, before, t, u == Unit.MILLISECONDS);
                case PERCENT -> percent(a, t);
                case CORES, MILLICORES -> {
                    if (!LIMIT_CUE.matcher(t).find()) {
                        cpus.add(a);
                        understoodAt(a.start());
                    }
                }
                case MEMORY -> {
                    if (!LIMIT_CUE.matcher(t).find()) {
                        memories.add(a);
                        understoodAt(a.start());
                    }
                }
                case MONEY -> money(a, t);
                case NONE -> unitless(a, before, t);
                default -> {
                    // M was resolved above
                }
            }
        }
    }

    /** The cue that comes last before the number, else the first one after it: "max 20", "20 at most". */
    private static Pattern nearest(String before, String clause, Pattern... cues) {
        Pattern best = null;
        int bestAt = -1;
        for (Pattern cue : cues) {
            Matcher m = cue.matcher(before);
            while (m.find()) {
                if (m.start() > bestAt) {
                    bestAt = m.start();
                    best = cue;
                }
            }
        }
        if (best != null) {
            return best;
        }
        String after = clause.length() > before.length() ? clause.substring(Math.min(clause.length(),
                before.length())) : "";
        int first = Integer.MAX_VALUE;
        for (Pattern cue : cues) {
            Matcher m = cue.matcher(after);
            if (m.find() && m.start() < first) {
                first = m.start();
                best = cue;
            }
        }
        return best;
    }

    private void pods(Amount a, String before, String t) {
        int n = (int) a.value();
        Pattern cue = nearest(before, t, MAX_CUE, MIN_CUE, COMPARE_CUE);
        if (cue == MAX_CUE) {
            emit(a.start(), new Intent.MaxReplicas(n));
        } else if (cue == MIN_CUE) {
            emit(a.start(), n == 0 ? new Intent.ScaleToZero() : new Intent.MinReplicas(n));
        } else if (cue == COMPARE_CUE) {
            emit(a.start(), new Intent.CompareWith(n));
        }
    }

    private void rate(Amount a, String before, String t, String unit) {
        if (PER_POD_CUE.matcher(t).find()) {
            emit(a.start(), new Intent.PerPodCapacity(a.value(), unit));
            return;
        }
        Pattern cue = nearest(before, t, BASELINE_CUE, PEAK_CUE);
        if (cue == BASELINE_CUE) {
            emit(a.start(), new Intent.BaselineRate(a.value(), unit));
        } else if (cue == PEAK_CUE) {
            emit(a.start(), new Intent.PeakRate(a.value(), unit));
        } else {
            uncuedRates.add(a);
            understoodAt(a.start());
        }
    }

    private void time(Amount a, String before, String t, boolean millis) {
        double seconds = millis ? a.value() / 1000 : a.value();
        if (STARTUP_CUE.matcher(t).find()) {
            emit(a.start(), new Intent.StartupTime((int) Math.ceil(seconds)));
        } else if (RAMP_CUE.matcher(t).find()) {
            emit(a.start(), new Intent.RampTime((int) Math.ceil(seconds)));
        } else if (DELAY_CUE.matcher(t).find()) {
            emit(a.start(), new Intent.MaxDelay((int) Math.ceil(seconds)));
        } else if (LATENCY_CUE.matcher(t).find() || PERCENTILE.matcher(t).find()) {
            emit(a.start(), new Intent.LatencyTarget((int) Math.round(seconds * 1000)));
        }
    }

    private void percent(Amount a, String t) {
        int n = (int) Math.round(a.value());
        if (DOWN_PERCENT_CUE.matcher(t).find() && n >= 1 && n <= 100) {
            emit(a.start(), new Intent.ScaleDownPercent(n));
        } else if (UTILIZATION_CUE.matcher(t).find() && n >= 10 && n <= 95) {
            emit(a.start(), new Intent.TargetUtilization(n));
        }
    }

    private void money(Amount a, String t) {
        double perHour = a.value();
        if (t.contains("month")) {
            perHour = a.value() / 730;
        } else if (t.matches(".*\\b(?:day|daily)\\b.*")) {
            perHour = a.value() / 24;
        }
        if (POD_COST_CUE.matcher(t).find()) {
            emit(a.start(), new Intent.CostPerPodHour(perHour));
        } else if (BUDGET_CUE.matcher(t).find()) {
            emit(a.start(), new Intent.MaxCostPerHour(perHour));
        }
    }

    /**
     * A bare number means something only with a cue: "max 20" (replicas), "peak 800" (a rate: the unit of the
     * other rates in the text), "p95 under 300" (milliseconds), "startup 40" (seconds).
     */
    private void unitless(Amount a, String before, String t) {
        Pattern bound = nearest(before, t, MAX_CUE, MIN_CUE);
        boolean rateWords = PEAK_CUE.matcher(t).find() && !MAX_CUE.matcher(t).find() || BASELINE_CUE.matcher(t).find()
                && !MIN_CUE.matcher(t).find() || PER_POD_CUE.matcher(t).find();
        if (bound != null && !rateWords) {
            pods(a, before, t);
            return;
        }
        if (rateWords) {
            rate(a, before, t, carriedRateUnit(a));
            return;
        }
        if (STARTUP_CUE.matcher(t).find() && a.value() < 3600) {
            emit(a.start(), new Intent.StartupTime((int) a.value()));
        } else if ((LATENCY_CUE.matcher(t).find() || PERCENTILE.matcher(t).find()) && t.matches(
                ".*\\b(?:latency|p95|p99|percentile|respon\\w*)\\b.*")) {
            emit(a.start(), new Intent.LatencyTarget((int) a.value()));
        }
    }

    /** The unit of the nearest rate with one: "50 rps at night and 800 at noon". */
    private String carriedRateUnit(Amount a) {
        Amount best = null;
        for (Amount o : amounts) {
            if (o.unit().rate() && (best == null || Math.abs(o.start() - a.start()) < Math.abs(best.start()
                    - a.start()))) {
                best = o;
            }
        }
        return best == null ? null : best.unit().trafficUnit();
    }

    /** Rates with no cue: one alone is the peak; two are the baseline and the peak. */
    private void uncuedRates() {
        boolean peak = found.stream().anyMatch(f -> f.intent() instanceof Intent.PeakRate);
        boolean baseline = found.stream().anyMatch(f -> f.intent() instanceof Intent.BaselineRate);
        if (uncuedRates.size() == 1 && !peak) {
            Amount a = uncuedRates.get(0);
            emit(a.start(), new Intent.PeakRate(a.value(), a.unit().trafficUnit() != null ? a.unit().trafficUnit()
                    : carriedRateUnit(a)));
        } else if (uncuedRates.size() == 1 && !baseline) {
            Amount a = uncuedRates.get(0);
            double p = found.stream().filter(f -> f.intent() instanceof Intent.PeakRate)
                    .mapToDouble(f -> ((Intent.PeakRate) f.intent()).rate()).max().orElse(0);
            if (a.value() < p) {
                emit(a.start(), new Intent.BaselineRate(a.value(), a.unit().trafficUnit()));
            }
        } else if (uncuedRates.size() == 2 && !peak && !baseline) {
            Amount x = uncuedRates.get(0);
            Amount y = uncuedRates.get(1);
            Amount low = x.value() <= y.value() ? x : y;
            Amount high = low == x ? y : x;
            emit(low.start(), new Intent.BaselineRate(low.value(), low.unit().trafficUnit()));
            emit(high.start(), new Intent.PeakRate(high.value(), high.unit().trafficUnit()));
        }
    }

    /** CPU and memory amounts of one message are one container's requests. */
    private void requests() {
        if (cpus.isEmpty() && memories.isEmpty()) {
            return;
        }
        String cpu = null;
        if (!cpus.isEmpty()) {
            Amount a = cpus.get(0);
            cpu = a.unit() == Unit.MILLICORES ? Amount.format(a.value()) + "m" : Amount.format(a.value());
        }
        String memory = memories.isEmpty() ? null : memories.get(0).quantity();
        int at = !cpus.isEmpty() ? cpus.get(0).start() : memories.get(0).start();
        emit(at, new Intent.ContainerRequests(cpu, memory));
    }
}
