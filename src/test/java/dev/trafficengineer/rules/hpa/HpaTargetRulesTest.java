package dev.trafficengineer.rules.hpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.kube.KubernetesVersion;
import dev.trafficengineer.rules.ReviewOptions;
import dev.trafficengineer.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class HpaTargetRulesTest {

    private static final String WEB = Docs.deploymentWithCpu("web", "250m");

    private static String hpaWithRef(String ref) {
        return """
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: web}
                spec:
                  scaleTargetRef:
                %s
                  maxReplicas: 5
                """.formatted(Docs.indent(ref, 4).stripTrailing());
    }

    @Test
    void aTargetMissingFromThePartialSetIsAdviceOnce() {
        List<Finding> f = RuleTester.check(new HpaTargetNotFound(), Docs.cpuHpa("web", "web", 2, 5, 70));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.INFO);
            assertThat(x.message()).startsWith("Deployment `web` is not among the reviewed objects in namespace"
                    + " `default`");
            assertThat(x.pointer().value()).isEqualTo("/spec/scaleTargetRef/name");
        });
    }

    @Test
    void requireTargetsMakesItAnError() {
        List<Finding> f = RuleTester.check(new HpaTargetNotFound(), Docs.cpuHpa("web", "web", 2, 5, 70),
                ReviewOptions.DEFAULT.withRequireTargets(true));
        assertThat(f).extracting(Finding::severity).containsExactly(Severity.ERROR);
    }

    @Test
    void aTargetInTheSetIsFound() {
        assertThat(RuleTester.check(new HpaTargetNotFound(), Docs.cpuHpa("web", "web", 2, 5, 70) + WEB)).isEmpty();
    }

    @Test
    void hintsAtAnotherNamespaceOrKind() {
        String elsewhere = WEB.replace("  name: web\n", "  name: web\n  namespace: shop\n");
        assertThat(RuleTester.check(new HpaTargetNotFound(), Docs.cpuHpa("web", "web", 2, 5, 70) + elsewhere))
                .singleElement().satisfies(x -> assertThat(x.message()).contains("there is one in namespace `shop`"));
        String statefulSet = WEB.replace("kind: Deployment", "kind: StatefulSet");
        assertThat(RuleTester.check(new HpaTargetNotFound(), Docs.cpuHpa("web", "web", 2, 5, 70) + statefulSet))
                .singleElement().satisfies(x -> assertThat(x.message()).contains("there is a StatefulSet `web`"));
    }

    @Test
    void customScalableKindsAreNeverErrors() {
        String hpa = hpaWithRef("apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaNodePool\nname: pool");
        assertThat(RuleTester.check(new HpaTargetNotFound(), hpa)).extracting(Finding::severity)
                .containsExactly(Severity.INFO);
        assertThat(RuleTester.check(new HpaTargetKind(), hpa)).isEmpty();
        assertThat(RuleTester.check(new HpaTargetApiGroup(), hpa)).isEmpty();
        String pool = "apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaNodePool\nmetadata: {name: pool}\n---\n";
        assertThat(RuleTester.check(new HpaTargetNotFound(), pool + hpa)).isEmpty();
    }

    @Test
    void aMisCasedKindIsAnErrorWithASafeFix() {
        List<Finding> f = RuleTester.check(new HpaTargetKind(),
                hpaWithRef("apiVersion: apps/v1\nkind: deployment\nname: web") + "---\n" + WEB);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.message()).contains("kinds are case-sensitive").contains("write `Deployment`");
            assertThat(x.fix().safe()).isTrue();
            assertThat(x.fix().edits()).singleElement().satisfies(e -> assertThat(e.text()).isEqualTo("Deployment"));
        });
        // and it is not also "not found"
        assertThat(RuleTester.check(new HpaTargetNotFound(), hpaWithRef("apiVersion: apps/v1\nkind: deployment\nname: web")))
                .isEmpty();
    }

    @Test
    void kindsWithoutScaleAreErrors() {
        assertThat(RuleTester.check(new HpaTargetKind(), hpaWithRef("apiVersion: apps/v1\nkind: DaemonSet\nname: agent")))
                .singleElement().satisfies(x -> assertThat(x.message()).contains("one pod per node"));
        assertThat(RuleTester.check(new HpaTargetKind(), hpaWithRef("apiVersion: apps/v1\nkind: Deployment\nname: web")))
                .isEmpty();
    }

    @Test
    void aCrdWithoutScaleInTheSetIsAnError() {
        String crd = """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: widgets.example.com}
                spec:
                  group: example.com
                  names: {kind: Widget, plural: widgets}
                  scope: Namespaced
                  versions:
                    - name: v1
                      served: true
                      storage: true
                %s---
                """;
        String hpa = hpaWithRef("apiVersion: example.com/v1\nkind: Widget\nname: w");
        assertThat(RuleTester.check(new HpaTargetKind(), crd.formatted("") + hpa)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("`widgets.example.com` declares no `subresources.scale`"));
        String withScale = crd.formatted("      subresources:\n        scale: {specReplicasPath: .spec.replicas,"
                + " statusReplicasPath: .status.replicas}\n");
        assertThat(RuleTester.check(new HpaTargetKind(), withScale + hpa)).isEmpty();
    }

    @Test
    void aGroupThatDoesNotServeTheKindIsAnError() {
        List<Finding> f = RuleTester.check(new HpaTargetApiGroup(),
                hpaWithRef("apiVersion: extensions/v1beta1\nkind: Deployment\nname: web"));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.message()).isEqualTo("`apiVersion: extensions/v1beta1` puts the Deployment in group"
                    + " `extensions`, which serves no Deployments, so the controller cannot find its target"
                    + " (FailedGetScale); write `apiVersion: apps/v1`.");
            assertThat(x.fix().edits().get(0).text()).isEqualTo("apps/v1");
        });
        assertThat(RuleTester.check(new HpaTargetApiGroup(),
                hpaWithRef("apiVersion: apps/v1\nkind: ReplicationController\nname: rc")))
                .singleElement().satisfies(x -> assertThat(x.message()).contains("write `apiVersion: v1`"));
    }

    @Test
    void apiGroupNearMisses() {
        assertThat(RuleTester.check(new HpaTargetApiGroup(), hpaWithRef("apiVersion: v1\nkind: ReplicationController\nname: rc")))
                .isEmpty();
        // extensions still served Deployments before 1.16
        assertThat(RuleTester.check(new HpaTargetApiGroup(),
                hpaWithRef("apiVersion: extensions/v1beta1\nkind: Deployment\nname: web"),
                ReviewOptions.DEFAULT.withKubernetesVersion(new KubernetesVersion(1, 15)))).isEmpty();
        // from 1.34 the API server rejects a v2 reference without a group: hpa/invalid says it, not this rule
        assertThat(RuleTester.check(new HpaTargetApiGroup(), hpaWithRef("kind: Deployment\nname: web"))).isEmpty();
    }

    @Test
    void aMissingApiVersionOnOlderReleasesGetsOneInserted() {
        List<Finding> f = RuleTester.check(new HpaTargetApiGroup(), hpaWithRef("kind: Deployment\nname: web"),
                ReviewOptions.DEFAULT.withKubernetesVersion(new KubernetesVersion(1, 33)));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.message()).startsWith("Without an `apiVersion`, `scaleTargetRef` puts the Deployment in"
                    + " the core group");
            assertThat(x.fix().edits().get(0).text()).isEqualTo("    apiVersion: apps/v1\n");
        });
    }

    @Test
    void aStaleVersionWorksAndIsOnlyAdvice() {
        List<Finding> f = RuleTester.check(new HpaTargetVersionStale(),
                hpaWithRef("apiVersion: apps/v1beta1\nkind: Deployment\nname: web"));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.INFO);
            assertThat(x.message()).contains("the controller uses only the group");
            assertThat(x.fix().safe()).isTrue();
        });
        assertThat(RuleTester.check(new HpaTargetApiGroup(),
                hpaWithRef("apiVersion: apps/v1beta1\nkind: Deployment\nname: web"))).isEmpty();
        assertThat(RuleTester.check(new HpaTargetVersionStale(),
                hpaWithRef("apiVersion: apps/v1\nkind: Deployment\nname: web"))).isEmpty();
    }

    @Test
    void everyAutoscalingVersionIsRead() {
        String v1 = """
                apiVersion: autoscaling/v1
                kind: HorizontalPodAutoscaler
                metadata: {name: web}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: deployment, name: web}
                  maxReplicas: 4
                """;
        assertThat(RuleTester.check(new HpaTargetKind(), v1)).hasSize(1);
        assertThat(RuleTester.check(new HpaTargetKind(), v1.replace("autoscaling/v1", "apps/v1"))).isEmpty();
    }
}
