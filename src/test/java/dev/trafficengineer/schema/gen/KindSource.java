package dev.trafficengineer.schema.gen;

import java.util.Locale;

/**
 * One kind we make a schema for and the upstream definition it comes from. {@code document} and {@code patch} are
 * paths under {@code upstream/}; {@code patch} is null when upstream releases the document as it is.
 */
record KindSource(String apiVersion, String kind, Origin origin, String document, String patch) {

    enum Origin {
        /** A Kubernetes OpenAPI v3 document; the kind is found by its x-kubernetes-group-version-kind. */
        OPENAPI,
        /** A file of CustomResourceDefinitions; the kind is found by group, names.kind and version name. */
        CRD
    }

    static KindSource openApi(String apiVersion, String kind, String document) {
        return new KindSource(apiVersion, kind, Origin.OPENAPI, document, null);
    }

    static KindSource crd(String apiVersion, String kind, String document, String patch) {
        return new KindSource(apiVersion, kind, Origin.CRD, document, patch);
    }

    /** "" for the core group. */
    String group() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    String version() {
        return apiVersion.substring(apiVersion.indexOf('/') + 1);
    }

    /** kubeconform's naming: {@code horizontalpodautoscaler-autoscaling-v2.json}. */
    String fileName() {
        String g = group().isEmpty() ? "" : "-" + group();
        return kind.toLowerCase(Locale.ROOT) + g + "-" + version() + ".json";
    }
}
