package dev.trafficengineer.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.ObjectRef;
import dev.trafficengineer.source.JsonPointer;
import java.util.List;
import java.util.Set;

/** Finds the Kubernetes objects in a YAML document: the document itself, or the items of a {@code kind: List}. */
final class ObjectExtractor {

    /** Kinds that live outside namespaces, among those a manifest folder next to autoscalers is likely to hold. */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterTriggerAuthentication",
            "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "PersistentVolume", "StorageClass",
            "PriorityClass", "Node", "APIService", "ValidatingWebhookConfiguration",
            "MutatingWebhookConfiguration", "IngressClass", "RuntimeClass");

    private final String defaultNamespace;

    ObjectExtractor(String defaultNamespace) {
        this.defaultNamespace = defaultNamespace;
    }

    void extract(YamlDocument doc, List<KubeObject> objects, List<Finding> problems) {
        JsonNode tree = doc.tree();
        if (isList(tree)) {
            JsonNode items = tree.get("items");
            for (int i = 0; i < items.size(); i++) {
                add(doc, items.get(i), JsonPointer.ROOT.child("items").child(i), objects, problems);
            }
            return;
        }
        add(doc, tree, JsonPointer.ROOT, objects, problems);
    }

    private static boolean isList(JsonNode tree) {
        return tree.isObject() && tree.path("kind").asText("").endsWith("List") && tree.path("items").isArray()
                && !tree.has("spec");
    }

    private void add(YamlDocument doc, JsonNode tree, JsonPointer base, List<KubeObject> objects,
            List<Finding> problems) {
        String missing = !tree.isObject() ? "is not a mapping"
                : !tree.path("apiVersion").isTextual() || tree.path("apiVersion").asText().isEmpty() ? "has no `apiVersion`"
                : !tree.path("kind").isTextual() || tree.path("kind").asText().isEmpty() ? "has no `kind`"
                : null;
        if (missing != null) {
            Located l = doc.locate(base);
            problems.add(new Finding(InputRules.NOT_KUBERNETES.id(), InputRules.NOT_KUBERNETES.severity(),
                    (base.isRoot() ? "This document " : "This list item ") + missing
                            + ", so it is not a Kubernetes object; add `apiVersion` and `kind`, or leave it out of"
                            + " the review.",
                    doc.source().path(), l.value().line() == l.value().endLine() ? l.value()
                            : doc.source().range(l.value().line(), l.value().column(), l.value().line(),
                                    l.value().column()),
                    base, null, null));
            return;
        }
        String kind = tree.get("kind").asText();
        JsonNode meta = tree.path("metadata");
        String name = meta.path("name").isTextual() ? meta.path("name").asText()
                : meta.path("generateName").asText("");
        String namespace = CLUSTER_SCOPED.contains(kind) ? null
                : meta.path("namespace").isTextual() && !meta.path("namespace").asText().isEmpty()
                        ? meta.path("namespace").asText()
                        : defaultNamespace;
        ObjectRef ref = new ObjectRef(tree.get("apiVersion").asText(), kind, namespace, name);
        objects.add(new KubeObject(ref, tree, doc, base));
    }
}
