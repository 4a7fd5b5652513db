package dev.trafficengineer.draft.refine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.draft.refine.RefineOutcome.Change;
import dev.trafficengineer.draft.refine.RefineOutcome.NotDone;
import dev.trafficengineer.testing.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Feedback applied to manifests as minimal text edits, then reviewed. */
class ManifestRefinerTest {

    private static final ManifestRefiner REFINER = ManifestRefiner.standard();

    private static String golden(String name) throws IOException {
        return Files.readString(Golden.root().resolve("golden/draft/" + name + "/expected.yaml"),
                StandardCharsets.UTF_8);
    }

    private static final String PLAIN_HPA = """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: web   # the storefront
              namespace: shop
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
                    target:
                      type: Utilization
                      averageUtilization: 75
            """;

    private static final String SCALED_OBJECT = """
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata:
              name: worker
            spec:
              scaleTargetRef:
                name: worker
              maxReplicaCount: 30
              triggers:
                - type: kafka
                  metadata:
                    bootstrapServers: "kafka:9092"
                    topic: "jobs"
                    consumerGroup: "worker"
                    lagThreshold: "100"
            """;

    private static List<String> descriptions(RefineOutcome o) {
        return o.changes().stream().map(Change::description).toList();
    }

    private static long commentLines(String yaml) {
        return yaml.lines().filter(l -> l.stripLeading().startsWith("#")).count();
    }

    @Test
    void maxReplicasReplacesTheValueAndKeepsEveryComment() throws IOException {
        String yaml = golden("cpu-hpa");
        RefineOutcome o = REFINER.refine(yaml, "max 20 replicas");
        assertThat(o.diff("hpa.yaml")).contains("-  maxReplicas: 19\n+  maxReplicas: 20\n");
        assertThat(o.yaml().lines().count()).isEqualTo(yaml.lines().count());
        assertThat(commentLines(o.yaml())).isEqualTo(commentLines(yaml));
        assertThat(o.changes()).singleElement().satisfies(c -> {
            assertThat(c.object()).isEqualTo("HorizontalPodAutoscaler/shop/checkout");
            assertThat(c.description()).isEqualTo("spec.maxReplicas: 20 (was 19): at most 20 replicas");
        });
        assertThat(o.notDone()).isEmpty();
        assertThat(o.review().summary().error()).isZero();
        assertThat(o.introduced()).isEmpty();
    }

    @Test
    void scaleDownTooAggressiveLengthensTheWindowAndHalvesTheStep() throws IOException {
        RefineOutcome o = REFINER.refine(golden("cpu-hpa"), "scale-down is too aggressive");
        assertThat(descriptions(o)).containsExactly(
                "spec.behavior.scaleDown.stabilizationWindowSeconds: 600 (was 300): wait longer for load to stay low"
                        + " before removing pods",
                "spec.behavior.scaleDown.policies[0].value: 10 (was 20): remove fewer pods per step");
    }

    @Test
    void scaleDownTooAggressiveAddsABehaviorWhereThereIsNone() {
        RefineOutcome o = REFINER.refine(PLAIN_HPA, "scale-down is too aggressive");
        assertThat(o.yaml()).isEqualTo(PLAIN_HPA + """
                  behavior:
                    scaleDown:
                      stabilizationWindowSeconds: 600
                      policies:
                        - type: Percent
                          value: 10
                          periodSeconds: 60
                """);
        assertThat(descriptions(o)).containsExactly(
                "spec.behavior.scaleDown.stabilizationWindowSeconds: 600 (was 300, the default): wait longer for load"
                        + " to stay low before removing pods",
                "spec.behavior.scaleDown.policies: at most 10% of the pods per minute (the default removes up to 100%"
                        + " every 15 s)");
        // the target is not in the set, which the review notes as info; nothing worse
        assertThat(o.review().findings()).allMatch(f -> f.severity() == dev.trafficengineer.finding.Severity.INFO);
        assertThat(o.yaml()).contains("name: web   # the storefront");
    }

