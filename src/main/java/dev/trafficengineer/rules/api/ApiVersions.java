package dev.trafficengineer.rules.api;

import dev.trafficengineer.kube.KubernetesVersion;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** API versions of the kinds we review that were deprecated or are no longer served, and what replaces them. */
final class ApiVersions {

    private ApiVersions() {}

    /**
     * @param deprecated the Kubernetes release that deprecated it (null: not tied to a Kubernetes release)
     * @param removed    the Kubernetes release that stopped serving it (null: never served by current controllers)
     * @param renameOnly true when the replacement has the same schema, so changing apiVersion is the whole fix
     */
    record Entry(String apiVersion, Set<String> kinds, KubernetesVersion deprecated, KubernetesVersion removed,
            String replacement, boolean renameOnly, String note, String source) {

        boolean removedIn(KubernetesVersion v) {
            return removed == null || v.compareTo(removed) >= 0;
        }

        boolean deprecatedIn(KubernetesVersion v) {
            return deprecated != null && v.compareTo(deprecated) >= 0;
        }
    }

    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet");
    private static final String DEPRECATION_GUIDE =
            "Kubernetes deprecated API migration guide (kubernetes.io/docs/reference/using-api/deprecation-guide/)";

    static final List<Entry> ENTRIES = List.of(
            new Entry("autoscaling/v2beta1", Set.of("HorizontalPodAutoscaler"), v(1, 22), v(1, 25),
                    "autoscaling/v2", false,
                    "metric targets moved: targetAverageUtilization becomes target.averageUtilization",
                    DEPRECATION_GUIDE + ", v1.25 section"),
            new Entry("autoscaling/v2beta2", Set.of("HorizontalPodAutoscaler"), v(1, 23), v(1, 26),
                    "autoscaling/v2", true, "the fields are the same", DEPRECATION_GUIDE + ", v1.26 section"),
            new Entry("extensions/v1beta1", WORKLOADS, v(1, 8), v(1, 16), "apps/v1", false,
                    "apps/v1 requires spec.selector", DEPRECATION_GUIDE + ", v1.16 section"),
            new Entry("apps/v1beta1", WORKLOADS, v(1, 9), v(1, 16), "apps/v1", false,
                    "apps/v1 requires spec.selector", DEPRECATION_GUIDE + ", v1.16 section"),
            new Entry("apps/v1beta2", WORKLOADS, v(1, 9), v(1, 16), "apps/v1", false,
                    "apps/v1 requires spec.selector", DEPRECATION_GUIDE + ", v1.16 section"),
            new Entry("policy/v1beta1", Set.of("PodDisruptionBudget"), v(1, 21), v(1, 25), "policy/v1", false,
                    "an empty selector in policy/v1 selects every pod in the namespace",
                    DEPRECATION_GUIDE + ", v1.25 section"),
            new Entry("keda.k8s.io/v1alpha1",
                    Set.of("ScaledObject", "ScaledJob", "TriggerAuthentication"), null, null, "keda.sh/v1alpha1",
                    false, "KEDA 2 renamed fields, e.g. scaleTargetRef.deploymentName became scaleTargetRef.name",
                    "KEDA 2.0 migration guide (keda.sh/docs/2.0/migration/); KEDA 2 serves only keda.sh"),
            new Entry("autoscaling.k8s.io/v1beta2", Set.of("VerticalPodAutoscaler"), null, null,
                    "autoscaling.k8s.io/v1", true, "the fields are the same",
                    "VPA CRD vpa-v1-crd-gen.yaml (v1.7.1): v1beta2 has served: false"),
            new Entry("autoscaling.k8s.io/v1beta1", Set.of("VerticalPodAutoscaler"), null, null,
                    "autoscaling.k8s.io/v1", false, "v1beta1 selected pods by label instead of targetRef",
                    "VPA CRD vpa-v1-crd-gen.yaml (v1.7.1): only v1 is served"));

    static Optional<Entry> find(String apiVersion, String kind) {
        return ENTRIES.stream().filter(e -> e.apiVersion.equals(apiVersion) && e.kinds.contains(kind)).findFirst();
    }

    private static KubernetesVersion v(int major, int minor) {
        return new KubernetesVersion(major, minor);
    }
}
