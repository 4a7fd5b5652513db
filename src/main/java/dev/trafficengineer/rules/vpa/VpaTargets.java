package dev.trafficengineer.rules.vpa;

import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.manifest.ObjectIndex;
import dev.trafficengineer.rules.kube.Workloads;
import java.util.Optional;
import java.util.Set;

/** Resolving a VPA's targetRef among the reviewed objects. */
final class VpaTargets {

    private VpaTargets() {}

    /** Built-in controllers whose pods the VPA manages ([A] docs/faq.md; pkg/target). */
    static final Set<String> SUPPORTED = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job",
            "CronJob", "ReplicationController");

    /** Built-in groups, where a kind outside {@link #SUPPORTED} cannot be a valid target. */
    static final Set<String> BUILTIN_GROUPS = Set.of("", "apps", "batch", "extensions", "autoscaling", "policy",
            "networking.k8s.io");

    static Optional<KubeObject> find(VpaView vpa, ObjectIndex index) {
        String apiVersion = vpa.targetApiVersion();
        if (apiVersion.isEmpty()) {
            return index.find(vpa.targetKind(), vpa.object().namespace(), vpa.targetName());
        }
        return Workloads.find(index, vpa.object().namespace(), apiVersion, vpa.targetKind(), vpa.targetName());
    }
}
