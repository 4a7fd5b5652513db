package dev.trafficengineer.rules.keda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.rules.ReviewOptions;
import dev.trafficengineer.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules about how a ScaledObject behaves once admitted: targets, activation, scale to zero, Kafka, cron. */
class KedaBehaviourRulesTest {

    private static String prometheus(String spec, String metadata) {
        return Yaml.scaledObject(spec + "triggers:\n  - type: prometheus\n    metadata:\n"
                + (Yaml.PROMETHEUS + metadata).indent(6));
    }

    @Test
    void targetsWithoutScaleSubresourceOrAnUnservedVersionFailAtRuntime() {
        String daemonSet = prometheus("", "").replace("    name: checkout\n", "    kind: DaemonSet\n"
                + "    name: checkout\n");
        assertThat(RuleTester.check(new RuntimeTargetInvalid(), daemonSet)).singleElement().satisfies(x -> assertThat(
                x.message()).contains("Target resource doesn't expose /scale subresource"));
        String job = daemonSet.replace("kind: DaemonSet", "apiVersion: batch/v1\n    kind: Job");
        assertThat(RuleTester.check(new RuntimeTargetInvalid(), job)).singleElement().satisfies(x -> assertThat(
                x.message()).contains("use a ScaledJob"));
        String old = prometheus("", "").replace("    name: checkout\n", "    apiVersion: apps/v1beta2\n"
                + "    name: checkout\n");
        assertThat(RuleTester.check(new RuntimeTargetInvalid(), old)).singleElement().satisfies(x -> assertThat(
                x.fix().edits().get(0).text()).isEqualTo("apps/v1"));
        assertThat(RuleTester.check(new RuntimeTargetInvalid(), prometheus("", ""))).isEmpty();
    }

