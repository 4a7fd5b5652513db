package dev.trafficengineer.rules.vpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.kube.KubernetesVersion;
import dev.trafficengineer.rules.ReviewOptions;
import dev.trafficengineer.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class VpaRulesTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api, namespace: shop}
            spec:
              replicas: 1
              selector: {matchLabels: {app: api}}
              template:
                metadata: {labels: {app: api}}
                spec:
                  containers:
                    - name: api
                      image: ghcr.io/acme/api:3.2.0
                      resources: {requests: {cpu: 200m, memory: 256Mi}}
            ---
            """;

    private static final String CPU_HPA = """
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: api, namespace: shop}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
              minReplicas: 2
              maxReplicas: 10
              metrics:
                - type: Resource
                  resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
            """;

    private static String vpa(String spec) {
        return """
                apiVersion: autoscaling.k8s.io/v1
                kind: VerticalPodAutoscaler
                metadata: {name: api, namespace: shop}
                spec:
                  targetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
                """ + spec.stripIndent().indent(2);
    }

    @Test
    void updatePolicyWithoutUpdateMode() {
        assertThat(RuleTester.check(new AdmissionUpdateModeMissing(), vpa("updatePolicy:\n  minReplicas: 2\n")))
                .singleElement().satisfies(x -> assertThat(x.message())
                        .contains("updateMode is required if UpdatePolicy is used"));
        assertThat(RuleTester.check(new AdmissionUpdateModeMissing(), vpa("updatePolicy:\n  updateMode: \"Off\"\n")))
                .isEmpty();
        assertThat(RuleTester.check(new AdmissionUpdateModeMissing(), vpa(""))).isEmpty();
    }

    @Test
    void gatedFieldsAreForbiddenWithTheDefaultGates() {
        List<Finding> f = RuleTester.check(new AdmissionFeatureGateRequired(), vpa("""
                updatePolicy:
                  updateMode: InPlace
                  evictAfterOOMSeconds: 300
                resourcePolicy:
                  containerPolicies:
                    - containerName: api
                      oomBumpUpRatio: "1.5"
                """));
        assertThat(f).extracting(Finding::message).anySatisfy(m -> assertThat(m).contains("feature gate InPlace"))
                .anySatisfy(m -> assertThat(m).contains("evictAfterOOMSeconds: Forbidden"))
                .anySatisfy(m -> assertThat(m).contains("oomBumpUpRatio: Forbidden"));
        assertThat(RuleTester.check(new AdmissionFeatureGateRequired(), vpa("updatePolicy:\n"
                + "  updateMode: InPlaceOrRecreate\n"))).isEmpty();
    }

    @Test
    void minReplicasContainerPoliciesAndRecommenders() {
        assertThat(RuleTester.check(new AdmissionMinReplicasNotPositive(), vpa("updatePolicy:\n"
                + "  updateMode: Recreate\n  minReplicas: 0\n"))).singleElement().satisfies(x -> assertThat(
                x.message()).contains("minReplicas: Invalid value: 0: minReplicas has to be positive"));
        assertThat(RuleTester.check(new AdmissionMinReplicasNotPositive(), vpa("updatePolicy:\n"
                + "  updateMode: Recreate\n  minReplicas: 1\n"))).isEmpty();
        String policies = vpa("""
                resourcePolicy:
                  containerPolicies:
                    - mode: Auto
                    - containerName: istio-proxy
                      mode: "Off"
                      controlledValues: RequestsAndLimits
                """);
        assertThat(RuleTester.check(new AdmissionContainerPolicyInvalid(), policies)).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("containerPolicies[0].containerName: Required value"))
                .anySatisfy(m -> assertThat(m).contains("controlledValues shouldn't be specified"));
        assertThat(RuleTester.check(new AdmissionContainerPolicyInvalid(), policies.replace("RequestsAndLimits",
                "RequestsOnly").replace("- mode: Auto", "- containerName: '*'"))).isEmpty();
        assertThat(RuleTester.check(new AdmissionTooManyRecommenders(), vpa("recommenders:\n  - name: a\n"
                + "  - name: b\n"))).hasSize(1);
        assertThat(RuleTester.check(new AdmissionTooManyRecommenders(), vpa("recommenders:\n  - name: a\n")))
                .isEmpty();
    }

    @Test
    void boundsAreComparedExactlyAndMustBeWholeMillicoresAndBytes() {
        String bounds = vpa("""
                resourcePolicy:
                  containerPolicies:
                    - containerName: api
                      minAllowed: {cpu: 500m, memory: 1Gi}
                      maxAllowed: {cpu: "0.2", memory: 1000M}
                """);
        List<Finding> f = RuleTester.check(new AdmissionResourceBounds(), bounds);
        assertThat(f).extracting(Finding::message).containsExactlyInAnyOrder(
                "The VPA admission controller rejects this: `spec.resourcePolicy.containerPolicies[0].maxAllowed[cpu]:"
                        + " Invalid value: \"0.2\": max resource for cpu is lower than min of \"500m\"`; raise"
                        + " maxAllowed or lower minAllowed.",
                "The VPA admission controller rejects this: `spec.resourcePolicy.containerPolicies[0].maxAllowed"
                        + "[memory]: Invalid value: \"1000M\": max resource for memory is lower than min of \"1Gi\"`;"
                        + " raise maxAllowed or lower minAllowed.");
        List<Finding> precision = RuleTester.check(new AdmissionResourceBounds(), vpa("""
                resourcePolicy:
                  containerPolicies:
                    - containerName: api
                      minAllowed: {cpu: "0.0001", memory: 100m}
                """));
        assertThat(precision).extracting(Finding::ruleId).containsOnly("vpa/admission-quantity-precision");
        assertThat(precision).hasSize(2);
        assertThat(RuleTester.check(new AdmissionResourceBounds(), bounds.replace("\"0.2\"", "2")
                .replace("1000M", "2Gi"))).isEmpty();
    }

    @Test
    void autoIsRecreateUnderAnotherName() {
        List<Finding> f = RuleTester.check(new AutoModeDeprecated(), vpa("updatePolicy:\n  updateMode: \"Auto\"\n"));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.fix().safe()).isTrue();
            assertThat(x.fix().edits().get(0).text()).isEqualTo("Recreate");
        });
        assertThat(RuleTester.check(new AutoModeDeprecated(), vpa("updatePolicy:\n  updateMode: Recreate\n")))
                .isEmpty();
    }

    @Test
    void aMutatingVpaOnTheResourceAnHpaScalesOnIsAConflict() {
        String recreate = DEPLOYMENT + vpa("updatePolicy:\n  updateMode: Recreate\n") + CPU_HPA;
        assertThat(RuleTester.check(new ConflictsWithHorizontalScaling(), recreate)).singleElement()
                .satisfies(x -> {
                    assertThat(x.severity()).isEqualTo(Severity.ERROR);
                    assertThat(x.message()).contains("HorizontalPodAutoscaler `api` scales Deployment `api` on cpu");
                });
        // the default mode (no updatePolicy) is Recreate too
        assertThat(RuleTester.check(new ConflictsWithHorizontalScaling(), DEPLOYMENT + vpa("") + CPU_HPA))
                .hasSize(1);
        // near misses: Off, Initial, a VPA limited to memory, an HPA on an external metric
        assertThat(RuleTester.check(new ConflictsWithHorizontalScaling(), recreate.replace("Recreate", "\"Off\"")))
                .isEmpty();
        assertThat(RuleTester.check(new ConflictsWithHorizontalScaling(), recreate.replace("Recreate", "Initial")))
                .isEmpty();
        String memoryOnly = DEPLOYMENT + vpa("""
                updatePolicy:
                  updateMode: Recreate
                resourcePolicy:
                  containerPolicies:
                    - containerName: '*'
                      controlledResources: ["memory"]
                """) + CPU_HPA;
        assertThat(RuleTester.check(new ConflictsWithHorizontalScaling(), memoryOnly)).isEmpty();
        String keda = """
                ---
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata: {name: api, namespace: shop}
                spec:
                  scaleTargetRef: {name: api}
                  minReplicaCount: 1
                  triggers:
                    - type: memory
                      metricType: Utilization
                      metadata: {value: "75"}
                """;
        assertThat(RuleTester.check(new ConflictsWithHorizontalScaling(), memoryOnly.replace(CPU_HPA, keda)))
                .singleElement().satisfies(x -> assertThat(x.message()).contains("ScaledObject `api`")
                        .contains("on memory"));
    }

    @Test
    void evictingTheOnlyReplica() {
        String both = DEPLOYMENT + vpa("updatePolicy:\n  updateMode: Recreate\n  minReplicas: 1\n");
        assertThat(RuleTester.check(new RecreateSingleReplica(), both)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("every update evicts the only pod"));
        assertThat(RuleTester.check(new RecreateSingleReplica(), DEPLOYMENT + vpa(""))).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("updater skips workloads with fewer than 2"));
        assertThat(RuleTester.check(new RecreateSingleReplica(), both.replace("replicas: 1", "replicas: 3")))
                .isEmpty();
        assertThat(RuleTester.check(new RecreateSingleReplica(), both.replace("Recreate", "Initial"))).isEmpty();
    }

    @Test
    void targetsMustBeControllersAndAreLookedUpInTheReviewedSet() {
        assertThat(RuleTester.check(new VpaTargetRules(), vpa("").replace("apiVersion: apps/v1, kind: Deployment",
                "apiVersion: v1, kind: Service"))).singleElement().satisfies(x -> assertThat(x.ruleId())
                .isEqualTo("vpa/runtime-target-unsupported"));
        assertThat(RuleTester.check(new VpaTargetRules(), vpa(""))).singleElement()
                .satisfies(x -> assertThat(x.ruleId()).isEqualTo("vpa/target-not-found"));
        assertThat(RuleTester.check(new VpaTargetRules(), DEPLOYMENT + vpa(""))).isEmpty();
    }

    @Test
    void inPlaceModesNeedKubernetes133() {
        String so = vpa("updatePolicy:\n  updateMode: InPlaceOrRecreate\n");
        ReviewOptions old = ReviewOptions.DEFAULT.withKubernetesVersion(KubernetesVersion.parse("1.31"));
        assertThat(RuleTester.check(new InPlaceUnsupportedCluster(), so, old)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("falls back to evicting pods"));
        assertThat(RuleTester.check(new InPlaceUnsupportedCluster(), so)).isEmpty();
    }

    @Test
    void twoVpasOnOneWorkload() {
        String two = vpa("") + "---\n" + vpa("").replace("name: api, namespace", "name: api-memory, namespace");
        assertThat(RuleTester.check(new MultipleVpasOneTarget(), two)).hasSize(2);
        assertThat(RuleTester.check(new MultipleVpasOneTarget(), vpa(""))).isEmpty();
    }
}
