package dev.trafficengineer.rules.kube;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.kube.Quantity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.manifest.ObjectIndex;
import dev.trafficengineer.source.JsonPointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where the pods of a workload are described, and how to find a workload that an autoscaler names. */
public final class Workloads {

    private Workloads() {}

    /** Kinds whose pods sit in {@code spec.template}. */
    private static final Set<String> TEMPLATED = Set.of("Deployment", "StatefulSet", "ReplicaSet", "DaemonSet",
            "ReplicationController", "Job");

    /**
     * Whether a resource amount (a request, a limit, a LimitRange default) is written and above zero. The text is
     * trimmed first, as the API server's JSON decoding of a quantity does.
     */
    public static boolean positiveQuantity(JsonNode amount) {
        if (amount.isMissingNode() || amount.isNull()) {
            return false;
        }
        return Quantity.tryParse(amount.asText().strip()).map(q -> q.signum() > 0).orElse(false);
    }

    /** One container of a pod template, with the pointer to it inside its object. */
    public record Container(String name, JsonPointer at, JsonNode resources) {

        /** Whether the container requests or limits the resource with a value above zero. */
        public boolean requestsOrLimits(String resource) {
            return positiveQuantity(resources.path("requests").path(resource))
                    || positiveQuantity(resources.path("limits").path(resource));
        }
    }

    /** The API group of an apiVersion: {@code apps} for {@code apps/v1}, "" for the core group {@code v1}. */
    public static String group(String apiVersion) {
        if (apiVersion == null) {
            return "";
        }
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /**
     * The reviewed object an autoscaler's reference names: same namespace, kind and name, and the same API group
     * (the version may differ, the API server converts between versions of one group).
     */
    public static Optional<KubeObject> find(ObjectIndex index, String namespace, String apiVersion, String kind,
            String name) {
        return index.find(kind, namespace, name).filter(o -> group(o.apiVersion()).equals(group(apiVersion)));
    }

    /** The pointer to the pod spec of a workload, or null when the kind has none we know. */
    public static JsonPointer podSpec(KubeObject workload) {
        if (TEMPLATED.contains(workload.kind())) {
            return JsonPointer.of("spec", "template", "spec");
        }
        if (workload.kind().equals("CronJob")) {
            return JsonPointer.of("spec", "jobTemplate", "spec", "template", "spec");
        }
        if (workload.kind().equals("Pod")) {
            return JsonPointer.of("spec");
        }
        return null;
    }

    /** The regular containers of a workload's pods (init containers are not scaled on). */
    public static List<Container> containers(KubeObject workload) {
        JsonPointer spec = podSpec(workload);
        List<Container> out = new ArrayList<>();
        if (spec == null) {
            return out;
        }
        JsonPointer list = spec.child("containers");
        JsonNode containers = workload.at(list);
        for (int i = 0; i < containers.size(); i++) {
            JsonNode c = containers.get(i);
            out.add(new Container(c.path("name").asText(""), list.child(i), c.path("resources")));
        }
        return out;
    }

    /** The replica count a workload asks for: {@code spec.replicas}, or 1 when it is not written. */
    public static int replicas(KubeObject workload) {
        JsonNode r = workload.at(JsonPointer.of("spec", "replicas"));
        return r.isIntegralNumber() ? r.intValue() : 1;
    }
}
