package dev.trafficengineer.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.source.JsonPointer;
import dev.trafficengineer.source.SourceText;

/**
 * One YAML document of a file: its JSON value as Kubernetes reads it ({@link #tree()}), and where each of its values
 * came from. Immutable once built.
 */
public final class YamlDocument {

    private final SourceText source;
    private final int index;
    private final JsonNode tree;
    private final Positions positions;
    private final int firstLine;

    YamlDocument(SourceText source, int index, JsonNode tree, Positions positions, int firstLine) {
        this.source = source;
        this.index = index;
        this.tree = tree;
        this.positions = positions;
        this.firstLine = firstLine;
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
        return positions.locate(tree, pointer);
    }

    /** The 0-based line of the document's first node in the file, for relating documents to lines. */
    public int firstLine() {
        return firstLine;
    }

    /** Maps offsets inside a scalar's value to file positions; null when the pointer is not a scalar. */
    public ScalarSpan scalarSpan(JsonPointer pointer) {
        return positions.scalarSpan(tree, pointer);
    }
}
