package dev.trafficengineer.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import dev.trafficengineer.source.JsonPointer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns networknt's errors into {@link SchemaViolation}s that a person understands, in Kubernetes terms:
 * {@code spec.maxReplicas must be an integer, got the string "10"}. It also removes the noise: the branches of an
 * anyOf/oneOf become one violation, and a value of the wrong type gets only its type error (not also "not in the
 * enum" or "does not match the pattern").
 */
final class ViolationTranslator {

    /** Up to this many known field names are listed when no close match explains an unknown field. */
    private static final int MAX_LISTED_FIELDS = 12;

    private static final Comparator<SchemaViolation> ORDER = Comparator.comparing(SchemaViolation::pointer)
            .thenComparing(SchemaViolation::keyword)
            .thenComparing(SchemaViolation::message);

    private final String kind;
    private final JsonNode schemaDocument;

    private ViolationTranslator(String kind, JsonNode schemaDocument) {
        this.kind = kind;
        this.schemaDocument = schemaDocument;
    }

    static List<SchemaViolation> translate(String kind, JsonNode schemaDocument, List<Error> errors) {
        return new ViolationTranslator(kind, schemaDocument).translate(errors);
    }

    private List<SchemaViolation> translate(List<Error> errors) {
        List<Error> plain = new ArrayList<>();
        Map<Alternatives, List<Error>> alternatives = new LinkedHashMap<>();
        for (Error e : errors) {
            List<String> path = names(e.getEvaluationPath());
            int at = Math.max(path.lastIndexOf("anyOf"), path.lastIndexOf("oneOf"));
            if (at >= 0) {
                JsonPointer instance = pointer(e.getInstanceLocation());
                for (int up = descents(path.subList(at + 1, path.size())); up > 0; up--) {
                    instance = instance.parent();
                }
                Alternatives key = new Alternatives(path.get(at), String.join("/", path.subList(0, at)), instance);
                alternatives.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
            } else {
                plain.add(e);
            }
        }
        Set<JsonPointer> wrongType = new HashSet<>();
        for (Error e : plain) {
            if (e.getKeyword().equals("type")) {
                wrongType.add(pointer(e.getInstanceLocation()));
            }
        }
        Set<SchemaViolation> out = new LinkedHashSet<>();
        Set<JsonPointer> misspelt = new HashSet<>();
        for (Error e : plain) {
            JsonPointer at = pointer(e.getInstanceLocation());
            if (e.getKeyword().equals("additionalProperties")) {
                out.add(unknownField(e, at, misspelt));
            } else if (e.getKeyword().equals("type") || !wrongType.contains(at)) {
                out.add(violation(e, at));
            }
        }
        // "metdata" is both an unknown field and the reason "metadata is required": one mistake, one message
        out.removeIf(v -> v.keyword().equals("required") && misspelt.contains(v.pointer()));
        alternatives.forEach((key, group) -> out.add(noAlternativeMatches(key, group)));
        List<SchemaViolation> sorted = new ArrayList<>(out);
        sorted.sort(ORDER);
        return List.copyOf(sorted);
    }

    /**
     * An unknown field, with the known field it most likely stands for; that field's pointer goes into
     * {@code misspelt}.
     */
    private SchemaViolation unknownField(Error e, JsonPointer at, Set<JsonPointer> misspelt) {
        TreeSet<String> known = new TreeSet<>();
        schemaAround(e).path("properties").fieldNames().forEachRemaining(known::add);
        Optional<String> meant = ClosestName.among(e.getProperty(), known);
        String hint;
        if (meant.isPresent()) {
            misspelt.add(at.child(meant.get()));
            hint = "; did you mean " + ValueText.quote(meant.get()) + "?";
        } else if (!known.isEmpty() && known.size() <= MAX_LISTED_FIELDS) {
            hint = "; its fields are " + String.join(", ", known);
        } else {
            hint = "";
        }
        return new SchemaViolation(at.child(e.getProperty()), true, e.getKeyword(),
                subject(at) + " has no field " + ValueText.quote(e.getProperty()) + hint);
    }

    private SchemaViolation violation(Error e, JsonPointer at) {
        JsonNode value = e.getInstanceNode() == null ? MissingNode.getInstance() : e.getInstanceNode();
        JsonNode limit = e.getSchemaNode();
        String subject = subject(at);
        String keyword = e.getKeyword();
        return switch (keyword) {
            case "required" -> {
                JsonPointer missing = at.child(e.getProperty());
                yield new SchemaViolation(missing, true, keyword, subject(missing) + " is required");
            }
            case "type" -> new SchemaViolation(at, false, keyword, typeMessage(subject, at, e, value));
            case "enum" -> new SchemaViolation(at, false, keyword, enumMessage(subject, at, limit, value));
            case "const" -> new SchemaViolation(at, false, keyword,
                    subject + " must be " + limit + ", got " + ValueText.at(kind, at).describe(value));
            case "minimum" -> bound(at, keyword, subject + " must be at least " + limit.asText(), value);
            case "maximum" -> bound(at, keyword, subject + " must be at most " + limit.asText(), value);
            case "exclusiveMinimum" -> bound(at, keyword, subject + " must be greater than " + limit.asText(), value);
            case "exclusiveMaximum" -> bound(at, keyword, subject + " must be less than " + limit.asText(), value);
            case "minLength" -> new SchemaViolation(at, false, keyword, limit.asInt() == 1
                    ? subject + " must not be empty"
                    : subject + " must be at least " + limit.asInt() + " characters long, got " + length(value));
            case "maxLength" -> new SchemaViolation(at, false, keyword,
                    subject + " must be at most " + limit.asInt() + " characters long, got " + length(value));
            case "minItems" -> new SchemaViolation(at, false, keyword, limit.asInt() == 1
                    ? subject + " must not be an empty list"
                    : subject + " must list at least " + limit.asInt() + " items, got " + value.size());
            case "maxItems" -> new SchemaViolation(at, false, keyword,
                    subject + " must list at most " + limit.asInt() + " items, got " + value.size());
            case "uniqueItems" -> new SchemaViolation(at, false, keyword, subject + " must not list an item twice");
            case "pattern" -> new SchemaViolation(at, false, keyword, patternMessage(subject, at, e, value));
            default -> new SchemaViolation(at, false, keyword, subject + ": " + e.getMessage());
        };
    }

    /** A min/max violation: numbers are echoed bare ("got 0") unless the field may hold a secret. */
    private SchemaViolation bound(JsonPointer at, String keyword, String rule, JsonNode value) {
        String got = ValueText.at(kind, at).sensitive() ? "a number out of range" : value.asText();
        return new SchemaViolation(at, false, keyword, rule + ", got " + got);
    }

    private String typeMessage(String subject, JsonPointer at, Error e, JsonNode value) {
        List<String> types = new ArrayList<>();
        if (e.getSchemaNode().isArray()) {
            e.getSchemaNode().forEach(t -> types.add(t.asText()));
        } else {
            types.add(e.getSchemaNode().asText());
        }
        String title = schemaAround(e).path("title").asText();
        String expected;
        if (title.equals("quantity")) {
            expected = types.contains("number")
                    ? "a quantity (a number, or a string such as \"500m\" or \"1.5Gi\")"
                    : "a quantity (an integer, or a string such as \"500m\" or \"1.5Gi\")";
        } else if (title.equals("int-or-string")) {
            expected = "an integer or a string (such as 1 or \"25%\")";
        } else {
            List<String> words = types.stream().map(ViolationTranslator::typeWord).toList();
            expected = words.size() == 1 ? words.get(0)
                    : String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
        }
        ValueText text = ValueText.at(kind, at);
        String message = subject + " must be " + expected + ", got " + text.describe(value);
        boolean quotable = value.isNumber() && !text.sensitive();
        if (title.equals("quantity") && !types.contains("number") && quotable) {
            message += "; write it as a string: \"" + value.asText() + "\"";
        } else if (title.isEmpty() && types.equals(List.of("string")) && quotable) {
            message += "; quote it: \"" + value.asText() + "\"";
        } else if (title.isEmpty() && types.contains("string") && value.isBoolean()) {
            message += "; YAML reads unquoted yes, no, on, off, true and false as booleans, so quote the text";
        }
        return message;
    }

    private static String typeWord(String jsonType) {
        return switch (jsonType) {
            case "integer" -> "an integer";
            case "number" -> "a number";
            case "string" -> "a string";
            case "boolean" -> "true or false";
            case "object" -> "an object (a mapping of fields)";
            case "array" -> "a list";
            case "null" -> "null";
            default -> jsonType;
        };
    }

    private String enumMessage(String subject, JsonPointer at, JsonNode allowed, JsonNode value) {
        List<String> shown = new ArrayList<>();
        List<String> names = new ArrayList<>();
        allowed.forEach(a -> {
            shown.add(a.isTextual() ? ValueText.quote(a.asText()) : a.toString());
            if (a.isTextual()) {
                names.add(a.asText());
            }
        });
        ValueText text = ValueText.at(kind, at);
        String message = subject + " must be one of " + String.join(", ", shown) + ", got " + text.describe(value);
        if (value.isTextual() && !text.sensitive()) {
            Optional<String> meant = ClosestName.among(value.asText(), names);
            if (meant.isPresent()) {
                message += "; did you mean " + ValueText.quote(meant.get()) + "?";
            }
        }
        return message;
    }

    private String patternMessage(String subject, JsonPointer at, Error e, JsonNode value) {
        String got = ValueText.at(kind, at).describe(value);
        if (schemaAround(e).path("title").asText().equals("quantity")) {
            return subject + " must be a quantity such as \"500m\", \"1.5\" or \"2Gi\", got " + got;
        }
        return subject + " must match the pattern " + e.getSchemaNode().asText() + ", got " + got;
    }

    /**
     * The anyOf/oneOf that failed: its keyword, where it sits in the schema and which value it judged. The evaluation
     * path alone is not enough: every item of a list is judged by the same schema.
     */
    private record Alternatives(String keyword, String schemaPath, JsonPointer instance) {}

    /**
     * How many levels below the anyOf/oneOf's own value an error inside one of its branches is: each
     * {@code properties/NAME}, {@code items} or {@code additionalProperties} step of the evaluation path after the
     * branch index goes one level down in the instance; {@code $ref} and nested combinators do not.
     */
    private static int descents(List<String> afterCombinator) {
        int levels = 0;
        // skip the branch index; the last token is the keyword that failed
        for (int i = 1; i < afterCombinator.size() - 1; i++) {
            switch (afterCombinator.get(i)) {
                case "properties", "patternProperties", "prefixItems" -> {
                    levels++;
                    i++;
                }
                case "items", "additionalProperties", "unevaluatedProperties", "contains" -> levels++;
                case "anyOf", "oneOf", "allOf" -> i++;
                default -> {
                    // $ref, not, if/then/else: same value
                }
            }
        }
        return levels;
    }

    /** One violation for an anyOf/oneOf that no branch satisfied, instead of one per branch. */
    private SchemaViolation noAlternativeMatches(Alternatives failed, List<Error> group) {
        JsonPointer at = failed.instance();
        String keyword = failed.keyword();
        LinkedHashSet<String> types = new LinkedHashSet<>();
        boolean onlyTypes = true;
        JsonNode value = MissingNode.getInstance();
        for (Error e : group) {
            if (e.getKeyword().equals("type") && pointer(e.getInstanceLocation()).equals(at)) {
                e.getSchemaNode().forEach(t -> types.add(typeWord(t.asText())));
                if (e.getSchemaNode().isTextual()) {
                    types.add(typeWord(e.getSchemaNode().asText()));
                }
                value = e.getInstanceNode();
            } else if (!e.getKeyword().equals(keyword)) {
                onlyTypes = false;
            }
        }
        String subject = subject(at);
        if (onlyTypes && !types.isEmpty()) {
            List<String> t = new ArrayList<>(types);
            String expected = t.size() == 1 ? t.get(0)
                    : String.join(", ", t.subList(0, t.size() - 1)) + " or " + t.get(t.size() - 1);
            return new SchemaViolation(at, false, keyword,
                    subject + " must be " + expected + ", got " + ValueText.at(kind, at).describe(value));
        }
        return new SchemaViolation(at, false, keyword, subject + " matches none of the forms it may take");
    }

    /** The field in Kubernetes terms ({@code spec.triggers[0].metadata}); the kind for the object itself. */
    private String subject(JsonPointer at) {
        return at.isRoot() ? kind : at.fieldPath();
    }

    /** The schema object that holds the failing keyword (read for its title and properties). */
    private JsonNode schemaAround(Error e) {
        List<String> location = names(e.getSchemaLocation().getFragment());
        JsonNode node = schemaDocument;
        for (String token : location.subList(0, Math.max(0, location.size() - 1))) {
            node = node.isArray() ? node.path(Integer.parseInt(token)) : node.path(token);
        }
        return node;
    }

    private static JsonPointer pointer(NodePath path) {
        JsonPointer p = JsonPointer.ROOT;
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            p = element instanceof Integer index ? p.child(index) : p.child(String.valueOf(element));
        }
        return p;
    }

    private static List<String> names(NodePath path) {
        List<String> out = new ArrayList<>(path.getNameCount());
        for (int i = 0; i < path.getNameCount(); i++) {
            out.add(String.valueOf(path.getElement(i)));
        }
        return out;
    }

    private static String length(JsonNode value) {
        return String.valueOf(value.asText().codePointCount(0, value.asText().length()));
    }
}
