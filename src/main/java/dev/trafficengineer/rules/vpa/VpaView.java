package dev.trafficengineer.rules.vpa;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.source.JsonPointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A read-only view of an {@code autoscaling.k8s.io/v1} VerticalPodAutoscaler ([A] pkg/apis/autoscaling.k8s.io/v1/
 * types.go).
 *
 * @param updatePolicy whether {@code spec.updatePolicy} is written
 * @param updateMode   {@code spec.updatePolicy.updateMode} as written, or null
 */
record VpaView(KubeObject object, JsonNode targetRef, boolean updatePolicy, String updateMode,
        List<ContainerPolicy> policies) {

    static final JsonPointer SPEC = JsonPointer.of("spec");
    static final JsonPointer TARGET = SPEC.child("targetRef");
    static final JsonPointer UPDATE_POLICY = SPEC.child("updatePolicy");
    static final JsonPointer UPDATE_MODE = UPDATE_POLICY.child("updateMode");
    static final JsonPointer POLICIES = SPEC.child("resourcePolicy").child("containerPolicies");

    /** Modes in which the VPA changes running pods' requests (eviction or in-place); Initial and Off do not. */
    static final Set<String> MUTATING = Set.of("Auto", "Recreate", "InPlaceOrRecreate", "InPlace");

    /** One {@code containerPolicies} entry. */
    record ContainerPolicy(int index, JsonPointer at, JsonNode node) {

        String containerName() {
            return node.path("containerName").asText("");
        }

        boolean off() {
            return "Off".equals(node.path("mode").asText(""));
        }

        /** The resources this policy lets the VPA change: controlledResources, default cpu and memory. */
        List<String> controlled() {
            if (off()) {
                return List.of();
            }
            JsonNode list = node.path("controlledResources");
            if (!list.isArray()) {
                return List.of("cpu", "memory");
            }
            List<String> out = new ArrayList<>();
            list.forEach(r -> out.add(r.asText("")));
            return out;
        }
    }

    static boolean isVpa(KubeObject o) {
        return o.kind().equals("VerticalPodAutoscaler") && o.apiVersion().equals("autoscaling.k8s.io/v1");
    }

    static VpaView of(KubeObject o) {
        JsonNode spec = o.tree().path("spec");
        JsonNode policy = spec.path("updatePolicy");
        List<ContainerPolicy> policies = new ArrayList<>();
        JsonNode list = spec.path("resourcePolicy").path("containerPolicies");
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).isObject()) {
                policies.add(new ContainerPolicy(i, POLICIES.child(i), list.get(i)));
            }
        }
        return new VpaView(o, spec.path("targetRef"), policy.isObject(),
                policy.path("updateMode").isTextual() ? policy.path("updateMode").asText() : null, policies);
    }

    /** The mode the VPA runs in: the admission controller writes Recreate when no updatePolicy is given. */
    String effectiveMode() {
        if (!updatePolicy) {
            return "Recreate";
        }
        return updateMode == null ? "Recreate" : updateMode;
    }

    boolean mutating() {
        return MUTATING.contains(effectiveMode());
    }

    /**
     * Whether the VPA changes {@code resource} of the named container (null: of some container of the pod). A
     * container without its own policy follows the {@code *} policy, else the defaults.
     */
    boolean controls(String resource, String container) {
        if (container != null) {
            ContainerPolicy own = policyFor(container);
            return own == null || own.controlled().contains(resource);
        }
        ContainerPolicy wildcard = policyFor("*");
        boolean others = wildcard == null || wildcard.controlled().contains(resource);
        return others || policies.stream().anyMatch(p -> p.controlled().contains(resource));
    }

    private ContainerPolicy policyFor(String container) {
        for (ContainerPolicy p : policies) {
            if (p.containerName().equals(container)) {
                return p;
            }
        }
        if (!container.equals("*")) {
            for (ContainerPolicy p : policies) {
                if (p.containerName().equals("*")) {
                    return p;
                }
            }
        }
        return null;
    }

    String targetKind() {
        return targetRef.path("kind").asText("");
    }

    String targetName() {
        return targetRef.path("name").asText("");
    }

    String targetApiVersion() {
        return targetRef.path("apiVersion").asText("");
    }
}
