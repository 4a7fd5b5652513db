package dev.trafficengineer.rules.hpa;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.finding.Edit;
import dev.trafficengineer.manifest.Edits;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.manifest.Located;
import dev.trafficengineer.source.JsonPointer;
import dev.trafficengineer.source.SourceRange;
import dev.trafficengineer.source.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rewrites the metrics of an autoscaling/v2beta1 HPA as autoscaling/v2 writes them, exactly as the API server
 * converts them (pkg/apis/autoscaling/v2beta1/conversion.go): {@code targetAverageUtilization: 50} becomes
 * {@code target: {type: Utilization, averageUtilization: 50}}, {@code metricName} and {@code selector} move into
 * {@code metric}, an Object metric's {@code target} reference becomes {@code describedObject}. Values are copied as
 * written (quotes kept). Only block-style metric sources without comments are rewritten; anything this code cannot
 * convert exactly (round-trip annotations, unknown fields, flow style, a value the conversion would turn into 0)
 * gives no edits.
 */
public final class V2beta1Conversion {

    /** Annotations through which v2beta1 round-tripped fields it lacked; converting them by hand is not exact. */
    private static final String ROUND_TRIP_PREFIX = "autoscaling.alpha.kubernetes.io/";

    private static final Map<String, String> BLOCKS = Map.of("Resource", "resource",
            "ContainerResource", "containerResource", "Pods", "pods", "Object", "object", "External", "external");

    private static final Map<String, Set<String>> FIELDS = Map.of(
            "resource", Set.of("name", "targetAverageUtilization", "targetAverageValue"),
            "containerResource", Set.of("name", "container", "targetAverageUtilization", "targetAverageValue"),
            "pods", Set.of("metricName", "selector", "targetAverageValue"),
            "object", Set.of("target", "metricName", "selector", "targetValue", "averageValue"),
            "external", Set.of("metricName", "metricSelector", "targetValue", "targetAverageValue"));

    private V2beta1Conversion() {}

    /** The edits that turn the metrics into v2 form (empty list: nothing to move); empty when not exact. */
    public static Optional<List<Edit>> metricEdits(KubeObject o) {
        for (String key : o.annotations().keySet()) {
            if (key.startsWith(ROUND_TRIP_PREFIX)) {
                return Optional.empty();
            }
        }
        JsonNode metrics = o.tree().path("spec").path("metrics");
        if (metrics.isMissingNode() || metrics.isNull() || metrics.isArray() && metrics.isEmpty()) {
            return Optional.of(List.of());
        }
        if (!metrics.isArray()) {
            return Optional.empty();
        }
        List<Edit> edits = new ArrayList<>();
        for (int i = 0; i < metrics.size(); i++) {
            Optional<Edit> e = metric(o, JsonPointer.of("spec", "metrics").child(i), metrics.get(i));
            if (e.isEmpty()) {
                return Optional.empty();
            }
            edits.add(e.get());
        }
        return Optional.of(edits);
    }

    private static Optional<Edit> metric(KubeObject o, JsonPointer at, JsonNode m) {
        String block = BLOCKS.get(m.path("type").asText(""));
        if (block == null || !m.path(block).isObject()) {
            return Optional.empty();
        }
        for (String other : BLOCKS.values()) {
            if (!other.equals(block) && m.has(other) && !m.get(other).isNull()) {
                return Optional.empty(); // two sources: invalid before and after, not ours to choose
            }
        }
        JsonNode b = m.path(block);
        for (var it = b.fieldNames(); it.hasNext(); ) {
            if (!FIELDS.get(block).contains(it.next())) {
                return Optional.empty();
            }
        }
        Block src = Block.of(o, at.child(block));
        if (src == null) {
            return Optional.empty();
        }
        try {
            return convert(src, block, b).map(src::replaceWith);
        } catch (NotExact e) {
            return Optional.empty();
        }
    }

