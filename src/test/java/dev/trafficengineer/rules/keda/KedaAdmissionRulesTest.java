package dev.trafficengineer.rules.keda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules that reproduce the ScaledObject CRD's CEL rule and KEDA's ScaledObject and ScaledJob webhooks. */
class KedaAdmissionRulesTest {

    private static String prometheusSo(String extraSpec) {
        return Yaml.scaledObject(extraSpec + """
                triggers:
                  - type: prometheus
                    metadata:
                      serverAddress: http://prometheus.monitoring:9090
                      query: sum(rate(http_requests_total[2m]))
                      threshold: "50"
                """);
    }

    @Test
    void minAboveMaxQuotesTheCelMessageAndCountsAnAbsentMaxAs100() {
        List<Finding> f = RuleTester.check(new AdmissionMinAboveMax(), prometheusSo("minReplicaCount: 5\n"
                + "maxReplicaCount: 3\n"));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.message()).contains("minReplicaCount must be less than or equal to maxReplicaCount");
            assertThat(x.pointer().value()).isEqualTo("/spec/minReplicaCount");
        });
        assertThat(RuleTester.check(new AdmissionMinAboveMax(), prometheusSo("minReplicaCount: 101\n")))
                .singleElement().satisfies(x -> assertThat(x.message()).contains("default maximum of 100"));
        // near misses: equal bounds, and 100 with the default maximum
        assertThat(RuleTester.check(new AdmissionMinAboveMax(),
                prometheusSo("minReplicaCount: 3\nmaxReplicaCount: 3\n"))).isEmpty();
        assertThat(RuleTester.check(new AdmissionMinAboveMax(), prometheusSo("minReplicaCount: 100\n"))).isEmpty();
    }

    @Test
    void idleReplicaCountFollowsTheWebhooksMinimum() {
        // unset minimum counts as 0, so any idle count is rejected
        assertThat(RuleTester.check(new AdmissionIdleNotBelowMin(), prometheusSo("idleReplicaCount: 0\n")))
                .singleElement().satisfies(x -> assertThat(x.message())
                        .contains("IdleReplicaCount=0 must be less than MinReplicaCount=0"));
        assertThat(RuleTester.check(new AdmissionIdleNotBelowMin(), prometheusSo("idleReplicaCount: 2\n"
                + "minReplicaCount: 2\n"))).singleElement().satisfies(x -> assertThat(x.message())
                        .contains("IdleReplicaCount=2 must be less than MinReplicaCount=2"));
        // quirk: an explicit minimum of 0 counts as 1, so idle 0 passes
        assertThat(RuleTester.check(new AdmissionIdleNotBelowMin(), prometheusSo("idleReplicaCount: 0\n"
                + "minReplicaCount: 0\n"))).isEmpty();
        assertThat(RuleTester.check(new AdmissionIdleNotBelowMin(), prometheusSo("idleReplicaCount: 0\n"
                + "minReplicaCount: 3\n"))).isEmpty();
    }

    @Test
    void duplicateNamedTriggersAreRejectedUnnamedOnesNever() {
        String two = Yaml.scaledObject("""
                triggers:
                  - type: cron
                    name: business-hours
                    metadata: {timezone: Europe/Berlin, start: 0 8 * * 1-5, end: 0 18 * * 1-5, desiredReplicas: "4"}
                  - type: cron
                    name: business-hours
                    metadata: {timezone: Europe/Berlin, start: 0 9 * * 6, end: 0 13 * * 6, desiredReplicas: "2"}
                  - type: cpu
                    metricType: Utilization
                    metadata: {value: "70"}
                  - type: memory
                    metricType: Utilization
                    metadata: {value: "80"}
                """);
        assertThat(RuleTester.check(new AdmissionDuplicateTriggerName(), two)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("triggerName \"business-hours\" is defined multiple"
                        + " times in the ScaledObject/ScaledJob, but it must be unique"));
        assertThat(RuleTester.check(new AdmissionDuplicateTriggerName(), two.replaceFirst("business-hours",
                "weekdays"))).isEmpty();
    }

    @Test
    void cachedMetricsAreRejectedOnCpuMemoryCronAndIgnoredOnScaledJobs() {
        String so = Yaml.scaledObject("""
                minReplicaCount: 1
                triggers:
                  - type: cpu
                    metricType: Utilization
                    useCachedMetrics: true
                    metadata:
                      value: "70"
                """);
        List<Finding> f = RuleTester.check(new AdmissionCachedMetricsUnsupported(), so);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo("keda/admission-cached-metrics-unsupported");
            assertThat(x.message()).contains("property \"useCachedMetrics\" is not supported for \"cpu\" scaler");
            assertThat(x.fix().safe()).isTrue();
            assertThat(x.fix().edits().get(0).text()).isEmpty();
        });
        // supported on the other scalers
        assertThat(RuleTester.check(new AdmissionCachedMetricsUnsupported(), Yaml.scaledObject("""
                triggers:
                  - type: prometheus
                    useCachedMetrics: true
                    metadata: {serverAddress: "http://p:9090", query: up, threshold: "1"}
                """))).isEmpty();
        String job = """
                apiVersion: keda.sh/v1alpha1
                kind: ScaledJob
                metadata: {name: encoder, namespace: media}
                spec:
                  jobTargetRef:
                    template:
                      spec:
                        containers: [{name: enc, image: acme/enc:2}]
                  triggers:
                    - type: rabbitmq
                      useCachedMetrics: true
                      metadata: {queueName: videos, host: "amqp://rabbitmq.media:5672"}
                """;
        assertThat(RuleTester.check(new AdmissionCachedMetricsUnsupported(), job)).singleElement()
                .satisfies(x -> {
                    assertThat(x.ruleId()).isEqualTo("keda/scaledjob-cached-metrics-ignored");
                    assertThat(x.severity()).isEqualTo(Severity.WARNING);
                });
    }

    @Test
    void namesLongerThanLabelValuesAreRejected() {
        String name54 = "a".repeat(54);
        String so = prometheusSo("").replace("name: checkout\n  namespace", "name: " + name54 + "\n  namespace");
        assertThat(RuleTester.check(new AdmissionNameTooLong(), so)).isEmpty();
        String name55 = so.replace(name54, name54 + "b");
        assertThat(RuleTester.check(new AdmissionNameTooLong(), name55)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("HPA name \"keda-hpa-" + name54 + "b\" derived"
                        + " from scaledobject is 64 characters long"));
        // a custom HPA name lifts the 54-character limit, not the 63-character one
        String custom = name55.replace("spec:\n", "spec:\n  advanced:\n    horizontalPodAutoscalerConfig:\n"
                + "      name: checkout-hpa\n");
        assertThat(RuleTester.check(new AdmissionNameTooLong(), custom)).isEmpty();
        String name64 = so.replace(name54, "c".repeat(64));
        assertThat(RuleTester.check(new AdmissionNameTooLong(), name64)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("is 64 characters long; must be no more than 63"
                        + " characters because it is used as the \"scaledobject.keda.sh/name\" label value"));
    }

    @Test
    void fallbackNeedsATriggerThatIsNotCpuOrMemory() {
        String cpuOnly = Yaml.scaledObject("""
                minReplicaCount: 2
                fallback:
                  failureThreshold: 3
                  replicas: 6
                triggers:
                  - type: cpu
                    metricType: Utilization
                    metadata: {value: "70"}
                """);
        assertThat(RuleTester.check(new AdmissionFallbackInvalid(), cpuOnly)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("at least one trigger (that is not cpu or memory)"));
        // since v2.18 a Value metric is fine, and scalingModifiers skip the trigger check
        String withValue = cpuOnly.replace("triggers:\n", "triggers:\n    - type: prometheus\n      metricType: Value\n"
                + "      metadata: {serverAddress: \"http://p:9090\", query: up, threshold: \"1\"}\n");
        assertThat(RuleTester.check(new AdmissionFallbackInvalid(), withValue)).isEmpty();
        String behavior = withValue.replace("replicas: 6", "replicas: 6\n    behavior: scalingModifiers");
        assertThat(RuleTester.check(new AdmissionFallbackInvalid(), behavior)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("scalingModifiers fallback behavior requires"));
    }

    @Test
    void scalingModifiersFormulaMayOnlyUseNamedExternalTriggers() {
        String so = Yaml.scaledObject("""
                advanced:
                  scalingModifiers:
                    formula: "queue + backlog"
                    target: "10"
                triggers:
                  - type: rabbitmq
                    name: queue
                    metadata: {queueName: orders, mode: QueueLength, value: "20", hostFromEnv: RABBIT_URL}
                  - type: cpu
                    name: backlog
                    metricType: Utilization
                    metadata: {value: "70"}
                """);
        assertThat(RuleTester.check(new AdmissionScalingModifiersInvalid(), so)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("unknown name backlog")
                        .contains("cpu and memory triggers cannot be used"));
        String fine = so.replace("queue + backlog", "queue > 100 ? max([queue, 50]) : queue");
        assertThat(RuleTester.check(new AdmissionScalingModifiersInvalid(), fine)).isEmpty();
        assertThat(RuleTester.check(new AdmissionScalingModifiersInvalid(), fine.replace("target: \"10\"",
                "target: \"0\""))).singleElement().satisfies(x -> assertThat(x.message())
                        .contains("error converting target for scalingModifiers"));
        assertThat(RuleTester.check(new AdmissionScalingModifiersInvalid(), fine.replace("    target: \"10\"\n",
                ""))).singleElement().satisfies(x -> assertThat(x.message())
                        .contains("formula is given but target is empty"));
        assertThat(RuleTester.check(new AdmissionScalingModifiersInvalid(), fine.replace(
                "    formula: \"queue > 100 ? max([queue, 50]) : queue\"\n", ""))).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("error ScalingModifiers.Formula is mandatory"));
    }

    @Test
    void twoScaledObjectsOnOneWorkloadConflictUnlessTheKindDiffers() {
        String second = prometheusSo("").replace("name: checkout\n  namespace", "name: checkout-cron\n  namespace");
        String both = prometheusSo("") + "---\n" + second;
        List<Finding> f = RuleTester.check(new AdmissionScaledObjectConflict(), both);
        assertThat(f).hasSize(2).allSatisfy(x -> {
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.message()).contains("of type 'apps/v1.Deployment' is already managed by the ScaledObject");
        });
        String statefulSet = second.replace("    name: checkout\n", "    kind: StatefulSet\n    name: checkout\n");
        assertThat(RuleTester.check(new AdmissionScaledObjectConflict(), prometheusSo("") + "---\n" + statefulSet))
                .isEmpty();
        String otherNamespace = second.replace("namespace: shop", "namespace: shop-canary");
        assertThat(RuleTester.check(new AdmissionScaledObjectConflict(), prometheusSo("") + "---\n"
                + otherNamespace)).isEmpty();
    }

    @Test
    void anExistingHpaBlocksTheScaledObjectUnlessKedaOwnsOrAdoptsIt() {
        String hpa = """
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: checkout
                  namespace: shop
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: checkout}
                  minReplicas: 2
                  maxReplicas: 10
                """;
        String so = prometheusSo("");
        assertThat(RuleTester.check(new AdmissionTargetHasHpa(), so + hpa)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("the workload 'checkout' of type"
                        + " 'apps/v1.Deployment' is already managed by the hpa 'checkout'"));
        String transferWithoutName = so.replace("namespace: shop\nspec", "namespace: shop\n  annotations:\n"
                + "    scaledobject.keda.sh/transfer-hpa-ownership: \"true\"\nspec");
        assertThat(RuleTester.check(new AdmissionTargetHasHpa(), transferWithoutName + hpa)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("must be specified by name in advanced settings"));
        String adopted = transferWithoutName.replace("spec:\n", "spec:\n  advanced:\n"
                + "    horizontalPodAutoscalerConfig: {name: checkout}\n");
        assertThat(RuleTester.check(new AdmissionTargetHasHpa(), adopted + hpa)).isEmpty();
        String optedOut = hpa.replace("namespace: shop\nspec", "namespace: shop\n  annotations:\n"
                + "    validations.keda.sh/hpa-ownership: \"false\"\nspec");
        assertThat(RuleTester.check(new AdmissionTargetHasHpa(), so + optedOut)).isEmpty();
        String owned = hpa.replace("namespace: shop\nspec", "namespace: shop\n  ownerReferences:\n"
                + "    - {apiVersion: keda.sh/v1alpha1, kind: ScaledObject, name: checkout, uid: 1f0c}\nspec");
        assertThat(RuleTester.check(new AdmissionTargetHasHpa(), so + owned)).isEmpty();
        // the annotation on the ScaledObject does nothing, which another rule says
        String misplaced = so.replace("namespace: shop\nspec", "namespace: shop\n  annotations:\n"
                + "    validations.keda.sh/hpa-ownership: \"false\"\nspec");
        assertThat(RuleTester.check(new AdmissionTargetHasHpa(), misplaced + hpa)).hasSize(1);
        assertThat(RuleTester.check(new OwnershipAnnotationMisplaced(), misplaced)).singleElement()
                .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.WARNING));
        assertThat(RuleTester.check(new OwnershipAnnotationMisplaced(), so)).isEmpty();
    }

    @Test
    void targetKindsResolveLikeKedasRestMapper() {
        String lower = prometheusSo("").replace("    name: checkout\n", "    apiVersion: apps/v1\n"
                + "    kind: deployment\n    name: checkout\n");
        assertThat(RuleTester.check(new AdmissionTargetUnresolvable(), lower)).singleElement().satisfies(x -> {
            assertThat(x.message()).contains("no matches for kind \"deployment\" in version \"apps/v1\"");
            assertThat(x.fix().safe()).isTrue();
            assertThat(x.fix().edits().get(0).text()).isEqualTo("Deployment");
        });
        assertThat(RuleTester.check(new AdmissionTargetUnresolvable(), lower.replace("apps/v1", "apps/v1/beta")))
                .singleElement().satisfies(x -> assertThat(x.message()).contains("unexpected GroupVersion string"));
        // custom resources and Deployment in any version resolve at admission
        assertThat(RuleTester.check(new AdmissionTargetUnresolvable(), lower.replace("kind: deployment",
                "kind: Rollout").replace("apps/v1", "argoproj.io/v1alpha1"))).isEmpty();
        assertThat(RuleTester.check(new AdmissionTargetUnresolvable(), lower.replace("kind: deployment",
                "kind: Deployment").replace("apps/v1", "extensions/v1beta1"))).isEmpty();
    }

    @Test
    void cpuTriggersNeedRequestsOnEveryContainerOfAReviewedTarget() {
        String so = Yaml.DEPLOYMENT + Yaml.scaledObject("""
                minReplicaCount: 1
                triggers:
                  - type: cpu
                    metricType: Utilization
                    metadata:
                      value: "70"
                """);
        assertThat(RuleTester.check(new AdmissionCpuMemoryMissingRequests(), so)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("the scaledobject has a cpu trigger but the"
                        + " container envoy doesn't have the cpu request defined"));
        // restricted to the container that has requests, or a LimitRange default: accepted
        assertThat(RuleTester.check(new AdmissionCpuMemoryMissingRequests(), so.replace("value: \"70\"",
                "value: \"70\"\n        containerName: app"))).isEmpty();
        String limitRange = """
                ---
                apiVersion: v1
                kind: LimitRange
                metadata: {name: defaults, namespace: shop}
                spec:
                  limits:
                    - type: Container
                      defaultRequest: {cpu: 100m}
                """;
        assertThat(RuleTester.check(new AdmissionCpuMemoryMissingRequests(), so + limitRange)).isEmpty();
        // a target that is not reviewed may exist, unless the review is declared complete
        String alone = so.substring(so.indexOf("apiVersion: keda.sh"));
        assertThat(RuleTester.check(new AdmissionCpuMemoryMissingRequests(), alone)).isEmpty();
        assertThat(RuleTester.check(new AdmissionCpuMemoryMissingRequests(), alone,
                dev.trafficengineer.rules.ReviewOptions.DEFAULT.withRequireTargets(true))).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("deployments.apps \"checkout\" not found"));
        // other kinds are not fetched by the webhook
        assertThat(RuleTester.check(new AdmissionCpuMemoryMissingRequests(), so.replace("    name: checkout\n",
                "    kind: StatefulSet\n    name: checkout\n"))).isEmpty();
    }

    @Test
    void cpuOnlyScaleToZeroIsRejectedForDeploymentsWithAFixAndWarnedElsewhere() {
        String so = Yaml.scaledObject("""
                triggers:
                  - type: memory
                    metricType: AverageValue
                    metadata:
                      value: 512Mi
                """);
        assertThat(RuleTester.check(new AdmissionCpuMemoryScaleToZero(), so)).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo("keda/admission-cpu-memory-scale-to-zero");
            assertThat(x.message()).contains("scaledobject has only cpu/memory triggers AND minReplica is 0");
            assertThat(x.fix().safe()).isTrue();
            assertThat(x.fix().edits().get(0).text()).isEqualTo("  minReplicaCount: 1\n");
        });
        assertThat(RuleTester.check(new AdmissionCpuMemoryScaleToZero(), so.replace("spec:\n",
                "spec:\n  minReplicaCount: 0\n"))).singleElement()
                .satisfies(x -> assertThat(x.fix().edits().get(0).text()).isEqualTo("1"));
        String rollout = so.replace("    name: checkout\n", "    apiVersion: argoproj.io/v1alpha1\n    kind: Rollout\n"
                + "    name: checkout\n");
        assertThat(RuleTester.check(new AdmissionCpuMemoryScaleToZero(), rollout)).singleElement()
                .satisfies(x -> assertThat(x.ruleId()).isEqualTo("keda/cpu-memory-never-scales-to-zero"));
        // near misses: a minimum of 1, or an event trigger that can wake the workload
        assertThat(RuleTester.check(new AdmissionCpuMemoryScaleToZero(), so.replace("spec:\n",
                "spec:\n  minReplicaCount: 1\n"))).isEmpty();
        assertThat(RuleTester.check(new AdmissionCpuMemoryScaleToZero(), so.replace("triggers:\n", "triggers:\n"
                + "    - type: cron\n      metadata: {timezone: UTC, start: 0 8 * * *, end: 0 18 * * *,"
                + " desiredReplicas: \"2\"}\n"))).isEmpty();
    }

    @Test
    void metadataNumbersAndBooleansAreQuotedBySafeFixes() {
        String so = Yaml.trigger("prometheus", """
                serverAddress: http://prometheus.monitoring:9090
                query: sum(rate(http_requests_total[2m]))
                threshold: 50.5
                activationThreshold: 0x0A
                ignoreNullValues: no
                """);
        List<Finding> f = RuleTester.check(new AdmissionMetadataNotString(), so);
        assertThat(f).extracting(x -> x.fix().edits().get(0).text())
                .containsExactly("\"50.5\"", "\"10\"", "\"false\"");
        assertThat(f.get(0).message()).contains("in body must be of type string: \"number\"");
        assertThat(RuleTester.check(new AdmissionMetadataNotString(), Yaml.trigger("prometheus", Yaml.PROMETHEUS)))
                .isEmpty();
    }
}
