package dev.trafficengineer.rules.hpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.fix.TextFixer;
import dev.trafficengineer.rules.api.RemovedApiVersion;
import dev.trafficengineer.source.SourceText;
import dev.trafficengineer.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The v2beta1 to v2 fix of api/removed-version: the result must be the object the API server's conversion gives. */
class V2beta1ConversionTest {

    private static final String V2BETA1 = """
            apiVersion: autoscaling/v2beta1
            kind: HorizontalPodAutoscaler
            metadata:
              name: web
            spec:
              scaleTargetRef:
                apiVersion: apps/v1
                kind: Deployment
                name: web
              minReplicas: 2
              maxReplicas: 10
              metrics:
              - type: Resource
                resource:
                  name: cpu
                  targetAverageUtilization: 60
              - type: ContainerResource
                containerResource:
                  name: memory
                  container: app
                  targetAverageValue: "500Mi"
              - type: Pods
                pods:
                  metricName: packets-per-second
                  selector:
                    matchLabels:
                      verb: GET
                  targetAverageValue: 1k
              - type: Object
                object:
                  target:
                    apiVersion: networking.k8s.io/v1
                    kind: Ingress
                    name: main-route
                  metricName: requests-per-second
                  targetValue: 10k
              - type: External
                external:
                  metricName: queue_messages_ready
                  metricSelector: {matchLabels: {queue: worker_tasks}}
                  targetAverageValue: 30
            """;

    /** What the API server returns for the object above when read as autoscaling/v2. */
    private static final String V2 = """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: web
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              minReplicas: 2
              maxReplicas: 10
              metrics:
              - type: Resource
                resource: {name: cpu, target: {type: Utilization, averageUtilization: 60}}
              - type: ContainerResource
                containerResource: {name: memory, container: app, target: {type: AverageValue, averageValue: 500Mi}}
              - type: Pods
                pods:
                  metric: {name: packets-per-second, selector: {matchLabels: {verb: GET}}}
                  target: {type: AverageValue, averageValue: 1k}
              - type: Object
                object:
                  describedObject: {apiVersion: networking.k8s.io/v1, kind: Ingress, name: main-route}
                  metric: {name: requests-per-second}
                  target: {type: Value, value: 10k}
              - type: External
                external:
                  metric: {name: queue_messages_ready, selector: {matchLabels: {queue: worker_tasks}}}
                  target: {type: AverageValue, averageValue: 30}
            """;

    private static String fixed(String yaml) {
        List<Finding> f = RuleTester.check(new RemovedApiVersion(), yaml);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).fix()).as("a fix").isNotNull();
        assertThat(f.get(0).fix().safe()).isTrue();
        return TextFixer.apply(new SourceText("test.yaml", yaml), f, false).text();
    }

    @Test
    void everyMetricSourceConvertsAsTheApiServerConvertsIt() {
        String out = fixed(V2BETA1);
        assertThat(RuleTester.load(out).objects().get(0).tree()).isEqualTo(RuleTester.load(V2).objects().get(0).tree());
        // values keep their quotes, blocks keep their layout
        assertThat(out).contains("        averageValue: \"500Mi\"\n").contains("""
                      metric:
                        name: packets-per-second
                        selector:
                          matchLabels:
                            verb: GET
                """).contains("        selector: {matchLabels: {queue: worker_tasks}}\n");
    }

    @Test
    void anObjectAverageValueKeepsBothValues() {
        String yaml = V2BETA1.replace("      targetValue: 10k\n", "      targetValue: 10k\n      averageValue: \"100\"\n");
        var tree = RuleTester.load(fixed(yaml)).objects().get(0).tree();
        var target = tree.at("/spec/metrics/3/object/target");
        assertThat(target.path("type").asText()).isEqualTo("AverageValue");
        assertThat(target.path("value").asText()).isEqualTo("10k");
        assertThat(target.path("averageValue").asText()).isEqualTo("100");
    }

    @Test
    void noMetricsOnlyChangesTheVersion() {
        String yaml = V2BETA1.substring(0, V2BETA1.indexOf("  metrics:"));
        assertThat(fixed(yaml)).isEqualTo(yaml.replace("autoscaling/v2beta1", "autoscaling/v2"));
    }

    @Test
    void whatCannotBeConvertedExactlyGetsNoFix() {
        for (String notExact : List.of(
                V2BETA1.replace("  name: web\n", "  name: web\n  annotations:\n"
                        + "    autoscaling.alpha.kubernetes.io/behavior: '{}'\n"),
                V2BETA1.replace("targetAverageUtilization: 60", "targetAverageUtilization: 60 # keep"),
                V2BETA1.replace("    resource:\n      name: cpu\n      targetAverageUtilization: 60\n",
                        "    resource: {name: cpu, targetAverageUtilization: 60}\n"),
                V2BETA1.replace("      targetValue: 10k\n", ""),
                V2BETA1.replace("      targetAverageValue: 1k\n", ""),
                V2BETA1.replace("      name: cpu\n", "      name: cpu\n      targetCPUUtilizationPercentage: 5\n"))) {
            List<Finding> f = RuleTester.check(new RemovedApiVersion(), notExact);
            assertThat(f).hasSize(1);
            assertThat(f.get(0).fix()).as(notExact).isNull();
        }
    }
}
