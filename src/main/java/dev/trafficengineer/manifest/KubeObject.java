package dev.trafficengineer.manifest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.Fix;
import dev.trafficengineer.finding.ObjectRef;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.source.JsonPointer;
import dev.trafficengineer.source.SourceRange;
import dev.trafficengineer.source.SourceText;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Kubernetes object read from a file: its identity, its JSON value and where it came from. An object inside a
 * {@code kind: List} has a {@link #base()} pointer ({@code /items/3}); pointers given to this class are relative to
 * the object.
 */
public final class KubeObject {

    private static final ObjectMapper TYPED = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final ObjectRef ref;
    private final JsonNode tree;
    private final YamlDocument document;
    private final JsonPointer base;
    private final Map<Class<?>, Optional<?>> typed = new ConcurrentHashMap<>();

    public KubeObject(ObjectRef ref, JsonNode tree, YamlDocument document, JsonPointer base) {
        this.ref = ref;
        this.tree = tree;
        this.document = document;
        this.base = base;
    }

    public ObjectRef ref() {
        return ref;
    }

    public String apiVersion() {
        return ref.apiVersion();
    }

    public String kind() {
        return ref.kind();
    }

    public String name() {
        return ref.name();
    }

    /** The effective namespace: the object's own, the --namespace given, or {@code default}; null if cluster-scoped. */
    public String namespace() {
        return ref.namespace();
    }

    public JsonNode tree() {
        return tree;
    }

    public JsonPointer base() {
        return base;
    }

    public YamlDocument document() {
        return document;
    }

    public SourceText source() {
        return document.source();
    }

    public String file() {
        return document.source().path();
    }

    /** The value at a pointer, or a missing node. */
    public JsonNode at(JsonPointer p) {
        return tree.at(p.value());
    }

    public Located locate(JsonPointer p) {
        Located l = document.locate(p.under(base));
        String rel = l.pointer().value().substring(base.value().length());
        return new Located(new JsonPointer(rel), l.key(), l.value(), l.exact(), l.scalar());
    }

    /** Maps offsets inside a string value to file positions; null when the pointer is not a scalar. */
    public ScalarSpan scalarSpan(JsonPointer p) {
        return document.scalarSpan(p.under(base));
    }

    public Map<String, String> annotations() {
        return stringMap(tree.path("metadata").path("annotations"));
    }

    public Map<String, String> labels() {
        return stringMap(tree.path("metadata").path("labels"));
    }

    private static Map<String, String> stringMap(JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            out.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
        }
        return out;
    }

    /**
     * The object as a typed model (fabric8 for built-in kinds), or empty when its value does not fit the type; the
     * schema findings say why.
     */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> as(Class<T> type) {
        return (Optional<T>) typed.computeIfAbsent(type, t -> {
            try {
                return Optional.ofNullable(TYPED.treeToValue(tree, t));
            } catch (Exception e) {
                return Optional.empty();
            }
        });
    }

    /** A finding of {@code rule} at a field of this object, at its value when the value is a scalar. */
    public Finding finding(RuleInfo rule, JsonPointer at, String message) {
        return finding(rule, at, false, message, null);
    }

    /** A finding at the field's key ({@code atKey}) or its value, with an optional fix. */
    public Finding finding(RuleInfo rule, JsonPointer at, boolean atKey, String message, Fix fix) {
        Located l = locate(at);
        return new Finding(rule.id(), rule.severity(), message, file(), l.preferred(atKey), at, ref, fix);
    }

    /**
     * A finding at an exact range inside a field's value, such as the characters of a query that a parser rejects
     * ({@link #scalarSpan} maps them); {@code at} is the field, for the pointer.
     */
    public Finding finding(RuleInfo rule, JsonPointer at, SourceRange range, String message, Fix fix) {
        return new Finding(rule.id(), rule.severity(), message, file(), range, at, ref, fix);
    }

    @Override
    public String toString() {
        return ref.display() + " (" + file() + ")";
    }
}
