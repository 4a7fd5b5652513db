package dev.trafficengineer.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The JSON Schemas of the tools, from {@code mcp/tools/*.json} on the classpath (JSON files read better than Java
 * strings). Output schemas that use {@code $ref: #/$defs/...} get the shared definitions of {@code defs.json}.
 */
final class ToolSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ToolSchemas() {}

    static ObjectNode input(String tool) {
        return load("/mcp/tools/" + tool + ".input.json");
    }

    static ObjectNode output(String tool) {
        ObjectNode schema = load("/mcp/tools/" + tool + ".output.json");
        if (schema.has("$defs")) {
            schema.set("$defs", load("/mcp/tools/defs.json"));
        }
        return schema;
    }

    /** A JSON document from the classpath; it ships in the jar, so a missing one is a packaging bug. */
    static ObjectNode load(String resource) {
        try (InputStream in = ToolSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing from the jar: " + resource);
            }
            JsonNode n = JSON.readTree(in);
            return (ObjectNode) n;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static String text(JsonNode schema) {
        try {
            return JSON.writeValueAsString(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
