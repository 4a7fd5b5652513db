package dev.trafficengineer.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.source.JsonPointer;
import dev.trafficengineer.source.SourceRange;
import dev.trafficengineer.source.SourceText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the YAML documents of one file into JSON trees typed as Kubernetes types them, keeping the composed nodes
 * for positions. Each document is parsed on its own, so a syntax error costs only that document. Every problem is a
 * finding on the file, never an exception.
 */
public final class YamlReader {

    /** The nesting depth no Kubernetes object comes near. */
    static final int MAX_DEPTH = 50;

    public record Result(List<YamlDocument> documents, List<Finding> problems) {}

    private final SourceText source;
    private final List<YamlDocument> documents = new ArrayList<>();
    private final List<Finding> problems = new ArrayList<>();
    private final Resolver resolver = new Resolver();
    private final Map<String, String> keys = new HashMap<>();
    private boolean template;

    private YamlReader(SourceText source) {
        this.source = source;
    }

    /**
     * Reads every document of a file. {@code json} says the text is JSON, whose tabs are plain white space: they
     * are read as spaces (one for one, so positions do not move), where YAML would refuse them.
     */
    public static Result read(SourceText source, boolean json) {
        YamlReader r = new YamlReader(source);
        r.readAll(json ? source.text().replace('\t', ' ') : source.text());
        if (r.template) {
            return new Result(List.of(), r.problems);
        }
        return new Result(List.copyOf(r.documents), List.copyOf(r.problems));
    }

    private void readAll(String text) {
        int index = 0;
        for (Chunk chunk : Chunk.split(text)) {
            Node root;
            try {
                root = compose(chunk.text());
            } catch (MarkedYAMLException e) {
                if (chunk.text().contains("{{")) {
                    helm(chunk);
                    return;
                }
                problems.add(parseProblem(e, chunk));
                index++;
                continue;
            } catch (YAMLException e) {
                problems.add(limitProblem(e, chunk));
                index++;
                continue;
            }
            if (root == null || root instanceof ScalarNode sn && sn.isPlain() && sn.getValue().isEmpty()) {
                continue; // an empty document, or only comments
            }
            Converter c = new Converter(chunk);
            JsonNode tree = c.convert(root, 0);
            if (template) {
                return;
            }
            if (c.failed) {
                index++;
                continue;
            }
            Positions positions = Positions.build(source, tree, root, chunk.firstLine());
            documents.add(new YamlDocument(source, index++, tree, positions,
                    root.getStartMark().getLine() + chunk.firstLine()));
        }
    }

    private void helm(Chunk chunk) {
        int line = chunk.firstLine();
        String[] lines = chunk.text().split("\n", -1);
        int col = 0;
        for (int i = 0; i < lines.length; i++) {
            int at = lines[i].indexOf("{{");
            if (at >= 0) {
                line += i;
                col = lines[i].codePointCount(0, at);
                break;
            }
        }
        SourceRange r = source.range(line + 1, col + 1, line + 1, col + 3);
        problems.add(problem(InputRules.HELM_TEMPLATE, r,
                "This file contains template markers (`{{`); render it first with `helm template` and review the"
                        + " output."));
        template = true;
    }

    /** Composes one document; the low-level API skips the object construction machinery Yaml would build. */
    private Node compose(String text) {
        LoaderOptions o = new LoaderOptions();
        o.setAllowDuplicateKeys(true); // compose() ignores it; the converter reports duplicates itself
        o.setMaxAliasesForCollections(50);
        o.setNestingDepthLimit(MAX_DEPTH);
        o.setCodePointLimit(Math.max(text.length() + 1, 1024));
        o.setProcessComments(false);
        return new Composer(new ParserImpl(new StreamReader(text), o), resolver, o).getSingleNode();
    }

    /** The composer's limits throw without a position: the document's first line is the best place we have. */
    private Finding limitProblem(YAMLException e, Chunk chunk) {
        String m = String.valueOf(e.getMessage());
        SourceRange at = chunk.range(source);
        if (m.contains("Nesting Depth")) {
            return problem(InputRules.TOO_DEEP, at, "This document nests more than " + MAX_DEPTH
                    + " levels deep; no Kubernetes object does, so check how it was generated.");
        }
        if (m.contains("Number of aliases")) {
            return problem(InputRules.ALIAS_LIMIT, at, "This document uses more than 50 aliases to collections,"
                    + " which could expand it without bound; write the values out instead.");
        }
        return problem(InputRules.YAML_SYNTAX, at, "This document cannot be read as YAML (" + m.replace('\n', ' ')
                + "); fix it or leave it out.");
    }

    /**
     * A position inside the document: an error found at the end of the document (an unclosed bracket, say) is
     * shown at the end of its last line, not on the next document's marker.
     */
    private SourceRange within(Chunk chunk, int line0, int col0) {
        int last = chunk.lastContentLine();
        if (line0 > last || line0 == last + 1 && col0 == 0) {
            String text = source.line(chunk.firstLine() + last + 1);
            return point(chunk.firstLine() + last, text.stripTrailing().codePointCount(0, text.stripTrailing().length()));
        }
        return point(chunk.firstLine() + line0, col0);
    }

