package dev.trafficengineer.rules.keda;

/** Realistic manifests for the KEDA rule tests, assembled from parts so each test shows only what it varies. */
final class Yaml {

    private Yaml() {}

    static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: checkout
              namespace: shop
            spec:
              selector:
                matchLabels: {app: checkout}
              template:
                metadata:
                  labels: {app: checkout}
                spec:
                  containers:
                    - name: app
                      image: ghcr.io/acme/checkout:1.4.2
                      resources:
                        requests: {cpu: 250m, memory: 256Mi}
                    - name: envoy
                      image: envoyproxy/envoy:v1.30.1
            ---
            """;

    /** A ScaledObject for Deployment checkout in namespace shop; {@code spec} is indented two spaces. */
    static String scaledObject(String spec) {
        return """
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata:
                  name: checkout
                  namespace: shop
                spec:
                  scaleTargetRef:
                    name: checkout
                """ + spec.stripIndent().indent(2);
    }

    /** A ScaledObject with one trigger of a type and metadata lines (indented under metadata). */
    static String trigger(String type, String metadata) {
        return scaledObject("triggers:\n  - type: " + type + "\n    metadata:\n" + metadata.stripIndent().indent(6));
    }

    /** As {@link #trigger(String, String)}, with trigger-level fields such as metricType or authenticationRef. */
    static String trigger(String type, String fields, String metadata) {
        return scaledObject("triggers:\n  - type: " + type + "\n" + fields.stripIndent().indent(4)
                + "    metadata:\n" + metadata.stripIndent().indent(6));
    }

    static final String PROMETHEUS = """
            serverAddress: http://prometheus.monitoring:9090
            query: sum(rate(http_requests_total{service="checkout"}[2m]))
            threshold: "50"
            """;
}
