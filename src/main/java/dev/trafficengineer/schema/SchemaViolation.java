package dev.trafficengineer.schema;

import dev.trafficengineer.source.JsonPointer;
import java.util.Objects;

/**
 * One way an object breaks the schema of its kind.
 *
 * @param pointer where, in the object. For {@code required} and {@code additionalProperties} it names the key
 *                itself (parent pointer plus the property), which for a missing field does not exist: a reader that
 *                maps it to a source position falls back to the nearest node that does
 * @param atKey   true when the pointer names a mapping key rather than a value (an unknown or a missing field):
 *                the key is what to highlight
 * @param keyword the JSON Schema keyword that failed ({@code type}, {@code required}, {@code additionalProperties},
 *                {@code enum}, {@code minimum}, ...; {@code anyOf}/{@code oneOf} for a value that matches none of
 *                the allowed forms)
 * @param message one sentence for a person, naming the field in Kubernetes terms
 *                ({@code spec.maxReplicas must be an integer, got the string "10"})
 */
public record SchemaViolation(JsonPointer pointer, boolean atKey, String keyword, String message) {

    public SchemaViolation {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(message, "message");
    }
}
