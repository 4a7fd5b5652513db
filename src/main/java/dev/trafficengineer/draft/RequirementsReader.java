package dev.trafficengineer.draft;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.manifest.YamlDocument;
import dev.trafficengineer.manifest.YamlReader;
import dev.trafficengineer.source.JsonPointer;
import dev.trafficengineer.source.SourceRange;
import dev.trafficengineer.source.SourceText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a requirements file (YAML or JSON) and checks it against {@code schemas/requirements.schema.json}; every
 * problem names its line and column. The YAML is typed the way the manifests are (YAML 1.1).
 */
public final class RequirementsReader {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private final Schema schema;

    public RequirementsReader() {
        try (InputStream in = RequirementsReader.class.getResourceAsStream("/schemas/requirements.schema.json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(text, com.networknt.schema.InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException("the requirements schema is missing from the jar", e);
        }
    }

    public Requirements read(SourceText source) throws RequirementsException {
        YamlReader.Result r = YamlReader.read(source, source.path().endsWith(".json"));
        List<String> problems = new ArrayList<>();
        for (Finding f : r.problems()) {
            problems.add(at(source, f.range()) + f.message());
        }
        if (!problems.isEmpty()) {
            throw new RequirementsException(problems);
        }
        if (r.documents().isEmpty()) {
            return Requirements.EMPTY;
        }
        if (r.documents().size() > 1) {
            throw new RequirementsException(List.of(source.path() + ": a requirements file holds one document,"
                    + " not " + r.documents().size()));
        }
        YamlDocument doc = r.documents().get(0);
        return read(doc);
    }

    /** Checks an already parsed tree (a chat state, an MCP argument) whose positions are in {@code doc}. */
    private Requirements read(YamlDocument doc) throws RequirementsException {
        JsonNode tree = doc.tree();
        List<String> problems = new ArrayList<>();
        for (Error e : schema.validate(tree)) {
            String ptr = e.getInstanceLocation().toString();
            JsonPointer at = new JsonPointer(ptr);
            if (e.getProperty() != null) {
                at = at.child(e.getProperty());
            }
            SourceRange range = doc.locate(at).preferred(true);
            String field = at.isRoot() ? "the requirements" : at.fieldPath();
            problems.add(at(doc.source(), range) + field + ": " + e.getMessage().replaceFirst("^/\\S*:? ?", ""));
        }
        if (!problems.isEmpty()) {
            throw new RequirementsException(problems);
        }
        return convert(tree);
    }

    /** A tree that already passed the schema (or came from our own code) as the record. */
    public Requirements fromTree(JsonNode tree) throws RequirementsException {
        List<String> problems = new ArrayList<>();
        for (Error e : schema.validate(tree)) {
            problems.add(e.getInstanceLocation() + ": " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new RequirementsException(problems);
        }
        return convert(tree);
    }

    private static Requirements convert(JsonNode tree) throws RequirementsException {
        try {
            return tree == null || tree.isNull() ? Requirements.EMPTY : JSON.treeToValue(tree, Requirements.class);
        } catch (IOException e) {
            throw new RequirementsException(List.of("the requirements do not fit their format: " + e.getMessage()));
        }
    }

    private static String at(SourceText src, SourceRange r) {
        return src.path() + ":" + r.line() + ":" + r.column() + ": ";
    }
}
