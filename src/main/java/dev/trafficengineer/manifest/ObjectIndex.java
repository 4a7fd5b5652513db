package dev.trafficengineer.manifest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Every reviewed object, by kind, namespace and name, for rules that look across objects. */
public final class ObjectIndex {

    private final List<KubeObject> all;
    private final Map<String, List<KubeObject>> byKind = new HashMap<>();

    public ObjectIndex(List<KubeObject> objects) {
        this.all = List.copyOf(objects);
        for (KubeObject o : all) {
            byKind.computeIfAbsent(o.kind(), k -> new ArrayList<>()).add(o);
        }
    }

    public List<KubeObject> all() {
        return all;
    }

    public List<KubeObject> ofKind(String kind) {
        return Collections.unmodifiableList(byKind.getOrDefault(kind, List.of()));
    }

    /** The objects of a kind in a namespace (null namespace: cluster-scoped objects). */
    public List<KubeObject> ofKind(String kind, String namespace) {
        return ofKind(kind).stream().filter(o -> Objects.equals(o.namespace(), namespace)).toList();
    }

    public Optional<KubeObject> find(String kind, String namespace, String name) {
        for (KubeObject o : ofKind(kind)) {
            if (Objects.equals(o.namespace(), namespace) && o.name().equals(name)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /** Objects of any kind with this name in this namespace, for "wrong kind" diagnoses. */
    public List<KubeObject> named(String namespace, String name) {
        return all.stream().filter(o -> Objects.equals(o.namespace(), namespace) && o.name().equals(name)).toList();
    }
}
