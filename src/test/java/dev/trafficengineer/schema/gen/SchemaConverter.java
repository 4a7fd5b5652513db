package dev.trafficengineer.schema.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Turns Kubernetes OpenAPI v3 schemas (from the API server's OpenAPI documents and from CRDs) into JSON Schema
 * 2020-12 that says what the API server accepts:
 * <ul>
 *   <li>{@code $ref}s into {@code #/components/schemas} become {@code #/$defs}, and every definition reached is
 *       converted once;</li>
 *   <li>int-or-string ({@code x-kubernetes-int-or-string}, {@code format: int-or-string}) becomes
 *       {@code type: [integer, string]}, one type check instead of an anyOf whose branches each report an error;
 *       {@code title} marks it ({@code int-or-string}, or {@code quantity} when it carries the quantity pattern) so
 *       that messages can name it;</li>
 *   <li>resource.Quantity of built-in types accepts numbers and strings, as its JSON decoding does;</li>
 *   <li>an object schema with {@code properties} and no {@code additionalProperties} gets
 *       {@code additionalProperties: false}, unless it keeps unknown fields
 *       ({@code x-kubernetes-preserve-unknown-fields}) or its definition is lenient: kubectl's default field
 *       validation (Strict) rejects unknown fields of built-in types and of custom resources (which would
 *       otherwise be pruned, dropped without a word), so a typo is an error either way;</li>
 *   <li>documentation and keywords that do not constrain values are dropped; CEL rules
 *       ({@code x-kubernetes-validations}) are named in a {@code $comment}, since JSON Schema cannot run them.</li>
 * </ul>
 * A keyword it has no rule for stops the generator, so a new upstream keyword is never silently ignored.
 */
final class SchemaConverter {

    /** The pattern controller-gen writes for resource.Quantity in CRDs (see upstream/keda and upstream/vpa). */
    static final String QUANTITY_PATTERN = "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]"
            + "|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$";
    static final String QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";
    static final String OPENAPI_REF = "#/components/schemas/";
    static final String DEFS_REF = "#/$defs/";

    /** Copied as they are: they constrain values, or they are our own notes. */
    private static final Set<String> KEPT = Set.of("type", "required", "enum", "minimum", "maximum", "minLength",
            "maxLength", "minItems", "maxItems", "pattern", "uniqueItems", "$comment");
    /**
     * Dropped: documentation, defaults (the API server applies them, a client-side check must not), formats (only
     * annotations in 2020-12), merge hints, and nullable (null fields are pruned before validation; see
     * SchemaValidator).
     */
    private static final Set<String> DROPPED = Set.of("description", "default", "format", "nullable",
            "x-kubernetes-list-type", "x-kubernetes-list-map-keys", "x-kubernetes-map-type",
            "x-kubernetes-patch-merge-key", "x-kubernetes-patch-strategy", "x-kubernetes-unions",
            "x-kubernetes-group-version-kind");

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final JsonNode definitions;
    private final Predicate<String> lenient;
    private final SortedMap<String, ObjectNode> converted = new TreeMap<>();
    private final Deque<String> pending = new ArrayDeque<>();

    /**
     * @param definitions the {@code components.schemas} that {@code $ref}s point into
     * @param lenient     the definitions whose objects stay open to unknown fields
     */
    SchemaConverter(JsonNode definitions, Predicate<String> lenient) {
        this.definitions = definitions;
        this.lenient = lenient;
    }

    /** Converts the root schema and every definition it reaches; {@link #definitions()} then holds the latter. */
    ObjectNode convertRoot(JsonNode schema) {
        ObjectNode root = convert(schema, true, "#");
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (!converted.containsKey(name)) {
                converted.put(name, convertDefinition(name));
            }
        }
        return root;
    }

    SortedMap<String, ObjectNode> definitions() {
        return converted;
    }

    private ObjectNode convertDefinition(String name) {
        JsonNode def = definitions.get(name);
        if (def == null) {
            throw new IllegalStateException("$ref to a missing definition: " + name);
        }
        if (name.equals(QUANTITY)) {
            return builtInQuantity();
        }
        return convert(def, !lenient.test(name), DEFS_REF + name);
    }

    private static ObjectNode builtInQuantity() {
        ObjectNode q = JSON.objectNode();
        q.put("$comment", "resource.Quantity: the API server decodes a JSON number or a string in the quantity"
                + " format (the OpenAPI document says only type string). The pattern is the one controller-gen"
                + " writes for quantities in CRDs (upstream/keda, upstream/vpa).");
        q.put("title", "quantity");
        q.set("type", JSON.arrayNode().add("number").add("string"));
        q.put("pattern", QUANTITY_PATTERN);
        return q;
    }

    private ObjectNode convert(JsonNode schema, boolean strict, String where) {
        if (!schema.isObject()) {
            throw new IllegalStateException("a schema must be an object at " + where + ": " + schema);
        }
        boolean preserveUnknown = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        boolean intOrString = schema.path("x-kubernetes-int-or-string").asBoolean(false)
                || "int-or-string".equals(schema.path("format").asText());
        List<String> celMessages = new ArrayList<>();
        ObjectNode out = JSON.objectNode();
        for (Map.Entry<String, JsonNode> field : schema.properties()) {
            String keyword = field.getKey();
            JsonNode value = field.getValue();
            switch (keyword) {
                case "$ref" -> out.put("$ref", reference(value.asText(), where));
                case "properties" -> {
                    ObjectNode props = JSON.objectNode();
                    value.properties().forEach(p ->
                            props.set(p.getKey(), convert(p.getValue(), strict, where + "/properties/" + p.getKey())));
                    out.set("properties", props);
                }
                case "additionalProperties" -> out.set(keyword, value.isBoolean()
                        ? value
                        : convert(value, strict, where + "/additionalProperties"));
                case "items" -> out.set("items", convert(value, strict, where + "/items"));
                case "anyOf" -> {
                    if (!intOrString || !isIntOrStringAnyOf(value)) {
                        throw new IllegalStateException("anyOf other than int-or-string at " + where + ": " + value);
                    }
                }
                case "x-kubernetes-validations" -> value.forEach(rule -> celMessages.add(
                        rule.has("message") ? rule.get("message").asText() : rule.path("rule").asText()));
                case "x-kubernetes-int-or-string", "x-kubernetes-preserve-unknown-fields" -> {
                    // read above
                }
                default -> {
                    if (KEPT.contains(keyword)) {
                        out.set(keyword, value.deepCopy());
                    } else if (!DROPPED.contains(keyword)) {
                        throw new IllegalStateException("no rule for keyword '" + keyword + "' at " + where);
                    }
                }
            }
        }
        if (intOrString) {
            out.set("type", JSON.arrayNode().add("integer").add("string"));
            out.put("title", QUANTITY_PATTERN.equals(schema.path("pattern").asText()) ? "quantity" : "int-or-string");
        }
        if (!celMessages.isEmpty()) {
            appendComment(out, "Not checked by this schema (CEL rules of the API server): "
                    + String.join("; ", celMessages));
        }
        if (strict && !preserveUnknown && out.has("properties") && !out.has("additionalProperties")) {
            out.put("additionalProperties", false);
        }
        return out;
    }

    private String reference(String ref, String where) {
        if (!ref.startsWith(OPENAPI_REF)) {
            throw new IllegalStateException("unsupported $ref '" + ref + "' at " + where);
        }
        String name = ref.substring(OPENAPI_REF.length());
        pending.add(name);
        return DEFS_REF + name;
    }

    private static boolean isIntOrStringAnyOf(JsonNode anyOf) {
        ArrayNode expected = JSON.arrayNode();
        expected.addObject().put("type", "integer");
        expected.addObject().put("type", "string");
        return anyOf.equals(expected);
    }

    static void appendComment(ObjectNode schema, String comment) {
        JsonNode old = schema.get("$comment");
        schema.put("$comment", old == null ? comment : old.asText() + " | " + comment);
    }
}
