package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.Edit;
import dev.trafficengineer.finding.Fix;
import dev.trafficengineer.manifest.Edits;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.RuleContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads every trigger of a ScaledObject or ScaledJob the way its scaler would ({@link Scalers}) and lists what
 * would fail. Pure and cheap, so each rule that reports one kind of {@link Problem} runs it again.
 */
final class TriggerAnalysis {

    private TriggerAnalysis() {}

    /** A target below this rounds to 0 when KEDA formats it with three decimals, and the HPA rejects 0. */
    private static final BigDecimal SMALLEST_TARGET = new BigDecimal("0.0005");

    static boolean appliesTo(KubeObject o) {
        return ScaledObjectView.isScaledObject(o) || ScaledObjectView.isScaledJob(o);
    }

    static List<Problem> of(KubeObject o, RuleContext ctx, Problem.Kind kind) {
        ScaledObjectView so = ScaledObjectView.isScaledObject(o) ? ScaledObjectView.of(o) : null;
        List<Problem> out = new ArrayList<>();
        for (Trigger t : Trigger.of(o)) {
            ScalerSpec spec = Scalers.get(t.type());
            if (spec == null) {
                continue;
            }
            TriggerScope s = new TriggerScope(o, so, t, AuthLookup.of(t, o.namespace(), ctx.index()), spec);
            parameters(s);
            for (ScalerSpec.Check c : spec.checks()) {
                c.run(s);
            }
            s.problems().stream().filter(p -> p.kind() == kind).forEach(out::add);
        }
        return out;
    }

    /** "KEDA cannot build the scaler of ...: `error`; remedy." */
    static String fails(TriggerScope s, String error, String remedy) {
        return "KEDA cannot build the scaler of the " + s.trigger.label() + ": `" + error + "`; " + remedy + ".";
    }

    /** "The ... fails every time KEDA polls it: `error`; remedy." */
    static String pollFails(TriggerScope s, String error, String remedy) {
        return "The " + s.trigger.label() + " fails every time KEDA polls it: `" + error + "`; " + remedy + ".";
    }

    private static void parameters(TriggerScope s) {
        Trigger t = s.trigger;
        for (Param p : s.spec.params().values()) {
            String key = p.name();
            boolean inMetadata = t.has(key);
            if (p.removed() != null) {
                if (inMetadata) {
                    s.add(Problem.Kind.REMOVED, key, fails(s, p.removed(), "remove `" + key + "`"));
                }
                continue;
            }
            if (inMetadata && !p.readsMetadata()) {
                s.add(Problem.Kind.IGNORED, key, "The " + t.label() + " scaler reads `" + key + "` only from "
                        + sources(p) + ", so KEDA ignores it in metadata; move it there.");
            }
            if (p.required() && p.defaultValue() == null && s.absent(key)) {
                s.add(Problem.Kind.MISSING, key, fails(s, p.missingMessage(), "set `" + key + "` in "
                        + sources(p)));
            }
            if (inMetadata && p.readsMetadata()) {
                value(s, p, t.value(key));
            }
        }
        for (String key : t.metadata().keySet()) {
            if (s.spec.knows(key)) {
                continue;
            }
            String why = s.spec.ignoredKeys().get(key);
            if (why != null) {
                s.add(Problem.Kind.UNKNOWN_KEY, key, "The `" + t.type() + "` scaler does not read `" + key + "` ("
                        + why + "); remove it.");
                continue;
            }
            String near = closest(key, s.spec);
            if (near != null) {
                Edit edit = renameKey(s.owner, t, key, near);
                s.add(Problem.Kind.UNKNOWN_KEY, key, "The `" + t.type() + "` scaler does not read `" + key
                        + "`, so KEDA ignores it; did you mean `" + near + "`?",
                        edit == null ? null : Fix.unsafe("Rename " + key + " to " + near, edit));
            }
        }
    }

