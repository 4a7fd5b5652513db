package dev.trafficengineer.rules.hpa.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Test inputs: YAML read with YAML 1.1 typing (as kubectl reads it: {@code yes} is a bool, {@code 10.0} a float),
 * and a valid HPA that each case changes with a JSON merge patch (RFC 7386: {@code null} removes a field).
 */
final class Manifests {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A valid HPA: its defaulted metrics are CPU at 80%. */
    static final String BASE = """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: web
              namespace: shop
            spec:
              scaleTargetRef:
                apiVersion: apps/v1
                kind: Deployment
                name: web
              minReplicas: 2
              maxReplicas: 10
            """;

    private Manifests() {
    }

    static JsonNode yaml(String text) {
        Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        return JSON.valueToTree(loaded);
    }

    /** The base HPA with {@code patchYaml} merged into it. */
    static JsonNode hpa(String patchYaml) {
        JsonNode base = yaml(BASE);
        return patchYaml.isBlank() ? base : merge(base, yaml(patchYaml));
    }

    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNull()) {
                result.remove(e.getKey());
            } else {
                result.set(e.getKey(), merge(result.get(e.getKey()), e.getValue()));
            }
        }
        return result;
    }
}