    private Finding parseProblem(MarkedYAMLException e, Chunk chunk) {
        int lineOffset = chunk.firstLine();
        Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        SourceRange at = m == null ? SourceRange.START : within(chunk, m.getLine(), m.getColumn());
        String problem = e.getProblem() == null ? "" : e.getProblem();
        if (problem.contains("(TAB)")) {
            return problem(InputRules.TAB_INDENTATION, at,
                    "Line " + at.line() + " is indented with a tab; YAML allows only spaces, so replace the tab"
                            + " with spaces.");
        }
        if (problem.startsWith("Nesting Depth exceeded") || String.valueOf(e.getMessage()).contains("Nesting Depth")) {
            return problem(InputRules.TOO_DEEP, at,
                    "The document nests more than " + MAX_DEPTH + " levels deep; no Kubernetes object does, so"
                            + " check how it was generated.");
        }
        if (problem.contains("Number of aliases")) {
            return problem(InputRules.ALIAS_LIMIT, at,
                    "The document uses more than 50 aliases to collections; write the values out instead.");
        }
        problem = problem.replace("<stream end>", "the end of the document")
                .replace("<document end>", "the end of the document")
                .replace("<block end>", "the end of the block");
        StringBuilder msg = new StringBuilder("YAML syntax error: ").append(problem.isEmpty() ? "invalid" : problem);
        if (e.getContext() != null && e.getContextMark() != null) {
            msg.append(" (").append(e.getContext()).append(" at line ")
                    .append(e.getContextMark().getLine() + lineOffset + 1).append(')');
        }
        msg.append("; fix the syntax here.");
        return problem(InputRules.YAML_SYNTAX, at, msg.toString().replace("\n", " "));
    }

    private SourceRange point(int line0, int col0) {
        int line = Math.min(line0 + 1, source.lineCount());
        int col = Math.min(col0 + 1, source.line(line).codePointCount(0, source.line(line).length()) + 1);
        return source.range(line, col, line, col);
    }

    private Finding problem(RuleInfo rule, SourceRange at, String message) {
        return new Finding(rule.id(), rule.severity(), message, source.path(), at, JsonPointer.ROOT, null, null);
    }

    /** Turns a composed node tree into JSON, checking what the composer does not. */
    private final class Converter {
        private final Chunk chunk;
        private final long budget;
        private long nodes;
        private final Map<Node, Boolean> merged = new IdentityHashMap<>();
        boolean failed;

        Converter(Chunk chunk) {
            this.chunk = chunk;
            // a document cannot hold more distinct nodes than characters: anything beyond is alias expansion
            this.budget = 10L * chunk.text().length() + 10_000;
        }

        JsonNode convert(Node n, int depth) {
            if (failed || template) {
                return null;
            }
            if (++nodes > budget || depth > 2 * MAX_DEPTH) {
                failed = true;
                problems.add(problem(InputRules.ALIAS_LIMIT, range(n),
                        "Aliases expand this document beyond " + budget + " nodes (or into a cycle); write the"
                                + " values out instead."));
                return null;
            }
            if (n instanceof MappingNode m) {
                return mapping(m, depth);
            }
            if (n instanceof SequenceNode s) {
                ArrayNode a = JsonNodeFactory.instance.arrayNode(s.getValue().size());
                List<Node> items = s.getValue();
                for (int i = 0; i < items.size(); i++) {
                    a.add(convert(items.get(i), depth + 1));
                }
                return a;
            }
            return scalar((ScalarNode) n);
        }

        private JsonNode mapping(MappingNode m, int depth) {
            if (m.getFlowStyle() == DumperOptions.FlowStyle.FLOW && startsWithBraces(m)) {
                helm(chunk);
                return null;
            }
            flattenMerges(m);
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            Map<String, Node> seen = new HashMap<>();
            for (NodeTuple t : m.getValue()) {
                Node keyNode = t.getKeyNode();
                if (!(keyNode instanceof ScalarNode)) {
                    failed = true;
                    problems.add(problem(InputRules.YAML_SYNTAX, range(keyNode),
                            "A mapping key must be a plain string; Kubernetes cannot read a complex key."));
                    return null;
                }
                String key = keys.computeIfAbsent(keyText(keyNode), k -> k); // one copy of "apiVersion", "spec", ...
                Node first = seen.putIfAbsent(key, keyNode);
                if (first != null && !merged.containsKey(keyNode)) {
                    problems.add(problem(InputRules.DUPLICATE_KEY, span(keyNode),
                            "The key `" + key + "` appears twice in this mapping (first at line "
                                    + (first.getStartMark().getLine() + chunk.firstLine() + 1)
                                    + "); keep one and delete the other."));
                }
                o.set(key, convert(t.getValueNode(), depth + 1));
            }
            return o;
        }

