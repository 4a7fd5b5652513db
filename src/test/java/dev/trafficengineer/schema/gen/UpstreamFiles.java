package dev.trafficengineer.schema.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads the generator's inputs (JSON, and YAML read as YAML 1.1, as Kubernetes reads it), each file once. */
final class UpstreamFiles {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path root;
    private final Map<String, List<JsonNode>> cache = new HashMap<>();

    UpstreamFiles(Path root) {
        this.root = root;
    }

    /** The one document in a JSON or YAML file. */
    JsonNode document(String relative) {
        List<JsonNode> docs = documents(relative);
        if (docs.size() != 1) {
            throw new IllegalStateException(relative + " holds " + docs.size() + " documents, expected one");
        }
        return docs.get(0);
    }

    /** The non-empty documents of a file, as read-only trees (callers copy before changing them). */
    List<JsonNode> documents(String relative) {
        return cache.computeIfAbsent(relative, this::read);
    }

    private List<JsonNode> read(String relative) {
        Path file = root.resolve(relative);
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (relative.endsWith(".json")) {
                return List.of(MAPPER.readTree(text));
            }
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(8 * 1024 * 1024);
            List<JsonNode> out = new ArrayList<>();
            for (Object doc : new Yaml(new SafeConstructor(options)).loadAll(text)) {
                if (doc != null) {
                    out.add(MAPPER.valueToTree(doc));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
