package dev.trafficengineer.rules.hpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class HpaConflictRulesTest {

    private static final String BACKEND = Docs.deploymentWithCpu("backend", "100m");
    private static final String FRONTEND = Docs.deploymentWithCpu("frontend", "100m");

    @Test
    void twoHpasOnOneTargetAreBothReported() {
        String yaml = Docs.cpuHpa("backend", "backend", 2, 4, 70) + Docs.cpuHpa("frontend", "backend", 2, 4, 70)
                + BACKEND + FRONTEND;
        List<Finding> f = RuleTester.check(new HpaDuplicateTarget(), yaml);
        assertThat(f).hasSize(2).allSatisfy(x -> assertThat(x.severity()).isEqualTo(Severity.ERROR));
        assertThat(f.get(0).message()).isEqualTo("HPA `frontend` also scales Deployment `backend`, so the two fight"
                + " over its replica count and the controller stops both (AmbiguousSelector); keep one HPA per"
                + " workload.");
        assertThat(f.get(1).message()).endsWith("or point this one at Deployment `frontend`, which no HPA scales.");
    }

    @Test
    void theSameHpaWrittenTwiceIsOneObject() {
        String yaml = Docs.cpuHpa("web", "web", 2, 4, 70) + Docs.cpuHpa("web", "web", 2, 8, 70);
        assertThat(RuleTester.check(new HpaDuplicateTarget(), yaml)).isEmpty();
        String otherNamespace = Docs.cpuHpa("web2", "web", 2, 4, 70).replace("  name: web2\n",
                "  name: web2\n  namespace: shop\n");
        assertThat(RuleTester.check(new HpaDuplicateTarget(), Docs.cpuHpa("web", "web", 2, 4, 70) + otherNamespace))
                .isEmpty();
    }

    @Test
    void aScaledObjectOnTheSameTarget() {
        String so = """
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata: {name: ui}
                spec:
                  scaleTargetRef: {name: ui}
                  triggers: [{type: cpu, metricType: Utilization, metadata: {value: "60"}}]
                ---
                """;
        String hpa = Docs.cpuHpa("ui", "ui", 2, 4, 70);
        assertThat(RuleTester.check(new HpaKedaConflict(), so + hpa)).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.message()).startsWith("ScaledObject `ui` also scales Deployment `ui` through the HPA KEDA"
                    + " creates for it (`keda-hpa-ui`)");
        });
        // KEDA's own HPA, and an HPA the ScaledObject adopts, are not conflicts
        String owned = hpa.replace("  name: ui\nspec:", "  name: keda-hpa-ui\n  ownerReferences:\n"
                + "    - {apiVersion: keda.sh/v1alpha1, kind: ScaledObject, name: ui, uid: x}\nspec:");
        assertThat(RuleTester.check(new HpaKedaConflict(), so + owned)).isEmpty();
        String adopting = so.replace("metadata: {name: ui}", "metadata:\n  name: ui\n  annotations:\n"
                + "    scaledobject.keda.sh/transfer-hpa-ownership: \"true\"")
                .replace("  scaleTargetRef: {name: ui}", "  scaleTargetRef: {name: ui}\n  advanced:\n"
                        + "    horizontalPodAutoscalerConfig: {name: ui}");
        assertThat(RuleTester.check(new HpaKedaConflict(), adopting + hpa)).isEmpty();
        // another kind with the same name is another target
        assertThat(RuleTester.check(new HpaKedaConflict(), so.replace("{name: ui}", "{name: ui, kind: StatefulSet}")
                + hpa)).isEmpty();
    }

    @Test
    void replicasOnAnHpaTargetGetAnUnsafeFix() {
        String web = Docs.deploymentWithCpu("web", "100m").replace("spec:\n  selector:", "spec:\n  replicas: 3\n  selector:");
        List<Finding> f = RuleTester.check(new HpaTargetReplicas(), Docs.cpuHpa("web", "web", 2, 10, 70) + web);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.message()).isEqualTo("`spec.replicas: 3` resets the replica count on every apply, fighting"
                    + " HPA `web` (which keeps it between 2 and 10); remove the field and let the HPA own the count.");
            assertThat(x.fix().safe()).isFalse();
            assertThat(x.fix().description()).contains("last-applied");
            assertThat(x.fix().edits()).singleElement().satisfies(e -> assertThat(e.text()).isEmpty());
        });
        assertThat(RuleTester.check(new HpaTargetReplicas(), web)).isEmpty();
        assertThat(RuleTester.check(new HpaTargetReplicas(), Docs.cpuHpa("web", "other", 2, 10, 70) + web)).isEmpty();
    }

    @Test
    void aBudgetThatBlocksEvictionAtMinReplicas() {
        String pdb = """
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: {name: web}
                spec:
                  %s
                  selector: {matchLabels: {app: web}}
                ---
                """;
        String base = Docs.cpuHpa("web", "web", 2, 10, 70) + Docs.deploymentWithCpu("web", "100m");
        assertThat(RuleTester.check(new HpaPdbBlocksEviction(), pdb.formatted("minAvailable: 2") + base))
                .singleElement().satisfies(x -> {
                    assertThat(x.message()).isEqualTo("When HPA `web` scales Deployment `web` down to its `minReplicas`"
                            + " of 2, `minAvailable: 2` allows no eviction, so node drains and upgrades stall whenever"
                            + " load is low; use `maxUnavailable: 1`, or keep `minAvailable` below `minReplicas`.");
                    assertThat(x.pointer().value()).isEqualTo("/spec/minAvailable");
                });
        // 50% of 2 rounds up to 1: one eviction allowed; 51% rounds up to 2: none
        assertThat(RuleTester.check(new HpaPdbBlocksEviction(), pdb.formatted("minAvailable: 50%") + base)).isEmpty();
        assertThat(RuleTester.check(new HpaPdbBlocksEviction(), pdb.formatted("minAvailable: 51%") + base))
                .singleElement().satisfies(x -> assertThat(x.message()).contains("(rounded up to 2 of 2)"));
        assertThat(RuleTester.check(new HpaPdbBlocksEviction(), pdb.formatted("maxUnavailable: 0") + base)).hasSize(1);
        assertThat(RuleTester.check(new HpaPdbBlocksEviction(), pdb.formatted("maxUnavailable: 1%") + base)).isEmpty();
        assertThat(RuleTester.check(new HpaPdbBlocksEviction(), pdb.formatted("minAvailable: 1") + base)).isEmpty();
        // a budget for other pods
        assertThat(RuleTester.check(new HpaPdbBlocksEviction(),
                pdb.formatted("minAvailable: 2").replace("app: web", "app: db") + base)).isEmpty();
    }
}