    private static void value(TriggerScope s, Param p, String v) {
        String key = p.name();
        if (v == null) {
            return;
        }
        if (!p.allowed().isEmpty()) {
            for (String element : v.split(",", -1)) {
                if (!p.allowed().contains(element.strip())) {
                    String error = "parameter \"" + key + "\" value \"" + v + "\" must be one of "
                            + goList(p.allowed());
                    String fixed = alias(v, p.allowed());
                    Edit edit = fixed == null ? null : Edits.replaceScalar(s.owner, s.trigger.metadataAt(key), fixed);
                    s.add(Problem.Kind.INVALID, key, fails(s, error, fixed == null
                            ? "use one of " + backticked(p.allowed()) : "write `" + fixed + "`"),
                            edit == null ? null : Fix.safe("Write " + key + ": " + fixed, edit));
                    return;
                }
            }
        }
        String typeError = switch (p.type()) {
            case INT64 -> GoValues.int64Error(v);
            case FLOAT64 -> GoValues.float64Error(v);
            case BOOL -> GoValues.boolError(v);
            case DURATION -> GoValues.durationError(v);
            case MAP -> GoValues.mapError(v);
            case PARSE_INT -> GoValues.parseIntError(v);
            case STRING -> null;
        };
        if (typeError != null) {
            String error = p.type() == Param.Type.PARSE_INT ? "error parsing " + key + ": " + typeError
                    : "unable to set param \"" + key + "\" value \"" + v + "\": " + typeError;
            s.add(Problem.Kind.INVALID, key, fails(s, error, "write " + expected(p.type())));
            return;
        }
        if (p.role() == Param.Role.TARGET) {
            BigDecimal n = p.type() == Param.Type.PARSE_INT ? new BigDecimal(v.replace("+", "")) : GoValues.number(v);
            if (n != null && (n.signum() <= 0 || n.compareTo(SMALLEST_TARGET) < 0)) {
                String error = p.mustBePositive() != null ? p.mustBePositive()
                        : "the HPA KEDA creates is rejected: the metric target must be positive";
                s.add(Problem.Kind.THRESHOLD, key, "The " + s.trigger.label() + " sets `" + key + "` to `" + v
                        + "`, so " + (p.mustBePositive() != null ? "KEDA cannot build its scaler: `" + error + "`"
                        : error) + "; use a value above 0.");
            }
        }
    }

    private static String expected(Param.Type type) {
        return switch (type) {
            case INT64, PARSE_INT -> "a whole number such as `10`";
            case FLOAT64 -> "a plain number such as `10` or `0.5`";
            case BOOL -> "`true` or `false`";
            case DURATION -> "a duration such as `30s`, or milliseconds";
            case MAP -> "`key=value` pairs separated by commas";
            case STRING -> "a string";
        };
    }

    private static String sources(Param p) {
        List<String> names = new ArrayList<>();
        for (Param.Source s : p.order()) {
            names.add(switch (s) {
                case METADATA -> "the trigger metadata";
                case AUTH -> "a TriggerAuthentication";
                case ENV -> "the target's environment (`" + p.name() + "FromEnv`)";
            });
        }
        return String.join(" or ", names);
    }

    /** Go's %v of a string slice: {@code [a b c]}. */
    static String goList(List<String> values) {
        return "[" + String.join(" ", values) + "]";
    }

    static String backticked(List<String> values) {
        return String.join(", ", values.stream().map(v -> "`" + v + "`").toList());
    }

    /** Spellings of enum values that mean one allowed value: case, dashes, and Kafka-client names. */
    private static final Map<String, String> ALIASES = Map.of("plain", "plaintext", "true", "enable", "false",
            "disable", "enabled", "enable", "disabled", "disable", "sasl_ssl", "enable", "ssl", "enable");

    static String alias(String value, List<String> allowed) {
        String norm = normalize(value);
        String matched = null;
        for (String a : allowed) {
            if (normalize(a).equals(norm)) {
                if (matched != null) {
                    return null;
                }
                matched = a;
            }
        }
        if (matched == null) {
            String target = ALIASES.get(value.strip().toLowerCase(Locale.ROOT));
            matched = target != null && allowed.contains(target) ? target : null;
        }
        return matched;
    }

    private static String normalize(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    private static String closest(String key, ScalerSpec spec) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : spec.params().keySet()) {
            int d = key.equalsIgnoreCase(known) ? 0
                    : distance(key.toLowerCase(Locale.ROOT), known.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = known;
            }
        }
        return bestDistance <= 2 && key.length() > 3 ? best : null;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] tmp = prev;
            prev = cur;
            cur = tmp;
        }
        return prev[b.length()];
    }

    private static Edit renameKey(KubeObject o, Trigger t, String key, String to) {
        var located = o.locate(t.metadataAt(key));
        if (!located.exact() || located.key() == null) {
            return null;
        }
        var k = located.key();
        String line = o.source().line(k.line());
        int from = line.offsetByCodePoints(0, k.column() - 1);
        if (!line.startsWith(key, from)) {
            return null; // a quoted key: leave it to the author
        }
        return new Edit(k.line(), k.column(), k.endLine(), k.endColumn(), to);
    }
}
