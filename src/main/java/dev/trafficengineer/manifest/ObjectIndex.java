package dev.trafficengineer.manifest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Every reviewed object, by kind, namespace and name, for rules that look across objects. Lookups are hash lookups,
 * so a rule that asks for "the HPAs on this Deployment" costs the same with ten objects as with ten thousand.
 */
public final class ObjectIndex {

    private final List<KubeObject> all;
    private final Map<String, List<KubeObject>> byKind = new HashMap<>();
    private final Map<String, List<KubeObject>> byKindNamespace = new HashMap<>();
    private final Map<String, List<KubeObject>> byKindNamespaceName = new HashMap<>();
    private final Map<String, List<KubeObject>> byNamespaceName = new HashMap<>();
    private final Map<String, List<KubeObject>> byKindName = new HashMap<>();
    /** Indexes by keys that rules define, each built once on first use. */
    private final Map<String, Map<Object, List<KubeObject>>> derived = new ConcurrentHashMap<>();

    public ObjectIndex(List<KubeObject> objects) {
        this.all = List.copyOf(objects);
        for (KubeObject o : all) {
            add(byKind, o.kind(), o);
            add(byKindNamespace, key(o.kind(), o.namespace()), o);
            add(byKindNamespaceName, key(o.kind(), o.namespace(), o.name()), o);
            add(byNamespaceName, key(o.namespace(), o.name()), o);
            add(byKindName, key(o.kind(), o.name()), o);
        }
    }

    private static void add(Map<String, List<KubeObject>> m, String key, KubeObject o) {
        m.computeIfAbsent(key, k -> new ArrayList<>()).add(o);
    }

    private static String key(String... parts) {
        return String.join("\u0000", parts.length == 0 ? new String[0] : java.util.Arrays.stream(parts)
                .map(p -> p == null ? "\u0001" : p).toArray(String[]::new));
    }

    public List<KubeObject> all() {
        return all;
    }

    public List<KubeObject> ofKind(String kind) {
        return Collections.unmodifiableList(byKind.getOrDefault(kind, List.of()));
    }

    /** The objects of a kind in a namespace (null namespace: cluster-scoped objects). */
    public List<KubeObject> ofKind(String kind, String namespace) {
        return Collections.unmodifiableList(byKindNamespace.getOrDefault(key(kind, namespace), List.of()));
    }

    /** The first object of this kind, namespace and name, in file order. */
    public Optional<KubeObject> find(String kind, String namespace, String name) {
        List<KubeObject> found = byKindNamespaceName.get(key(kind, namespace, name));
        return found == null ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Every object of this kind, namespace and name (several files may define one object). */
    public List<KubeObject> all(String kind, String namespace, String name) {
        return Collections.unmodifiableList(byKindNamespaceName.getOrDefault(key(kind, namespace, name), List.of()));
    }

    /** The objects of a kind with this name in any namespace, for "wrong namespace" diagnoses. */
    public List<KubeObject> ofKindNamed(String kind, String name) {
        return Collections.unmodifiableList(byKindName.getOrDefault(key(kind, name), List.of()));
    }

    /** Objects of any kind with this name in this namespace, for "wrong kind" diagnoses. */
    public List<KubeObject> named(String namespace, String name) {
        return Collections.unmodifiableList(byNamespaceName.getOrDefault(key(namespace, name), List.of()));
    }

    /**
     * The objects whose {@code key} is {@code value}, by an index built once per {@code indexName} on first use.
     * {@code key} returns null for objects that do not belong in the index. The same name must always come with the
     * same key function.
     */
    public List<KubeObject> lookup(String indexName, Function<KubeObject, Object> key, Object value) {
        Map<Object, List<KubeObject>> index = derived.computeIfAbsent(indexName, n -> {
            Map<Object, List<KubeObject>> m = new HashMap<>();
            for (KubeObject o : all) {
                Object k = key.apply(o);
                if (k != null) {
                    m.computeIfAbsent(k, x -> new ArrayList<>()).add(o);
                }
            }
            return m;
        });
        return Collections.unmodifiableList(index.getOrDefault(value, List.of()));
    }

    @Override
    public String toString() {
        return "ObjectIndex[" + all.size() + " objects]";
    }

    /** Equal when the same objects were indexed; for tests. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectIndex other && Objects.equals(all, other.all);
    }

    @Override
    public int hashCode() {
        return all.hashCode();
    }
}
