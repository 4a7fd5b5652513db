package dev.trafficengineer.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Test fixtures written as YAML, read with YAML 1.1 typing as Kubernetes reads them. */
final class Manifests {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Manifests() {}

    static JsonNode yaml(String text) {
        return MAPPER.valueToTree(new Yaml(new SafeConstructor(new LoaderOptions())).load(text));
    }
}