    @Test
    void scaleDownTooSlow() throws IOException {
        RefineOutcome o = REFINER.refine(golden("cpu-hpa"), "scale-down is too slow");
        assertThat(o.yaml()).contains("stabilizationWindowSeconds: 150").contains("value: 40");
    }

    @Test
    void scaleUpTooSlowSpeedsUpThePoliciesAndLowersTheTarget() throws IOException {
        RefineOutcome o = REFINER.refine(golden("cpu-hpa"), "scale-up is too slow");
        assertThat(descriptions(o)).containsExactly(
                "spec.behavior.scaleUp.policies[0].value: 200 (was 100): add more pods per step",
                "spec.behavior.scaleUp.policies[1].value: 8 (was 4): add more pods per step",
                "spec.metrics[0].resource.target.averageUtilization: 60 (was 70): pods are added at 60% of their cpu"
                        + " request");
    }

    @Test
    void targetUtilizationAndScaleDownPercent() {
        RefineOutcome o = REFINER.refine(PLAIN_HPA, "run pods at 60%, remove at most 10% per minute when scaling"
                + " down");
        assertThat(o.yaml()).contains("averageUtilization: 60").contains("value: 10");
    }

    @Test
    void minReplicasAndItsLimits() {
        assertThat(REFINER.refine(PLAIN_HPA, "min 3 replicas").yaml()).contains("minReplicas: 3");
        RefineOutcome above = REFINER.refine(PLAIN_HPA, "min 12 replicas");
        assertThat(above.changed()).isFalse();
        assertThat(above.notDone()).singleElement().satisfies(n -> assertThat(n.reason())
                .isEqualTo("the maximum is 10; raise it first (\"max N replicas\")"));
        RefineOutcome below = REFINER.refine(PLAIN_HPA, "max 1 replica");
        assertThat(below.notDone()).singleElement().satisfies(n -> assertThat(n.reason())
                .isEqualTo("the minimum is 2; lower it first (\"min N replicas\")"));
    }

    @Test
    void anHpaCannotScaleToZeroOrFollowTheClock() {
        RefineOutcome o = REFINER.refine(PLAIN_HPA, "scale to zero is fine. cheaper at night");
        assertThat(o.changed()).isFalse();
        assertThat(o.notDone()).extracting(NotDone::reason).satisfiesExactly(
                r -> assertThat(r).startsWith("an HPA cannot scale to zero"),
                r -> assertThat(r).startsWith("an HPA cannot follow the clock"));
    }

    @Test
    void noColdStartsOnAScaledObjectWithKedasDefaultMinimumOfZero() {
        RefineOutcome o = REFINER.refine(SCALED_OBJECT, "no cold starts");
        assertThat(o.yaml()).contains("  minReplicaCount: 1\n");
        assertThat(descriptions(o)).containsExactly("spec.minReplicaCount: 1 (was 0, the default): at least 1"
                + " replica: no cold starts");
        assertThat(REFINER.refine(o.yaml(), "no cold starts").notDone()).singleElement()
                .satisfies(n -> assertThat(n.reason()).isEqualTo("it never scales to zero already (minimum 1)"));
    }

    @Test
    void partitionsCapAKafkaConsumer() {
        RefineOutcome o = REFINER.refine(SCALED_OBJECT, "the topic has 24 partitions");
        assertThat(o.yaml()).contains("maxReplicaCount: 24");
        assertThat(REFINER.refine(PLAIN_HPA, "the topic has 24 partitions").notDone()).extracting(NotDone::reason)
                .containsExactly("there is no Kafka trigger to cap");
    }

    @Test
    void latencyQueriesFollowThePercentileAndTheTarget() throws IOException {
        RefineOutcome o = REFINER.refine(golden("keda-prometheus-latency"), "use p99, latency under 500 ms");
        assertThat(o.yaml()).contains("histogram_quantile(0.99, ").doesNotContain("histogram_quantile(0.95")
                .contains("threshold: \"0.4\"");
        assertThat(o.review().summary().error()).isZero();
        assertThat(REFINER.refine(PLAIN_HPA, "use p99").notDone()).extracting(NotDone::reason)
                .containsExactly("it has no latency query (histogram_quantile) to change");
    }