        /** Replaces {@code <<: *anchor} entries with the keys they bring that the mapping does not set itself. */
        private void flattenMerges(MappingNode m) {
            boolean any = false;
            for (NodeTuple t : m.getValue()) {
                any |= t.getKeyNode().getTag().equals(Tag.MERGE);
            }
            if (!any) {
                return;
            }
            List<NodeTuple> explicit = new ArrayList<>();
            List<Node> sources = new ArrayList<>();
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode().getTag().equals(Tag.MERGE)) {
                    Node v = t.getValueNode();
                    if (v instanceof SequenceNode s) {
                        sources.addAll(s.getValue());
                    } else {
                        sources.add(v);
                    }
                } else {
                    explicit.add(t);
                }
            }
            List<NodeTuple> out = new ArrayList<>(explicit);
            java.util.Set<String> keys = new java.util.HashSet<>();
            for (NodeTuple t : explicit) {
                keys.add(keyText(t.getKeyNode()));
            }
            for (Node src : sources) {
                if (src instanceof MappingNode sm) {
                    flattenMerges(sm);
                    for (NodeTuple t : sm.getValue()) {
                        if (keys.add(keyText(t.getKeyNode()))) {
                            out.add(t);
                            merged.put(t.getKeyNode(), Boolean.TRUE);
                        }
                    }
                }
            }
            m.setValue(out);
        }

        private JsonNode scalar(ScalarNode s) {
            if (!s.isPlain()) {
                return TextNode.valueOf(s.getValue());
            }
            Tag tag = s.getTag();
            if (tag.equals(Tag.STR) && !resolver.resolve(s.getNodeId(), s.getValue(), true).equals(Tag.STR)) {
                return TextNode.valueOf(s.getValue()); // an explicit !!str
            }
            return YamlScalars.plain(s.getValue());
        }

        private boolean startsWithBraces(MappingNode m) {
            Mark s = m.getStartMark();
            String line = source.line(s.getLine() + chunk.firstLine() + 1);
            int i = line.offsetByCodePoints(0, Math.min(s.getColumn(), line.codePointCount(0, line.length())));
            return line.startsWith("{{", i);
        }

        private SourceRange range(Node n) {
            Mark s = n.getStartMark();
            return point(s.getLine() + chunk.firstLine(), s.getColumn());
        }

        /** A scalar's whole range, for underlining it. */
        private SourceRange span(Node n) {
            Mark s = n.getStartMark();
            Mark e = n.getEndMark();
            if (e.getLine() != s.getLine()) {
                return range(n);
            }
            int line = s.getLine() + chunk.firstLine() + 1;
            return source.range(line, s.getColumn() + 1, line, e.getColumn() + 1);
        }
    }

    /** A mapping key as Kubernetes reads it: {@code yes} is the key "true", {@code 80} the key "80". */
    static String keyText(Node key) {
        if (key instanceof ScalarNode s) {
            return s.isPlain() ? YamlScalars.plain(s.getValue()).asText() : s.getValue();
        }
        return "";
    }

    /** The documents of a text, each with its own {@code ---} marker line if it had one, byte for byte. */
    public static List<String> documents(String text) {
        return Chunk.split(text).stream().map(Chunk::text).toList();
    }

    /** A document's text, cut from the file at its {@code ---} or {@code ...} markers. */
    record Chunk(int firstLine, String text) {

        SourceRange range(SourceText source) {
            return source.range(firstLine + 1, 1, firstLine + 1, 1);
        }

        /** The 0-based line, within the chunk, of its last non-blank line. */
        int lastContentLine() {
            String[] lines = text.split("\r?\n|\r", -1);
            for (int i = lines.length - 1; i > 0; i--) {
                if (!lines[i].isBlank()) {
                    return i;
                }
            }
            return 0;
        }

        static List<Chunk> split(String text) {
            List<Chunk> out = new ArrayList<>();
            int line = 0;
            int chunkStart = 0;
            int chunkLine = 0;
            boolean directives = false;
            int i = 0;
            int n = text.length();
            while (i < n) {
                int eol = i;
                while (eol < n && text.charAt(eol) != '\n' && text.charAt(eol) != '\r') {
                    eol++;
                }
                int next = eol;
                if (next < n && text.charAt(next) == '\r' && next + 1 < n && text.charAt(next + 1) == '\n') {
                    next++;
                }
                next = Math.min(n, next + 1);
                boolean start = marker(text, i, eol, "---");
                boolean end = marker(text, i, eol, "...");
                if (start && i > chunkStart && !directives) {
                    out.add(new Chunk(chunkLine, text.substring(chunkStart, i)));
                    chunkStart = i;
                    chunkLine = line;
                }
                if (start) {
                    directives = false;
                } else if (i < n && text.charAt(i) == '%') {
                    directives = true; // directives belong to the document that follows them
                }
                if (end) {
                    out.add(new Chunk(chunkLine, text.substring(chunkStart, i)));
                    chunkStart = next;
                    chunkLine = line + 1;
                }
                line++;
                i = next;
            }
            if (chunkStart < n) {
                out.add(new Chunk(chunkLine, text.substring(chunkStart)));
            }
            return out;
        }

        private static boolean marker(String text, int from, int eol, String m) {
            return text.startsWith(m, from) && (from + 3 == eol || text.charAt(from + 3) == ' '
                    || text.charAt(from + 3) == '\t');
        }
    }
}
