package dev.trafficengineer.rules.hpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class HpaBoundsRulesTest {

    private static String metric(String metricYaml) {
        return Docs.hpa("web", "web", "minReplicas: 2\nmaxReplicas: 10\nmetrics:\n" + Docs.indent(metricYaml, 2));
    }

    @Test
    void minEqualsMax() {
        assertThat(RuleTester.check(new HpaMinEqualsMax(), Docs.cpuHpa("web", "web", 3, 3, 70))).singleElement()
                .satisfies(x -> {
                    assertThat(x.message()).startsWith("`minReplicas` and `maxReplicas` are both 3");
                    assertThat(x.pointer().value()).isEqualTo("/spec/maxReplicas");
                });
        assertThat(RuleTester.check(new HpaMinEqualsMax(), Docs.hpa("web", "web", "maxReplicas: 1\n")))
                .singleElement().satisfies(x -> assertThat(x.message()).contains("the default `minReplicas` of 1"));
        assertThat(RuleTester.check(new HpaMinEqualsMax(), Docs.cpuHpa("web", "web", 3, 4, 70))).isEmpty();
        assertThat(RuleTester.check(new HpaMinEqualsMax(), Docs.cpuHpa("web", "web", 5, 4, 70))).isEmpty();
    }

    @Test
    void minReplicasOne() {
        assertThat(RuleTester.check(new HpaMinReplicasOne(), Docs.cpuHpa("web", "web", 1, 10, 70)))
                .extracting(Finding::severity).containsExactly(Severity.INFO);
        assertThat(RuleTester.check(new HpaMinReplicasOne(), Docs.hpa("web", "web", "maxReplicas: 10\n")))
                .singleElement().satisfies(x -> assertThat(x.message()).startsWith("The default `minReplicas` of 1"));
        assertThat(RuleTester.check(new HpaMinReplicasOne(), Docs.cpuHpa("web", "web", 2, 10, 70))).isEmpty();
        assertThat(RuleTester.check(new HpaMinReplicasOne(), Docs.cpuHpa("web", "web", 1, 1, 70))).isEmpty();
    }

    @Test
    void utilizationBand() {
        assertThat(RuleTester.check(new HpaUtilizationBand(), Docs.cpuHpa("web", "web", 2, 10, 20))).singleElement()
                .satisfies(x -> assertThat(x.message()).isEqualTo("`averageUtilization: 20` keeps 80% of the requested"
                        + " cpu idle at steady state, so the workload pays for 5× what it uses; aim for 50–80%."));
        assertThat(RuleTester.check(new HpaUtilizationBand(), Docs.cpuHpa("web", "web", 2, 10, 95))).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("only once usage passes 104.5% of the cpu requests"));
        assertThat(RuleTester.check(new HpaUtilizationBand(), Docs.cpuHpa("web", "web", 2, 10, 30))).isEmpty();
        assertThat(RuleTester.check(new HpaUtilizationBand(), Docs.cpuHpa("web", "web", 2, 10, 90))).isEmpty();
        // the implicit default (80%) is not the author's choice to question
        assertThat(RuleTester.check(new HpaUtilizationBand(), Docs.hpa("web", "web", "maxReplicas: 10\n"))).isEmpty();
    }

    @Test
    void aWrittenToleranceMovesTheThreshold() {
        String hpa = Docs.cpuHpa("web", "web", 2, 10, 95) + "";
        hpa = hpa.replace("  metrics:", "  behavior:\n    scaleUp:\n      tolerance: 0.02\n  metrics:");
        assertThat(RuleTester.check(new HpaUtilizationBand(), hpa)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("with a 2% tolerance").contains("passes 96.9%"));
    }

    @Test
    void v1AndV2beta1TargetsAreReadToo() {
        String v1 = """
                apiVersion: autoscaling/v1
                kind: HorizontalPodAutoscaler
                metadata: {name: web}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
                  maxReplicas: 10
                  targetCPUUtilizationPercentage: 95
                """;
        assertThat(RuleTester.check(new HpaUtilizationBand(), v1)).singleElement()
                .satisfies(x -> assertThat(x.pointer().value()).isEqualTo("/spec/targetCPUUtilizationPercentage"));
        String v2beta1 = """
                apiVersion: autoscaling/v2beta1
                kind: HorizontalPodAutoscaler
                metadata: {name: web}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
                  maxReplicas: 10
                  metrics:
                    - type: Resource
                      resource: {name: memory, targetAverageUtilization: 10}
                """;
        assertThat(RuleTester.check(new HpaUtilizationBand(), v2beta1)).singleElement()
                .satisfies(x -> assertThat(x.pointer().value()).isEqualTo("/spec/metrics/0/resource/targetAverageUtilization"));
        assertThat(RuleTester.check(new HpaMemoryUtilization(), v2beta1)).hasSize(1);
    }

    @Test
    void memoryScalingIsAdviceAndNamesAJvm() {
        String hpa = metric("""
                - type: Resource
                  resource: {name: memory, target: {type: Utilization, averageUtilization: 70}}
                """);
        assertThat(RuleTester.check(new HpaMemoryUtilization(), hpa)).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.INFO);
            assertThat(x.message()).startsWith("Memory per pod falls with load only if");
        });
        String jvm = Docs.deployment("web", """
                - name: app
                  image: eclipse-temurin:21-jre
                  resources: {requests: {memory: 1Gi}}
                """);
        assertThat(RuleTester.check(new HpaMemoryUtilization(), hpa + jvm)).singleElement()
                .satisfies(x -> assertThat(x.message()).startsWith("Container `app` runs a JVM"));
        String byFlag = Docs.deployment("web", """
                - name: app
                  image: example/app:1.0
                  args: ["-Xmx512m", "-jar", "app.jar"]
                """);
        assertThat(RuleTester.check(new HpaMemoryUtilization(), hpa + byFlag)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("runs a JVM"));
        assertThat(RuleTester.check(new HpaMemoryUtilization(), Docs.cpuHpa("web", "web", 2, 10, 70))).isEmpty();
    }

    @Test
    void valuesWithTheWrongUnit() {
        String cores = metric("""
                - type: Resource
                  resource: {name: cpu, target: {type: AverageValue, averageValue: "80"}}
                """);
        assertThat(RuleTester.check(new HpaTargetValueUnits(), cores)).singleElement().satisfies(x -> assertThat(
                x.message()).isEqualTo("`averageValue: 80` asks for 80 cores of cpu per pod; for millicores write"
                        + " `80m`, and for a share of the request use `type: Utilization` with `averageUtilization`."));
        assertThat(RuleTester.check(new HpaTargetValueUnits(), cores.replace("\"80\"", "800m"))).isEmpty();
        assertThat(RuleTester.check(new HpaTargetValueUnits(), cores.replace("\"80\"", "\"2\""))).isEmpty();
        String bytes = metric("""
                - type: Resource
                  resource: {name: memory, target: {type: AverageValue, averageValue: 512}}
                """);
        assertThat(RuleTester.check(new HpaTargetValueUnits(), bytes)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("is 512 bytes of memory per pod").contains("`512Mi`"));
        assertThat(RuleTester.check(new HpaTargetValueUnits(), bytes.replace("512", "512Mi"))).isEmpty();
        String rate = metric("""
                - type: Pods
                  pods:
                    metric: {name: http_requests_per_second}
                    target: {type: AverageValue, averageValue: "0.5"}
                """);
        assertThat(RuleTester.check(new HpaTargetValueUnits(), rate)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("200 pods at 100 per second"));
        assertThat(RuleTester.check(new HpaTargetValueUnits(), rate.replace("\"0.5\"", "\"50\""))).isEmpty();
        assertThat(RuleTester.check(new HpaTargetValueUnits(), rate.replace("http_requests_per_second", "queue_depth")))
                .isEmpty();
    }

    @Test
    void anObjectTargetWhoseTypeAndValueDisagreeNeverCounts() {
        String object = metric("""
                - type: Object
                  object:
                    metric: {name: requests-per-second}
                    describedObject: {apiVersion: networking.k8s.io/v1, kind: Ingress, name: main}
                    target:
                      type: Value
                      averageValue: "100"
                """);
        assertThat(RuleTester.check(new HpaObjectTarget(), object)).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.message()).contains("has `type: Value` but sets only `averageValue`")
                    .contains("write `type: AverageValue`");
            assertThat(x.pointer().value()).isEqualTo("/spec/metrics/0/object/target/type");
        });
        assertThat(RuleTester.check(new HpaObjectTarget(), object.replace("type: Value", "type: AverageValue")))
                .isEmpty();
        assertThat(RuleTester.check(new HpaObjectTarget(), object.replace("averageValue:", "value:"))).isEmpty();
        assertThat(RuleTester.check(new HpaObjectTarget(), object.replace("type: Value", "type: Utilization")))
                .hasSize(1);
    }

    @Test
    void aTargetTypeTheControllerIgnoresGetsASafeFix() {
        String resource = metric("""
                - type: Resource
                  resource:
                    name: cpu
                    target:
                      type: Utilization
                      averageValue: 500m
                """);
        List<Finding> f = RuleTester.check(new HpaTargetTypeIgnored(), resource);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.message()).isEqualTo("`type: Utilization` is ignored: the target sets `averageValue`, which"
                    + " the controller uses whatever the type says, so cpu is scaled as `AverageValue`; write"
                    + " `type: AverageValue`.");
            assertThat(x.fix().safe()).isTrue();
            assertThat(x.fix().edits().get(0).text()).isEqualTo("AverageValue");
        });
        String pods = metric("""
                - type: Pods
                  pods:
                    metric: {name: queue_depth}
                    target: {type: Value, averageValue: "10"}
                """);
        assertThat(RuleTester.check(new HpaTargetTypeIgnored(), pods)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("Pods metrics are always an average per pod"));
        String external = metric("""
                - type: External
                  external:
                    metric: {name: queue_messages_ready}
                    target: {type: AverageValue, value: "30"}
                """);
        assertThat(RuleTester.check(new HpaTargetTypeIgnored(), external)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("is scaled as `Value`"));
        assertThat(RuleTester.check(new HpaTargetTypeIgnored(), Docs.cpuHpa("web", "web", 2, 10, 70))).isEmpty();
    }
}
