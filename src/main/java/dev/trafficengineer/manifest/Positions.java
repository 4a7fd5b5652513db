package dev.trafficengineer.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.source.SourceRange;
import dev.trafficengineer.source.SourceText;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Where every value of a document's JSON tree sits in the file, as a flat int array in the tree's pre-order: per
 * value its subtree size, its range, its key's range and its scalar style. The composed YAML nodes are dropped once
 * this is built, so a review holds about a tenth of the memory they took.
 */
final class Positions {

    /** Ints per value: size, value range (4), raw end (2), key range (4), style. */
    private static final int W = 12;
    private static final int SIZE = 0;
    private static final int VALUE = 1;
    private static final int RAW_END = 5;
    private static final int KEY = 7;
    private static final int STYLE = 11;
    private static final ScalarStyleCode[] STYLES = ScalarStyleCode.values();

    /** Not a scalar, or how it was written. */
    private enum ScalarStyleCode { NONE, PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL, FOLDED }

    private final SourceText source;
    private final int[] data;

    private Positions(SourceText source, int[] data) {
        this.source = source;
        this.data = data;
    }

    /**
     * Walks the converted tree and the composed nodes it came from together. For a duplicate key the tree holds the
     * last value, and so do the positions.
     */
    static Positions build(SourceText source, JsonNode tree, Node root, int lineOffset) {
        Builder b = new Builder(source, lineOffset);
        b.visit(tree, root, null);
        return new Positions(source, Arrays.copyOf(b.data, b.count * W));
    }