    @Test
    void targetNotReviewedIsAdviceUnlessTargetsAreRequired() {
        String so = prometheus("", "");
        assertThat(RuleTester.check(new TargetNotFound(), so)).singleElement()
                .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.INFO));
        assertThat(RuleTester.check(new TargetNotFound(), so, ReviewOptions.DEFAULT.withRequireTargets(true)))
                .singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.ERROR));
        assertThat(RuleTester.check(new TargetNotFound(), Yaml.DEPLOYMENT + so)).isEmpty();
        String statefulSet = Yaml.DEPLOYMENT.replace("kind: Deployment", "kind: StatefulSet");
        assertThat(RuleTester.check(new TargetNotFound(), statefulSet + so)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("set `scaleTargetRef.kind: StatefulSet`"));
    }

    @Test
    void aWorkloadScaledByKedaShouldNotSetReplicas() {
        String deployment = Yaml.DEPLOYMENT.replace("spec:\n  selector", "spec:\n  replicas: 3\n  selector");
        List<Finding> f = RuleTester.check(new TargetSetsReplicas(), deployment + prometheus("", ""));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.pointer().value()).isEqualTo("/spec/replicas");
            assertThat(x.fix().safe()).isTrue();
            assertThat(x.fix().edits().get(0).text()).isEmpty();
        });
        assertThat(RuleTester.check(new TargetSetsReplicas(), deployment)).isEmpty();
    }

    @Test
    void activationAboveTheTargetKeepsTheWorkloadAtZero() {
        String so = prometheus("minReplicaCount: 0\nmaxReplicaCount: 10\n", "activationThreshold: \"120\"\n");
        assertThat(RuleTester.check(new ActivationThresholdMisfit(), so)).singleElement().satisfies(x -> assertThat(
                x.message()).contains("`activationThreshold` 120 is not below `threshold` 50")
                .contains("HPA would want up to 3 replicas"));
        assertThat(RuleTester.check(new ActivationThresholdMisfit(), so.replace("\"120\"", "\"500\"")))
                .singleElement().satisfies(x -> assertThat(x.message()).contains("all 10 replicas handle (500)"));
        assertThat(RuleTester.check(new ActivationThresholdMisfit(), so.replace("\"120\"", "\"-1\"")))
                .singleElement().satisfies(x -> assertThat(x.message()).contains("never scales to zero"));
        assertThat(RuleTester.check(new ActivationThresholdMisfit(), so.replace("\"120\"", "\"5\""))).isEmpty();
        // with a minimum of 1 the activation does nothing at all, which is advice
        String always = so.replace("minReplicaCount: 0", "minReplicaCount: 1");
        assertThat(RuleTester.check(new ActivationThresholdMisfit(), always)).isEmpty();
        assertThat(RuleTester.check(new ActivationHasNoEffect(), always)).singleElement()
                .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.INFO));
        assertThat(RuleTester.check(new ActivationHasNoEffect(), so)).isEmpty();
    }

    @Test
    void scaleToZeroAdviceListsTheMitigationsThatFit() {
        String so = prometheus("", "activationThreshold: \"10\"\n");
        assertThat(RuleTester.check(new ScaleToZeroColdStart(), so)).singleElement().satisfies(x -> assertThat(
                x.message()).contains("a `cron` trigger").contains("a lower `activationThreshold` (now 10)")
                .contains("`idleReplicaCount: 0`"));
        assertThat(RuleTester.check(new ScaleToZeroColdStart(), prometheus("minReplicaCount: 1\n", ""))).isEmpty();
    }

    @Test
    void intervalsThatKedaSaysAreNotRelevantCarryItsWarningText() {
        String so = prometheus("minReplicaCount: 2\npollingInterval: 10\ncooldownPeriod: 600\n", "");
        List<Finding> f = RuleTester.check(new IntervalNotUsed(), so);
        assertThat(f).extracting(Finding::ruleId).containsExactly("keda/polling-interval-not-used",
                "keda/cooldown-period-not-used");
        assertThat(f).allSatisfy(x -> assertThat(x.fix().safe()).isTrue());
        assertThat(RuleTester.check(new IntervalNotUsed(), so.replace("minReplicaCount: 2",
                "minReplicaCount: 2\n  idleReplicaCount: 0"))).isEmpty();
        assertThat(RuleTester.check(new IntervalNotUsed(), so.replace("minReplicaCount: 2", "minReplicaCount: 0")))
                .isEmpty();
    }

    @Test
    void shortCooldownsAndLongPollingWhenScalingToZero() {
        String so = prometheus("cooldownPeriod: 5\npollingInterval: 120\n", "");
        assertThat(RuleTester.check(new ScaleToZeroTiming(), so)).extracting(Finding::ruleId)
                .containsExactly("keda/cooldown-period-short", "keda/polling-interval-long");
        assertThat(RuleTester.check(new ScaleToZeroTiming(), prometheus("cooldownPeriod: 300\npollingInterval: 30\n",
                ""))).isEmpty();
        assertThat(RuleTester.check(new IdleReplicaCountNotZero(), prometheus("minReplicaCount: 3\n"
                + "idleReplicaCount: 1\n", ""))).hasSize(1);
        assertThat(RuleTester.check(new IdleReplicaCountNotZero(), prometheus("minReplicaCount: 3\n"
                + "idleReplicaCount: 0\n", ""))).isEmpty();
    }

    @Test
    void kafkaReplicasBeyondTheListedPartitions() {
        String so = Yaml.scaledObject("""
                maxReplicaCount: 20
                triggers:
                  - type: kafka
                    metadata:
                      bootstrapServers: kafka.data:9092
                      consumerGroup: orders
                      topic: orders
                      partitionLimitation: "0-3,8"
                """);
        assertThat(RuleTester.check(new KafkaReplicasAbovePartitions(), so)).singleElement().satisfies(x ->
                assertThat(x.message()).contains("exceeds the 5 partitions").contains("never reached"));
        assertThat(RuleTester.check(new KafkaReplicasAbovePartitions(), so.replace("topic: orders",
                "topic: orders\n        allowIdleConsumers: \"true\""))).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("idle"));
        assertThat(RuleTester.check(new KafkaReplicasAbovePartitions(), so.replace("maxReplicaCount: 20",
                "maxReplicaCount: 5"))).isEmpty();
    }

    @Test
    void plaintextSaslWithoutTlsSendsThePasswordInClear() {
        String so = Yaml.trigger("kafka", """
                bootstrapServers: kafka.data:9092
                consumerGroup: orders
                sasl: plaintext
                """);
        assertThat(RuleTester.check(new KafkaSaslWithoutTls(), so)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("password crosses the network in clear"));
        assertThat(RuleTester.check(new KafkaSaslWithoutTls(), so.replace("sasl: plaintext",
                "sasl: plaintext\n        tls: enable"))).isEmpty();
        assertThat(RuleTester.check(new KafkaSaslWithoutTls(), so.replace("plaintext", "scram_sha512"))).isEmpty();
    }

    @Test
    void cronAskingForMoreThanTheMaximum() {
        String so = Yaml.scaledObject("""
                maxReplicaCount: 10
                triggers:
                  - type: cron
                    metadata: {timezone: UTC, start: 0 8 * * *, end: 0 18 * * *, desiredReplicas: "20"}
                """);
        assertThat(RuleTester.check(new CronDesiredAboveMax(), so)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("asks for 20 replicas"));
        assertThat(RuleTester.check(new CronDesiredAboveMax(), so.replace("\"20\"", "\"10\""))).isEmpty();
    }

    @Test
    void fallbackThatCannotCoverEveryTrigger() {
        String so = Yaml.scaledObject("""
                fallback: {failureThreshold: 3, replicas: 6}
                triggers:
                  - type: prometheus
                    metricType: Value
                    metadata: {serverAddress: "http://p:9090", query: up, threshold: "1"}
                  - type: cpu
                    metricType: Utilization
                    metadata: {value: "70"}
                """);
        assertThat(RuleTester.check(new FallbackPartialCoverage(), so)).hasSize(2);
        assertThat(RuleTester.check(new FallbackPartialCoverage(), Yaml.scaledObject("""
                fallback: {failureThreshold: 3, replicas: 6}
                triggers:
                  - type: prometheus
                    metadata: {serverAddress: "http://p:9090", query: up, threshold: "1"}
                """))).isEmpty();
    }

    @Test
    void pauseAnnotationsAreNotedAndABadReplicaCountIsAnError() {
        String so = prometheus("", "").replace("namespace: shop\nspec", "namespace: shop\n  annotations:\n"
                + "    autoscaling.keda.sh/paused-replicas: \"two\"\nspec");
        assertThat(RuleTester.check(new PausedAnnotations(), so)).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo("keda/runtime-paused-replicas-invalid");
            assertThat(x.message()).contains("failed to parse paused replica count");
        });
        assertThat(RuleTester.check(new PausedAnnotations(), so.replace("paused-replicas: \"two\"",
                "paused: \"yes\""))).singleElement().satisfies(x -> assertThat(x.message())
                .contains("any value that is not a boolean"));
        assertThat(RuleTester.check(new PausedAnnotations(), so.replace("paused-replicas: \"two\"",
                "paused: \"false\""))).isEmpty();
    }
}