    @Test
    void cheaperAtNightOnAScaledObjectAddsAScheduleAndScalesToZero() throws IOException {
        RefineOutcome o = REFINER.refine(golden("keda-prometheus-rate"), "cheaper at night");
        assertThat(o.yaml()).contains("minReplicaCount: 0").contains("""
                    - type: cron
                      metadata:
                        timezone: "UTC"
                        start: "45 5 * * *"
                        end: "0 22 * * *"
                """);
        assertThat(o.introduced()).noneMatch(f -> f.severity().label().equals("error"));
    }

    @Test
    void aVpaIsAddedAndRemovedAsADocument() {
        RefineOutcome added = REFINER.refine(PLAIN_HPA, "add a VPA");
        assertThat(added.yaml()).startsWith(PLAIN_HPA + "---\napiVersion: autoscaling.k8s.io/v1\n")
                .contains("updateMode: \"Off\"");
        assertThat(added.review().summary().error()).isZero();
        RefineOutcome removed = REFINER.refine(added.yaml(), "remove the VPA");
        assertThat(removed.yaml()).isEqualTo(PLAIN_HPA);
        assertThat(REFINER.refine(added.yaml(), "add a VPA").notDone()).extracting(NotDone::reason)
                .containsExactly("there is a VPA for web already");
    }

    @Test
    void conservativeRaisesTheMinimumAndSlowsScaleDown() {
        RefineOutcome o = REFINER.refine(PLAIN_HPA, "be conservative");
        assertThat(o.yaml()).contains("minReplicas: 3").contains("stabilizationWindowSeconds: 600");
    }

    @Test
    void factsNeedRequirements() {
        RefineOutcome o = REFINER.refine(PLAIN_HPA, "peak 800 rps");
        assertThat(o.changed()).isFalse();
        assertThat(o.notDone()).extracting(NotDone::reason).allSatisfy(r -> assertThat(r)
                .contains("draft from requirements"));
    }

    @Test
    void unknownFeedbackIsReportedAndChangesNothing() {
        RefineOutcome o = REFINER.refine(PLAIN_HPA, "max 8 replicas, and add a PodDisruptionBudget");
        assertThat(o.yaml()).contains("maxReplicas: 8");
        assertThat(o.notDone()).singleElement().satisfies(n -> {
            assertThat(n.intent()).isEqualTo(new Intent.Unknown("add a PodDisruptionBudget"));
            assertThat(n.reason()).startsWith("I did not understand \"add a PodDisruptionBudget\"; offline I can"
                    + " change how fast it scales up or down");
        });
    }

    @Test
    void aFlowMappingCannotTakeANewEntry() {
        String flow = "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\n"
                + "spec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}, maxReplicas: 5}\n";
        RefineOutcome o = REFINER.refine(flow, "scale-down is too aggressive, max 6 replicas");
        assertThat(o.yaml()).contains("maxReplicas: 6");
        assertThat(o.notDone()).singleElement().satisfies(n -> assertThat(n.intent())
                .isEqualTo(new Intent.ScaleDownTooAggressive()));
    }

    @Test
    void brokenYamlAndNoAutoscalerAreReported() {
        RefineOutcome broken = REFINER.refine("kind: [", "max 3 replicas");
        assertThat(broken.notDone()).singleElement().satisfies(n -> assertThat(n.reason())
                .startsWith("the YAML cannot be read"));
        RefineOutcome none = REFINER.refine("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n",
                "max 3 replicas");
        assertThat(none.notDone()).extracting(NotDone::reason).containsExactly("there is no"
                + " HorizontalPodAutoscaler or KEDA ScaledObject in the YAML to change");
    }

    @Test
    void theResultIsReviewedAndNewFindingsAreNamed() {
        RefineOutcome o = REFINER.refine(PLAIN_HPA, List.of(new Intent.TargetUtilization(0)));
        assertThat(o.yaml()).contains("averageUtilization: 0");
        assertThat(o.introduced()).isNotEmpty().allSatisfy(f -> assertThat(f.severity().label()).isEqualTo("error"));
        assertThat(o.review().findings()).containsAll(o.introduced());
    }
}