    /** Where the pointer's tokens lead, or the deepest existing ancestor. */
    Located locate(JsonNode tree, dev.trafficengineer.source.JsonPointer pointer) {
        int at = 0;
        JsonNode node = tree;
        dev.trafficengineer.source.JsonPointer found = dev.trafficengineer.source.JsonPointer.ROOT;
        boolean exact = true;
        for (String token : pointer.tokens()) {
            int child = -1;
            JsonNode next = null;
            if (node.isObject()) {
                int i = at + 1;
                for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (e.getKey().equals(token)) {
                        child = i;
                        next = e.getValue();
                        break;
                    }
                    i += data[i * W + SIZE];
                }
            } else if (node.isArray()) {
                int index = index(token);
                if (index >= 0 && index < node.size()) {
                    int i = at + 1;
                    for (int k = 0; k < index; k++) {
                        i += data[i * W + SIZE];
                    }
                    child = i;
                    next = node.get(index);
                }
            }
            if (child < 0 || next == null || child * W >= data.length) {
                exact = false;
                break;
            }
            at = child;
            node = next;
            found = found.child(token);
        }
        return new Located(found, key(at), value(at), exact, data[at * W + STYLE] != 0);
    }

    /** The scalar at the pre-order index a pointer led to, for offsets inside its value; null if not a scalar. */
    ScalarSpan scalarSpan(JsonNode tree, dev.trafficengineer.source.JsonPointer pointer) {
        Located l = locate(tree, pointer);
        if (!l.exact() || !l.scalar()) {
            return null;
        }
        int at = indexOf(tree, pointer);
        ScalarStyleCode style = STYLES[data[at * W + STYLE]];
        int o = at * W;
        SourceRange raw = source.range(data[o + VALUE], data[o + VALUE + 1], data[o + RAW_END],
                data[o + RAW_END + 1]);
        JsonNode value = tree.at(pointer.value());
        String text = value.isTextual() ? value.asText() : source.text().substring(
                source.charIndex(raw.line(), raw.column()), source.charIndex(raw.endLine(), raw.endColumn()));
        return ScalarSpan.of(source, DumperOptions.ScalarStyle.valueOf(style.name()), raw, text);
    }

    private int indexOf(JsonNode tree, dev.trafficengineer.source.JsonPointer pointer) {
        int at = 0;
        JsonNode node = tree;
        for (String token : pointer.tokens()) {
            int i = at + 1;
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    if (e.getKey().equals(token)) {
                        node = e.getValue();
                        break;
                    }
                    i += data[i * W + SIZE];
                }
            } else {
                int index = index(token);
                for (int k = 0; k < index; k++) {
                    i += data[i * W + SIZE];
                }
                node = node.get(index);
            }
            at = i;
        }
        return at;
    }

    private SourceRange value(int at) {
        int o = at * W + VALUE;
        return source.range(data[o], data[o + 1], data[o + 2], data[o + 3]);
    }

    private SourceRange key(int at) {
        int o = at * W + KEY;
        return data[o] <= 0 ? null : source.range(data[o], data[o + 1], data[o + 2], data[o + 3]);
    }

    private static int index(String token) {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Fills the array in pre-order while walking the tree and the nodes side by side. */
    private static final class Builder {
        private final SourceText source;
        private final int lineOffset;
        private int[] data = new int[W * 64];
        private int count;

        Builder(SourceText source, int lineOffset) {
            this.source = source;
            this.lineOffset = lineOffset;
        }

        void visit(JsonNode json, Node node, Node key) {
            int at = count++;
            if (data.length < count * W) {
                data = Arrays.copyOf(data, data.length * 2);
            }
            int o = at * W;
            Mark s = node.getStartMark();
            int[] end = tightEnd(node);
            data[o + VALUE] = s.getLine() + lineOffset + 1;
            data[o + VALUE + 1] = s.getColumn() + 1;
            data[o + VALUE + 2] = end[0] + lineOffset + 1;
            data[o + VALUE + 3] = end[1] + 1;
            data[o + RAW_END] = node.getEndMark().getLine() + lineOffset + 1;
            data[o + RAW_END + 1] = node.getEndMark().getColumn() + 1;
            if (key != null) {
                int[] keyEnd = tightEnd(key);
                data[o + KEY] = key.getStartMark().getLine() + lineOffset + 1;
                data[o + KEY + 1] = key.getStartMark().getColumn() + 1;
                data[o + KEY + 2] = keyEnd[0] + lineOffset + 1;
                data[o + KEY + 3] = keyEnd[1] + 1;
            }
            if (node instanceof ScalarNode sc) {
                data[o + STYLE] = ScalarStyleCode.valueOf(sc.getScalarStyle().name()).ordinal();
            }
            if (json.isObject() && node instanceof MappingNode m) {
                Map<String, NodeTuple> last = new HashMap<>();
                for (NodeTuple t : m.getValue()) {
                    last.put(YamlReader.keyText(t.getKeyNode()), t); // the last of duplicate keys is the one kept
                }
                for (Map.Entry<String, JsonNode> e : json.properties()) {
                    NodeTuple t = last.get(e.getKey());
                    visit(e.getValue(), t.getValueNode(), t.getKeyNode());
                }
            } else if (json.isArray() && node instanceof SequenceNode seq) {
                List<Node> items = seq.getValue();
                for (int i = 0; i < json.size(); i++) {
                    visit(json.get(i), items.get(i), null);
                }
            }
            data[o + SIZE] = count - at;
        }

        /**
         * The end of a node without the line breaks and comments snakeyaml counts into block collections and block
         * scalars: {line, column}, 0-based, within the document.
         */
        private int[] tightEnd(Node n) {
            if (n instanceof MappingNode m && m.getFlowStyle() == DumperOptions.FlowStyle.BLOCK
                    && !m.getValue().isEmpty()) {
                return tightEnd(lastByPosition(m.getValue()));
            }
            if (n instanceof SequenceNode s && s.getFlowStyle() == DumperOptions.FlowStyle.BLOCK
                    && !s.getValue().isEmpty()) {
                return tightEnd(s.getValue().get(s.getValue().size() - 1));
            }
            Mark e = n.getEndMark();
            int line = e.getLine();
            int col = e.getColumn();
            if (n instanceof ScalarNode sc && (sc.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL
                    || sc.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED)) {
                // a block scalar ends after its trailing line breaks: end at the last non-blank line instead
                while (line > n.getStartMark().getLine()
                        && (col == 0 || source.line(line + lineOffset + 1).isBlank())) {
                    line--;
                    String text = source.line(line + lineOffset + 1).stripTrailing();
                    col = text.codePointCount(0, text.length());
                }
            }
            return new int[] {line, col};
        }

        /** Merged keys follow the explicit ones, so the last in the list is not always the last in the text. */
        private static Node lastByPosition(List<NodeTuple> tuples) {
            Node last = tuples.get(0).getValueNode();
            for (NodeTuple t : tuples) {
                if (t.getValueNode().getStartMark().getIndex() >= last.getStartMark().getIndex()) {
                    last = t.getValueNode();
                }
            }
            return last;
        }
    }
}
