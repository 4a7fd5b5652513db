package dev.trafficengineer.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.source.JsonPointer;
import dev.trafficengineer.source.SourceRange;
import dev.trafficengineer.source.SourceText;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One YAML document of a file: its JSON value as Kubernetes reads it ({@link #tree()}), and the composed node tree,
 * which knows where every value came from. Immutable once built.
 */
public final class YamlDocument {

    private final SourceText source;
    private final int index;
    private final Node root;
    private final int lineOffset;
    private final JsonNode tree;

    YamlDocument(SourceText source, int index, Node root, int lineOffset, JsonNode tree) {
        this.source = source;
        this.index = index;
        this.root = root;
        this.lineOffset = lineOffset;
        this.tree = tree;
    }

    public SourceText source() {
        return source;
    }

    /** 0-based position of the document in its file. */
    public int index() {
        return index;
    }

    public JsonNode tree() {
        return tree;
    }

    /** Where the pointer lands, or where its deepest existing ancestor does. */
    public Located locate(JsonPointer pointer) {
        Node node = root;
        Node key = null;
        JsonPointer at = JsonPointer.ROOT;
        boolean exact = true;
        for (String token : pointer.tokens()) {
            NodeTuple hit = null;
            Node next = null;
            if (node instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    if (token.equals(keyText(t.getKeyNode()))) {
                        hit = t;
                    }
                }
                if (hit != null) {
                    next = hit.getValueNode();
                }
            } else if (node instanceof SequenceNode s) {
                int i = index(token);
                if (i >= 0 && i < s.getValue().size()) {
                    next = s.getValue().get(i);
                }
            }
            if (next == null) {
                exact = false;
                break;
            }
            key = hit == null ? null : hit.getKeyNode();
            node = next;
            at = at.child(token);
        }
        return new Located(at, key == null ? null : range(key), range(node), exact, node instanceof ScalarNode);
    }

    /** The 0-based line of the document's first node in the file, for relating documents to lines. */
    public int firstLine() {
        return root.getStartMark().getLine() + lineOffset;
    }

    /** The range of a scalar's content (inside quotes), so offsets within the value map to file positions. */
    public ScalarSpan scalarSpan(JsonPointer pointer) {
        Located l = locate(pointer);
        if (!l.exact() || !l.scalar()) {
            return null;
        }
        Node node = nodeAt(pointer);
        return ScalarSpan.of(source, (ScalarNode) node, lineOffset);
    }

    private Node nodeAt(JsonPointer pointer) {
        Node node = root;
        for (String token : pointer.tokens()) {
            if (node instanceof MappingNode m) {
                Node found = null;
                for (NodeTuple t : m.getValue()) {
                    if (token.equals(keyText(t.getKeyNode()))) {
                        found = t.getValueNode();
                    }
                }
                node = found;
            } else if (node instanceof SequenceNode s) {
                node = s.getValue().get(index(token));
            }
        }
        return node;
    }

    SourceRange range(Node n) {
        Mark s = n.getStartMark();
        int[] end = tightEnd(n);
        return source.range(s.getLine() + lineOffset + 1, s.getColumn() + 1, end[0] + lineOffset + 1, end[1] + 1);
    }

    /**
     * The end of a node without the line breaks and comments that snakeyaml counts into block collections and
     * block scalars: {line, column}, 0-based, within the document.
     */
    private int[] tightEnd(Node n) {
        if (n instanceof MappingNode m && m.getFlowStyle() == DumperOptions.FlowStyle.BLOCK && !m.getValue().isEmpty()) {
            List<NodeTuple> v = m.getValue();
            return tightEnd(lastByPosition(v));
        }
        if (n instanceof SequenceNode s && s.getFlowStyle() == DumperOptions.FlowStyle.BLOCK && !s.getValue().isEmpty()) {
            return tightEnd(s.getValue().get(s.getValue().size() - 1));
        }
        Mark e = n.getEndMark();
        int line = e.getLine();
        int col = e.getColumn();
        if (n instanceof ScalarNode sc && (sc.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL
                || sc.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED)) {
            // a block scalar ends after its trailing line breaks: end at the last non-blank line instead
            while (line > n.getStartMark().getLine() && (col == 0 || source.line(line + lineOffset + 1).isBlank())) {
                line--;
                col = source.line(line + lineOffset + 1).stripTrailing().codePointCount(0,
                        source.line(line + lineOffset + 1).stripTrailing().length());
            }
        }
        return new int[] {line, col};
    }

    /** Merged keys are appended after the explicit ones, so the last in the list is not always the last in the text. */
    private static Node lastByPosition(List<NodeTuple> tuples) {
        Node last = tuples.get(0).getValueNode();
        for (NodeTuple t : tuples) {
            if (t.getValueNode().getStartMark().getIndex() >= last.getStartMark().getIndex()) {
                last = t.getValueNode();
            }
        }
        return last;
    }

    static String keyText(Node key) {
        if (key instanceof ScalarNode s) {
            return s.isPlain() ? YamlScalars.plain(s.getValue()).asText() : s.getValue();
        }
        return "";
    }

    private static int index(String token) {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
