package dev.trafficengineer.rules.hpa.validation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shape of a Go type, as much of it as JSON decoding sees: what JSON it accepts and how
 * {@code reflect.Type.String()} names it in an {@code UnmarshalTypeError} ("int32", "v2.MetricSpec",
 * "[]v2.HPAScalingPolicy", "map[string]string"). Pointers are not modelled: a pointer decodes like its element, and
 * its element's name is the one an error shows.
 */
sealed interface GoType {

    /** reflect.Type.String() of the type. */
    String typeName();

    /** The scalar kinds the HPA types use, by how they decode. */
    enum Kind {
        /** A string or a named string type. */
        STRING,
        INT32,
        INT64,
        BOOL,
        /** resource.Quantity: its UnmarshalJSON parses any JSON text but null. */
        QUANTITY,
        /** metav1.Time: its UnmarshalJSON wants null or an RFC 3339 string. */
        TIME,
        /** metav1.FieldsV1: its UnmarshalJSON keeps any JSON as raw bytes. */
        RAW
    }

    record Scalar(Kind kind, String typeName) implements GoType {
    }

    /** A struct with its JSON field names; field matching is case-sensitive (sigs.k8s.io/json). */
    record Struct(String typeName, Map<String, GoType> fields) implements GoType {
        /** reflect.Type.Name(): the name without its package, as the "Go struct field X.path" context prints it. */
        String simpleName() {
            return typeName.substring(typeName.indexOf('.') + 1);
        }
    }

    record Slice(GoType element) implements GoType {
        @Override
        public String typeName() {
            return "[]" + element.typeName();
        }
    }

    record StringMap(GoType element) implements GoType {
        @Override
        public String typeName() {
            return "map[string]" + element.typeName();
        }
    }

    static Scalar scalar(Kind kind, String typeName) {
        return new Scalar(kind, typeName);
    }

    /** Builds a struct field by field, keeping declaration order. */
    static StructBuilder struct(String typeName) {
        return new StructBuilder(typeName);
    }

    final class StructBuilder {
        private final String typeName;
        private final Map<String, GoType> fields = new LinkedHashMap<>();

        private StructBuilder(String typeName) {
            this.typeName = typeName;
        }

        StructBuilder field(String jsonName, GoType type) {
            fields.put(jsonName, type);
            return this;
        }

        /** Adds the field only when the release has it. */
        StructBuilder fieldIf(boolean present, String jsonName, GoType type) {
            return present ? field(jsonName, type) : this;
        }

        Struct build() {
            return new Struct(typeName, Collections.unmodifiableMap(new LinkedHashMap<>(fields)));
        }
    }
}
