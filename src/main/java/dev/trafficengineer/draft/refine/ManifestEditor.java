package dev.trafficengineer.draft.refine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.finding.Edit;
import dev.trafficengineer.finding.ObjectRef;
import dev.trafficengineer.fix.TextFixer;
import dev.trafficengineer.manifest.Edits;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.manifest.LoadedFile;
import dev.trafficengineer.manifest.Located;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.source.JsonPointer;
import dev.trafficengineer.source.SourceText;
import java.util.ArrayList;
import java.util.List;

/**
 * Edits YAML text one change at a time and reads it again after each, so every edit is computed against the text
 * as it is: values are replaced where they are, missing entries are inserted beside their siblings with the file's
 * indentation, and comments, order and quoting stay as they were.
 */
final class ManifestEditor {

    static final String FILE = "manifests.yaml";

    private final ManifestLoader loader;
    private String text;
    private LoadedFile file;

    ManifestEditor(ManifestLoader loader, String text) {
        this.loader = loader;
        this.text = text;
        this.file = loader.load(new SourceText(FILE, text), false);
    }

    String text() {
        return text;
    }

    LoadedFile file() {
        return file;
    }

    List<KubeObject> objects() {
        return file.objects();
    }

    /** The object as it is now (objects are found again after every edit). */
    KubeObject find(ObjectRef ref) {
        for (KubeObject o : file.objects()) {
            if (o.kind().equals(ref.kind()) && o.name().equals(ref.name())
                    && java.util.Objects.equals(o.namespace(), ref.namespace())) {
                return o;
            }
        }
        throw new IllegalStateException(ref.display() + " disappeared while editing");
    }

    /** The value at a pointer of the object as it is now (a missing node when absent). */
    JsonNode at(ObjectRef ref, JsonPointer p) {
        return find(ref).at(p);
    }

    private boolean apply(Edit edit) {
        if (edit == null) {
            return false;
        }
        String next = TextFixer.applyEdits(file.source(), List.of(edit));
        LoadedFile reloaded = loader.load(new SourceText(FILE, next), false);
        if (!reloaded.problems().isEmpty() && file.problems().isEmpty()) {
            return false; // an edit must never break the file; leave it as it was
        }
        text = next;
        file = reloaded;
        return true;
    }

    /**
     * Sets a value: {@code yaml} is the value as YAML ({@code 20}, {@code "0.24"}). An existing value is replaced;
     * a missing one is inserted into its deepest existing block mapping, with the mappings in between. False when
     * the file's layout does not allow it (a flow mapping, say).
     */
    boolean set(ObjectRef ref, JsonPointer p, String yaml) {
        KubeObject o = find(ref);
        JsonNode current = o.at(p);
        if (!current.isMissingNode()) {
            if (!current.isValueNode()) {
                return false;
            }
            return apply(Edits.replaceValue(o, p, yaml));
        }
        return insert(ref, p, yaml);
    }

    /**
     * Inserts a missing entry whose value is a block ({@code "- type: Percent\n  value: 10"}) or a scalar, with the
     * mappings between it and its deepest existing ancestor.
     */
    boolean insert(ObjectRef ref, JsonPointer p, String value) {
        KubeObject o = find(ref);
        JsonPointer parent = p.parent();
        List<String> missing = new ArrayList<>();
        missing.add(0, p.last());
        while (!parent.isRoot() && o.at(parent).isMissingNode()) {
            missing.add(0, parent.last());
            parent = parent.parent();
        }
        if (!o.at(parent).isObject()) {
            return false;
        }
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < missing.size(); i++) {
            block.append("  ".repeat(i)).append(missing.get(i)).append(':');
            if (i < missing.size() - 1) {
                block.append('\n');
            }
        }
        String indent = "  ".repeat(missing.size());
        if (value.contains("\n") || value.startsWith("- ")) {
            for (String line : value.split("\n")) {
                block.append('\n').append(indent).append(line);
            }
        } else {
            block.append(' ').append(value);
        }
        return apply(Edits.insertEntry(o, parent, block.toString()));
    }

    /** Removes an entry with its lines. */
    boolean delete(ObjectRef ref, JsonPointer p) {
        return apply(Edits.deleteEntry(find(ref), p));
    }

    /**
     * Appends an item to a block sequence, after its last item and indented like it; {@code block} is the item's
     * mapping written with two-space indentation and without the dash.
     */
    boolean append(ObjectRef ref, JsonPointer sequence, String block) {
        KubeObject o = find(ref);
        JsonNode seq = o.at(sequence);
        if (!seq.isArray() || seq.isEmpty()) {
            return false;
        }
        Located last = o.locate(sequence.child(seq.size() - 1));
        SourceText src = o.source();
        int line = last.value().line();
        String first = src.line(line);
        int valueColumn = last.value().column() - 1;
        int dash = first.lastIndexOf("- ", Math.max(0, first.offsetByCodePoints(0, valueColumn) - 1));
        if (dash < 0 || !first.substring(0, dash).isBlank()) {
            return false; // a flow sequence, or items that do not start their own lines
        }
        String nl = src.text().contains("\r\n") ? "\r\n" : "\n";
        StringBuilder out = new StringBuilder();
        String[] lines = block.split("\n");
        for (int i = 0; i < lines.length; i++) {
            out.append(" ".repeat(dash)).append(i == 0 ? "- " : "  ").append(lines[i]).append(nl);
        }
        int end = last.value().endLine();
        if (end < src.lineCount()) {
            return apply(Edit.insert(end + 1, 1, out.toString()));
        }
        String lastLine = src.line(end);
        return apply(Edit.insert(end, lastLine.codePointCount(0, lastLine.length()) + 1,
                nl + out.toString().stripTrailing()));
    }

    /** Appends a document at the end of the file. */
    boolean appendDocument(String yaml) {
        String sep = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
        String next = text + sep + "---\n" + yaml;
        LoadedFile reloaded = loader.load(new SourceText(FILE, next), false);
        if (!reloaded.problems().isEmpty()) {
            return false;
        }
        text = next;
        file = reloaded;
        return true;
    }

    /** Removes the document that holds the object, with the separator before it (or after it, for the first). */
    boolean deleteDocument(ObjectRef ref) {
        KubeObject o = find(ref);
        if (!o.base().isRoot()) {
            return false; // an item of a kind: List, not a document of its own
        }
        String[] lines = text.split("\n", -1);
        List<Integer> separators = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].matches("---(\\s.*)?\\r?") || lines[i].equals("---")) {
                separators.add(i);
            }
        }
        int first = o.document().firstLine();
        int start = 0;
        int end = lines.length;
        for (int s : separators) {
            if (s < first) {
                start = s;
            } else {
                end = s;
                break;
            }
        }
        boolean hasBefore = separators.stream().anyMatch(s -> s < first);
        if (!hasBefore && end < lines.length) {
            end = end + 1; // the first document goes with the separator after it
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i < start || i >= end) {
                out.append(lines[i]).append(i < lines.length - 1 ? "\n" : "");
            }
        }
        String next = out.toString();
        LoadedFile reloaded = loader.load(new SourceText(FILE, next), false);
        if (!reloaded.problems().isEmpty()) {
            return false;
        }
        text = next;
        file = reloaded;
        return true;
    }
}
