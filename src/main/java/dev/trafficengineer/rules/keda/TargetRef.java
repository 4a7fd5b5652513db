package dev.trafficengineer.rules.keda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.source.JsonPointer;

/**
 * A ScaledObject's {@code scaleTargetRef}, with KEDA's defaults: an empty apiVersion means {@code apps/v1} and an
 * empty kind {@code Deployment} ([K] apis/keda/v1alpha1/gvkr.go ParseGVKR).
 */
record TargetRef(String apiVersion, String kind, String name, String envSourceContainerName) {

    static final JsonPointer AT = JsonPointer.of("spec", "scaleTargetRef");

    static TargetRef of(JsonNode ref) {
        return new TargetRef(ref.path("apiVersion").asText(""), ref.path("kind").asText(""),
                ref.path("name").asText(""), ref.path("envSourceContainerName").asText(""));
    }

    String apiVersionOrDefault() {
        return apiVersion.isEmpty() ? "apps/v1" : apiVersion;
    }

    String kindOrDefault() {
        return kind.isEmpty() ? "Deployment" : kind;
    }

    /** Go's schema.ParseGroupVersion error for an apiVersion with more than one slash, else null. */
    String groupVersionError() {
        if (apiVersion.isEmpty() || apiVersion.equals("/")) {
            return null;
        }
        return apiVersion.chars().filter(c -> c == '/').count() > 1
                ? "unexpected GroupVersion string: " + apiVersion : null;
    }

    String group() {
        String gv = apiVersionOrDefault();
        int slash = gv.indexOf('/');
        return slash < 0 ? "" : gv.substring(0, slash);
    }

    String version() {
        String gv = apiVersionOrDefault();
        int slash = gv.indexOf('/');
        return slash < 0 ? gv : gv.substring(slash + 1);
    }

    /** KEDA's GVKString, {@code group/version.Kind}, as its conflict messages print it. */
    String gvk() {
        return group() + "/" + version() + "." + kindOrDefault();
    }

    /** Whether the webhook's cpu/memory checks look at this target: only apps/v1 Deployments and StatefulSets. */
    boolean appsV1DeploymentOrStatefulSet() {
        return gvk().equals("apps/v1.Deployment") || gvk().equals("apps/v1.StatefulSet");
    }
}