    /** The block's new lines, relative to its indentation; empty when the conversion would not be exact. */
    private static Optional<List<String>> convert(Block src, String block, JsonNode b) {
        List<String> out = new ArrayList<>();
        switch (block) {
            case "resource", "containerResource" -> {
                out.add(src.scalar("name", "name"));
                if (b.has("container")) {
                    out.add(src.scalar("container", "container"));
                }
                boolean utilization = present(b, "targetAverageUtilization");
                if (!utilization && !present(b, "targetAverageValue")) {
                    return Optional.empty();
                }
                out.add("target:");
                out.add(src.pad(1) + "type: " + (utilization ? "Utilization" : "AverageValue"));
                if (utilization) {
                    out.add(src.pad(1) + src.scalar("targetAverageUtilization", "averageUtilization"));
                }
                if (present(b, "targetAverageValue")) {
                    out.add(src.pad(1) + src.scalar("targetAverageValue", "averageValue"));
                }
            }
            case "pods" -> {
                if (!present(b, "targetAverageValue")) {
                    return Optional.empty(); // a non-pointer quantity: it would convert to 0
                }
                metricIdentifier(src, b, "selector", out);
                out.add("target:");
                out.add(src.pad(1) + "type: AverageValue");
                out.add(src.pad(1) + src.scalar("targetAverageValue", "averageValue"));
            }
            case "object" -> {
                if (!present(b, "targetValue") || !b.path("target").isObject()) {
                    return Optional.empty();
                }
                out.addAll(src.mapping("target", "describedObject"));
                metricIdentifier(src, b, "selector", out);
                out.add("target:");
                out.add(src.pad(1) + "type: " + (present(b, "averageValue") ? "AverageValue" : "Value"));
                out.add(src.pad(1) + src.scalar("targetValue", "value"));
                if (present(b, "averageValue")) {
                    out.add(src.pad(1) + src.scalar("averageValue", "averageValue"));
                }
            }
            case "external" -> {
                boolean value = present(b, "targetValue");
                if (!value && !present(b, "targetAverageValue")) {
                    return Optional.empty();
                }
                metricIdentifier(src, b, "metricSelector", out);
                out.add("target:");
                out.add(src.pad(1) + "type: " + (value ? "Value" : "AverageValue"));
                if (value) {
                    out.add(src.pad(1) + src.scalar("targetValue", "value"));
                }
                if (present(b, "targetAverageValue")) {
                    out.add(src.pad(1) + src.scalar("targetAverageValue", "averageValue"));
                }
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }

    /** A value written in a way the rewrite cannot carry over exactly. */
    private static final class NotExact extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotExact() {
            super(null, null, false, false);
        }
    }

    /** {@code metric: {name: <metricName>, selector: <selector>}}. */
    private static void metricIdentifier(Block src, JsonNode b, String selectorField, List<String> out) {
        out.add("metric:");
        out.add(src.pad(1) + src.scalar("metricName", "name"));
        if (b.has(selectorField) && !b.get(selectorField).isNull()) {
            for (String line : src.mapping(selectorField, "selector")) {
                out.add(line.isEmpty() ? "" : src.pad(1) + line);
            }
        }
    }

    private static boolean present(JsonNode b, String field) {
        return b.has(field) && !b.get(field).isNull();
    }

    /** A block mapping on lines of its own, and how to write its entries back. */
    private record Block(KubeObject o, JsonPointer at, SourceText src, int firstLine, int lastLine, int indent,
            int step) {

        static Block of(KubeObject o, JsonPointer at) {
            Located l = o.locate(at);
            JsonNode node = o.at(at);
            if (!l.exact() || node.isEmpty() || l.key() == null) {
                return null;
            }
            Located first = o.locate(at.child(node.fieldNames().next()));
            if (first.key() == null || first.key().line() <= l.key().line()) {
                return null; // flow style: the entries share the key's line
            }
            SourceText src = o.source();
            int firstLine = first.key().line();
            int lastLine = l.value().endLine();
            for (int i = firstLine; i <= lastLine; i++) {
                if (src.line(i).contains("#")) {
                    return null; // a comment we could not keep in place
                }
            }
            String last = src.line(lastLine);
            if (last.codePointCount(0, last.length()) + 1 > l.value().endColumn()
                    && !last.substring(last.offsetByCodePoints(0, l.value().endColumn() - 1)).isBlank()) {
                return null;
            }
            return new Block(o, at, src, firstLine, lastLine, first.key().column() - 1, Edits.indentStep(src));
        }

        String pad(int levels) {
            return " ".repeat(step * levels);
        }

        /** {@code newKey: <value as written>}, for a one-line scalar. */
        String scalar(String field, String newKey) {
            Located l = o.locate(at.child(field));
            if (!l.exact() || !l.scalar() || l.value().line() != l.value().endLine()) {
                throw new NotExact();
            }
            String line = src.line(l.value().line());
            String text = line.substring(line.offsetByCodePoints(0, l.value().column() - 1),
                    line.offsetByCodePoints(0, l.value().endColumn() - 1));
            return newKey + ": " + text;
        }

        /**
         * A mapping field under a new key, one level below the line the caller puts the key on: a flow value stays on
         * the key's line, a block value keeps its lines, indented one step below the key.
         */
        List<String> mapping(String field, String newKey) {
            Located l = o.locate(at.child(field));
            if (!l.exact() || l.key() == null) {
                throw new NotExact();
            }
            SourceRange v = l.value();
            if (v.line() == l.key().line()) {
                if (v.endLine() != v.line()) {
                    throw new NotExact();
                }
                String line = src.line(v.line());
                return List.of(newKey + ": " + line.substring(line.offsetByCodePoints(0, v.column() - 1),
                        line.offsetByCodePoints(0, v.endColumn() - 1)));
            }
            List<String> out = new ArrayList<>();
            out.add(newKey + ":");
            int oldIndent = v.column() - 1;
            for (int i = v.line(); i <= v.endLine(); i++) {
                String line = src.line(i);
                int lead = 0;
                while (lead < line.length() && line.charAt(lead) == ' ') {
                    lead++;
                }
                if (line.isBlank()) {
                    out.add("");
                } else if (lead < oldIndent) {
                    throw new NotExact();
                } else {
                    out.add(" ".repeat(step + lead - oldIndent) + line.substring(lead));
                }
            }
            return out;
        }

        /** Replaces the block's lines with {@code lines}, each indented like the block's entries. */
        Edit replaceWith(List<String> lines) {
            String nl = src.text().contains("\r\n") ? "\r\n" : "\n";
            StringBuilder text = new StringBuilder();
            for (String line : lines) {
                text.append(line.isEmpty() ? "" : " ".repeat(indent) + line).append(nl);
            }
            if (lastLine < src.lineCount()) {
                return new Edit(firstLine, 1, lastLine + 1, 1, text.toString());
            }
            String last = src.line(lastLine);
            return new Edit(firstLine, 1, lastLine, last.codePointCount(0, last.length()) + 1,
                    text.toString().stripTrailing());
        }
    }
}
