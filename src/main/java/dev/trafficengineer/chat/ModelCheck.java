package dev.trafficengineer.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trafficengineer.draft.Requirements;
import dev.trafficengineer.draft.RequirementsException;
import dev.trafficengineer.draft.RequirementsReader;
import dev.trafficengineer.draft.refine.Amount;
import dev.trafficengineer.draft.refine.RequirementsTree;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks what a model extracted from a message against the message itself, before any of it is used. A model may
 * misread or invent; the user's words are the evidence. A number is kept only when the message contains it (in
 * some unit: 2 s for 2000 ms, 1.5k for 1500), a name only when the message contains it, an interval only when its
 * hours appear; where the offline reading of the same message set a field, the offline value wins. What the model
 * says that is already known changes nothing. Everything dropped is reported with the reason.
 */
final class ModelCheck {

    /** The fields kept (as partial requirements), their paths, and one sentence per field dropped. */
    record Result(Requirements accepted, List<String> fields, List<String> rejected) {}

    /** Enumerations the schema already limits; the text need not spell them ("an API" is {@code http}). */
    private static final Set<String> ENUMS = Set.of("workload.kind", "workload.type", "traffic.unit",
            "traffic.pattern", "slo.percentile", "source.type", "source.kafka.sasl");

    private static final RequirementsReader READER = new RequirementsReader();

    private ModelCheck() {}

    static Result check(String text, Requirements fromModel, Requirements offline, Requirements known) {
        List<String> rejected = new ArrayList<>();
        RequirementsTree model = RequirementsTree.of(fromModel);
        try {
            READER.fromTree(model.root());
        } catch (RequirementsException e) {
            return new Result(Requirements.EMPTY, List.of(), List.of("the model's reading does not fit the"
                    + " requirements format (" + String.join("; ", e.problems()) + "), so I ignored it"));
        }
        RequirementsTree offlineTree = RequirementsTree.of(offline);
        RequirementsTree knownTree = RequirementsTree.of(known);
        RequirementsTree kept = RequirementsTree.of(Requirements.EMPTY);
        List<String> fields = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        List<Double> numbers = Amount.scan(lower).stream().map(Amount::value).toList();
        for (Map.Entry<String, JsonNode> leaf : leaves(model.root(), "")) {
            String field = leaf.getKey();
            JsonNode value = leaf.getValue();
            JsonNode mine = offlineTree.get(field);
            if (value.equals(knownTree.get(field)) || mine != null && sameValue(mine, value)) {
                continue; // nothing new
            }
            if (mine != null) {
                rejected.add("the model read " + field + " = " + shown(value) + ", I read " + shown(mine)
                        + "; I kept mine");
                continue;
            }
            String why = evidence(field, value, lower, numbers);
            if (why != null) {
                rejected.add("the model read " + field + " = " + shown(value) + ", but " + why + ", so I left it"
                        + " out");
                continue;
            }
            kept.set(field, value);
            fields.add(field);
        }
        return new Result(kept.toRequirements(), fields, rejected);
    }

    /** Null when the message supports the value, else why not. */
    private static String evidence(String field, JsonNode value, String lower, List<Double> numbers) {
        if (value.isBoolean() || ENUMS.contains(field)) {
            return null;
        }
        if (value.isNumber()) {
            return mentioned(value.asDouble(), numbers) ? null : "your message does not say "
                    + Amount.format(value.asDouble());
        }
        if (value.isTextual()) {
            String v = value.asText().toLowerCase(Locale.ROOT);
            if (field.equals("traffic.idleWindows") || v.matches("\\d{2}:\\d{2}-\\d{2}:\\d{2}")) {
                return hours(v, numbers, lower) ? null : "your message does not give those hours";
            }
            return lower.contains(v) ? null : "your message does not mention `" + value.asText() + "`";
        }
        if (value.isArray()) {
            for (JsonNode item : value) {
                String why = evidence(field, item, lower, numbers);
                if (why != null) {
                    return why;
                }
            }
            return null;
        }
        if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("name")) {
                    continue; // a container name the drafter fills in
                }
                String why = evidence(field + "." + e.getKey(), e.getValue(), lower, numbers);
                if (why != null) {
                    return why;
                }
            }
            return null;
        }
        return "it has no value";
    }

    /** The number, or the same amount in another unit the user may have written (s/ms, minutes, thousands). */
    private static boolean mentioned(double v, List<Double> numbers) {
        for (double n : numbers) {
            for (double factor : new double[] {1, 1000, 0.001, 60, 1.0 / 60, 3600, 100, 0.01}) {
                if (Math.abs(n * factor - v) < 1e-6 * Math.max(1, Math.abs(v))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hours(String window, List<Double> numbers, String lower) {
        if (lower.contains(window)) {
            return true;
        }
        String[] parts = window.split("-");
        for (String p : parts) {
            int h = Integer.parseInt(p.substring(0, 2));
            boolean found = lower.contains(p) || lower.matches("(?s).*\\b0?" + h + "\\b.*")
                    || lower.matches("(?s).*\\b" + (h % 12 == 0 ? 12 : h % 12) + "\\s?(?:am|pm)\\b.*")
                    || h == 0 && lower.contains("midnight") || h == 12 && lower.contains("noon");
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return Math.abs(a.asDouble() - b.asDouble()) < 1e-9;
        }
        return a.equals(b);
    }

    private static String shown(JsonNode v) {
        return v.isNumber() ? Amount.format(v.asDouble()) : v.isTextual() ? v.asText() : v.toString();
    }

    /** Every leaf of the tree by dotted path; arrays and the objects in them count as one leaf. */
    private static List<Map.Entry<String, JsonNode>> leaves(JsonNode node, String prefix) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        if (node instanceof ObjectNode o && !prefix.equals("source.prometheus.labels")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.addAll(leaves(e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey()));
            }
        } else if (!node.isNull() && !prefix.isEmpty()) {
            out.add(Map.entry(prefix, node));
        }
        return out;
    }
}
