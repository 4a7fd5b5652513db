package dev.trafficengineer.rules.hpa;

/** Manifests for HPA rule tests, written as people write them. */
final class Docs {

    private Docs() {}

    /** An autoscaling/v2 HPA {@code name} targeting Deployment {@code target}, with extra spec lines. */
    static String hpa(String name, String target, String moreSpec) {
        return """
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: %s
                spec:
                  scaleTargetRef:
                    apiVersion: apps/v1
                    kind: Deployment
                    name: %s
                """.formatted(name, target) + indent(moreSpec, 2) + "---\n";
    }

    static String cpuHpa(String name, String target, int min, int max, int utilization) {
        return hpa(name, target, """
                minReplicas: %d
                maxReplicas: %d
                metrics:
                  - type: Resource
                    resource:
                      name: cpu
                      target:
                        type: Utilization
                        averageUtilization: %d
                """.formatted(min, max, utilization));
    }

    /** A Deployment whose pod template has labels {@code app: name} and the given containers (YAML list items). */
    static String deployment(String name, String containers) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %s
                spec:
                  selector:
                    matchLabels: {app: %s}
                  template:
                    metadata:
                      labels: {app: %s}
                    spec:
                      containers:
                """.formatted(name, name, name) + indent(containers, 8) + "---\n";
    }

    static String deploymentWithCpu(String name, String request) {
        return deployment(name, """
                - name: app
                  image: example/app:1.0
                  resources:
                    requests: {cpu: %s}
                """.formatted(request));
    }

    static String indent(String text, int spaces) {
        StringBuilder out = new StringBuilder();
        for (String line : text.stripTrailing().split("\n", -1)) {
            out.append(line.isEmpty() ? "" : " ".repeat(spaces) + line).append('\n');
        }
        return text.isBlank() ? "" : out.toString();
    }
}
