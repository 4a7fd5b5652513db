package dev.trafficengineer.rules.keda;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in kinds a Kubernetes 1.35 API server serves in the groups a scale target plausibly names, for
 * resolving {@code scaleTargetRef} the way KEDA's REST mapper would. Groups not listed here may be CRDs installed
 * in the cluster, so nothing is concluded about them.
 */
final class BuiltinKinds {

    private BuiltinKinds() {}

    static final Map<String, Set<String>> SERVED = Map.of(
            "v1", Set.of("Pod", "ReplicationController", "Service", "ConfigMap", "Secret", "Namespace", "Node",
                    "PersistentVolumeClaim", "PersistentVolume", "ServiceAccount", "Endpoints", "Event", "LimitRange",
                    "ResourceQuota", "PodTemplate"),
            "apps/v1", Set.of("Deployment", "StatefulSet", "ReplicaSet", "DaemonSet", "ControllerRevision"),
            "batch/v1", Set.of("Job", "CronJob"),
            "autoscaling/v1", Set.of("HorizontalPodAutoscaler"),
            "autoscaling/v2", Set.of("HorizontalPodAutoscaler"),
            "policy/v1", Set.of("PodDisruptionBudget"),
            "networking.k8s.io/v1", Set.of("Ingress", "IngressClass", "NetworkPolicy"));

    /** Groups whose every served version is in {@link #SERVED}; {@code extensions} serves none of these any more. */
    static final Set<String> GROUPS = Set.of("", "apps", "batch", "autoscaling", "policy", "networking.k8s.io",
            "extensions");

    /** Built-in kinds with a /scale subresource, which KEDA needs. */
    static final Set<String> SCALABLE = Set.of("Deployment", "StatefulSet", "ReplicaSet", "ReplicationController");

    static boolean builtinGroup(String group) {
        return GROUPS.contains(group);
    }

    static boolean served(String groupVersion, String kind) {
        return SERVED.getOrDefault(groupVersion, Set.of()).contains(kind);
    }

    /** The served kind that differs only in case from {@code kind} in that group/version, if any. */
    static Optional<String> caseVariant(String groupVersion, String kind) {
        return SERVED.getOrDefault(groupVersion, Set.of()).stream().filter(k -> k.equalsIgnoreCase(kind)).findFirst();
    }

    /** The group/versions that serve a kind, for suggestions. */
    static List<String> versionsOf(String kind) {
        return SERVED.entrySet().stream().filter(e -> e.getValue().contains(kind)).map(Map.Entry::getKey).sorted()
                .toList();
    }
}
