package dev.trafficengineer.schema.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trafficengineer.source.JsonPointer;
import java.util.List;

/**
 * Our own changes to an upstream definition, as a JSON Patch in {@code src/test/resources/schema-additions/}
 * named after the upstream file. Each operation must say {@code why} (what the fact is and where it comes from);
 * that text lands in a {@code $comment} of the schema it changes, so the generated files explain themselves.
 */
final class Additions {

    static final String FOLDER = "src/test/resources/schema-additions/";

    private Additions() {}

    /** The additions file for an upstream file: {@code kubernetes/x_openapi.json} → {@code kubernetes/x_openapi.patch.yaml}. */
    static String fileFor(String upstreamDocument) {
        int dot = upstreamDocument.lastIndexOf('.');
        return FOLDER + upstreamDocument.substring(0, dot) + ".patch.yaml";
    }

    static JsonNode apply(JsonNode document, List<JsonNode> operations, String file) {
        JsonNode result = document;
        for (JsonNode op : operations) {
            JsonNode why = op.get("why");
            if (why == null || why.asText().isBlank()) {
                throw new IllegalStateException(file + ": every operation needs a 'why': " + op);
            }
            result = JsonPatch.apply(result, List.of(op));
            if (!op.path("op").asText().equals("test")) {
                SchemaConverter.appendComment(schemaAround(result, new JsonPointer(op.get("path").asText())),
                        why.asText());
            }
        }
        return result;
    }

    /**
     * The schema object an operation changed: the added value itself when it is a schema, otherwise the nearest
     * enclosing object that is a schema (not a {@code properties} map or a list).
     */
    private static ObjectNode schemaAround(JsonNode document, JsonPointer path) {
        for (JsonPointer p = path; ; p = p.parent()) {
            JsonNode node = JsonPatch.resolve(document, p);
            boolean namedProperty = p.parent().last().equals("properties");
            boolean mapOfSchemas = p.last().equals("properties") || p.last().equals("schemas");
            if (node instanceof ObjectNode object && (namedProperty || !mapOfSchemas)) {
                return object;
            }
            if (p.isRoot()) {
                throw new IllegalStateException("no schema around " + path);
            }
        }
    }
}
