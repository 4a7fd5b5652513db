package dev.trafficengineer.rules.workload;

import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.manifest.ObjectIndex;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an autoscaler's target reference can point at. The HPA controller resolves it by API group and kind only
 * (horizontal.go: ParseGroupVersion, then RESTMappings(GroupKind) — the version is not used), so kinds are
 * case-sensitive and the group must be the kind's own.
 */
public final class ScaleTargets {

    /** The built-in kinds with a /scale subresource, and their API groups. */
    public static final Map<String, String> BUILTIN_SCALABLE = Map.of(
            "Deployment", "apps",
            "StatefulSet", "apps",
            "ReplicaSet", "apps",
            "ReplicationController", "");

    /** Built-in kinds without a /scale subresource that people do write as targets, or that exist beside them. */
    public static final Set<String> BUILTIN_NOT_SCALABLE = Set.of(
            "DaemonSet", "Job", "CronJob", "Pod", "Service", "ConfigMap", "Secret", "Ingress", "ServiceAccount",
            "PersistentVolumeClaim", "PersistentVolume", "Namespace", "Node", "HorizontalPodAutoscaler",
            "PodDisruptionBudget", "NetworkPolicy", "Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding",
            "StorageClass", "Endpoints", "EndpointSlice", "LimitRange", "ResourceQuota", "PodTemplate",
            "ControllerRevision");

    public enum Kind { SCALABLE, NOT_SCALABLE, CUSTOM }

    private ScaleTargets() {}

    /** Whether a kind, exactly as written, is a built-in scalable kind, a built-in one without /scale, or neither. */
    public static Kind classify(String kind) {
        if (BUILTIN_SCALABLE.containsKey(kind)) {
            return Kind.SCALABLE;
        }
        return BUILTIN_NOT_SCALABLE.contains(kind) ? Kind.NOT_SCALABLE : Kind.CUSTOM;
    }

    /** The built-in kind a mis-cased kind means ({@code deployment} → {@code Deployment}), if any. */
    public static Optional<String> caseCorrected(String kind) {
        for (String k : BUILTIN_SCALABLE.keySet()) {
            if (k.equalsIgnoreCase(kind) && !k.equals(kind)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** {@code apps/v1} for the apps kinds, {@code v1} for ReplicationController. */
    public static String currentApiVersion(String builtinKind) {
        String group = BUILTIN_SCALABLE.get(builtinKind);
        return group.isEmpty() ? "v1" : group + "/v1";
    }

    /**
     * The object a reference names among the reviewed ones: same namespace, kind and name; for kinds that are not
     * built in, also the same API group (two CRDs may share a kind name).
     */
    public static Optional<KubeObject> find(ObjectIndex index, String namespace, String group, String kind,
            String name) {
        for (KubeObject o : index.all(kind, namespace, name)) {
            if (classify(kind) == Kind.SCALABLE || o.ref().group().equals(group)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /** Objects of the kind with that name in other namespaces, for "wrong namespace" hints. */
    public static List<KubeObject> elsewhere(ObjectIndex index, String namespace, String kind, String name) {
        return index.ofKindNamed(kind, name).stream()
                .filter(o -> !Objects.equals(o.namespace(), namespace)).toList();
    }
}
