package dev.trafficengineer.schema;

import static dev.trafficengineer.schema.Manifests.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.source.JsonPointer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The generated schemas express int-or-string as one type list, but a schema with anyOf/oneOf must still give one
 * violation per mistake, not one per branch. A small catalog made for the test exercises that.
 */
class CompositeSchemaTest {

    private static final String INDEX = """
            {"kinds": [{"apiVersion": "example.dev/v1", "kind": "Widget", "file": "widget.json"}]}""";
    private static final String WIDGET = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "properties": {
               "spec": {"type": "object", "additionalProperties": false, "properties": {
                 "port": {"anyOf": [{"type": "integer"}, {"type": "string"}]},
                 "ports": {"type": "array", "items": {"anyOf": [{"type": "integer"}, {"type": "string"}]}},
                 "limits": {"type": "array", "items": {"anyOf": [
                   {"type": "object", "properties": {"max": {"type": "integer"}}, "required": ["max"]},
                   {"type": "string"}]}},
                 "size": {"oneOf": [{"type": "integer", "minimum": 1}, {"type": "string", "pattern": "^[0-9]+Gi$"}]}
               }}}}""";

    private final SchemaValidator validator = new SchemaValidator(new SchemaCatalog(name -> {
        String text = Map.of("index.json", INDEX, "widget.json", WIDGET).get(name);
        return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }));

    @Test
    void anyOfBranchesThatFailOnTypeBecomeOneMessage() {
        var object = yaml("{apiVersion: example.dev/v1, kind: Widget, spec: {port: true}}");
        assertThat(validator.validate("example.dev/v1", "Widget", object)).containsExactly(new SchemaViolation(
                new JsonPointer("/spec/port"), false, "anyOf", "spec.port must be an integer or a string, got true"));
    }

    @Test
    void oneOfWithDeeperFailuresBecomesOneMessage() {
        var object = yaml("{apiVersion: example.dev/v1, kind: Widget, spec: {size: 10Mi}}");
        assertThat(validator.validate("example.dev/v1", "Widget", object)).containsExactly(new SchemaViolation(
                new JsonPointer("/spec/size"), false, "oneOf", "spec.size matches none of the forms it may take"));
    }

    @Test
    void eachListItemGetsItsOwnMessage() {
        var object = yaml("{apiVersion: example.dev/v1, kind: Widget, spec: {ports: [true, 8080, false]}}");
        assertThat(validator.validate("example.dev/v1", "Widget", object)).extracting(SchemaViolation::pointer)
                .containsExactly(new JsonPointer("/spec/ports/0"), new JsonPointer("/spec/ports/2"));
    }

    @Test
    void failuresInsideABranchPointAtTheValueTheAnyOfJudged() {
        var object = yaml("{apiVersion: example.dev/v1, kind: Widget, spec: {limits: [{max: x}, {max: 3}]}}");
        assertThat(validator.validate("example.dev/v1", "Widget", object)).containsExactly(new SchemaViolation(
                new JsonPointer("/spec/limits/0"), false, "anyOf",
                "spec.limits[0] matches none of the forms it may take"));
    }

    @Test
    void aValidWidgetPasses() {
        var object = yaml("{apiVersion: example.dev/v1, kind: Widget, spec: {port: http, size: 3}}");
        assertThat(validator.validate("example.dev/v1", "Widget", object)).isEmpty();
    }
}
