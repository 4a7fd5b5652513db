package dev.trafficengineer.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import java.util.List;

/**
 * Checks Kubernetes objects against the JSON Schema of their apiVersion and kind (the generated files of
 * {@code schemas/}, packaged in the jar) and explains each violation in words a person understands.
 *
 * <p>Pure: the only I/O is reading the packaged schemas, each once, when its kind is first seen. Thread-safe; keep
 * one instance and reuse it, since building a schema costs far more than using it.
 */
public final class SchemaValidator {

    private final SchemaCatalog catalog;

    /** A validator over the schemas packaged in the jar. */
    public SchemaValidator() {
        this(SchemaCatalog.onClasspath());
    }

    SchemaValidator(SchemaCatalog catalog) {
        this.catalog = catalog;
    }

    /** True when there is a schema for this apiVersion and kind. */
    public boolean knows(String apiVersion, String kind) {
        return catalog.knows(new KindKey(apiVersion, kind));
    }

    /**
     * The ways {@code object} breaks the schema of its kind, ordered by pointer; empty when it conforms. Fields set to
     * null count as absent, as they do for the API server.
     *
     * @throws IllegalArgumentException when there is no schema for the kind (ask {@link #knows} first)
     */
    public List<SchemaViolation> validate(String apiVersion, String kind, JsonNode object) {
        KindSchema schema = catalog.schema(new KindKey(apiVersion, kind));
        List<Error> errors = schema.schema().validate(NullFields.pruned(object));
        return errors.isEmpty() ? List.of() : ViolationTranslator.translate(kind, schema.document(), errors);
    }
}
