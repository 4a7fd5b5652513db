package dev.trafficengineer.rules.hpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.kube.KubernetesVersion;
import dev.trafficengineer.rules.ReviewOptions;
import dev.trafficengineer.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The HPA side of the behavior analysis: findings under /spec/behavior, with fixes as edits. */
class HpaBehaviorRulesTest {

    private static String withBehavior(String behavior) {
        return Docs.hpa("web", "web", "minReplicas: 2\nmaxReplicas: 40\nbehavior:\n" + Docs.indent(behavior, 2));
    }

    @Test
    void flappingScaleDownGetsAnUnsafeFixToTheDefaultWindow() {
        String yaml = withBehavior("""
                scaleDown:
                  stabilizationWindowSeconds: 0
                """);
        List<Finding> f = RuleTester.check(new HpaScaleDownUnstabilized(), yaml);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo("hpa/scale-down-unstabilized");
            assertThat(x.severity()).isEqualTo(Severity.WARNING);
            assertThat(x.pointer().value()).isEqualTo("/spec/behavior/scaleDown/stabilizationWindowSeconds");
            assertThat(x.range().line()).isEqualTo(14);
            assertThat(x.fix().safe()).isFalse();
            assertThat(x.fix().edits()).singleElement().satisfies(e -> {
                assertThat(e.text()).isEqualTo("300");
                assertThat(e.line()).isEqualTo(14);
            });
        });
        assertThat(RuleTester.check(new HpaScaleDownUnstabilized(), withBehavior("scaleDown: {selectPolicy: Max}\n")))
                .isEmpty();
    }

    @Test
    void slowScaleUp() {
        String yaml = withBehavior("""
                scaleUp:
                  stabilizationWindowSeconds: 300
                  policies:
                    - type: Pods
                      value: 1
                      periodSeconds: 60
                """);
        assertThat(RuleTester.check(new HpaScaleUpSlow(), yaml)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("needs 42 min to go from 2 to 40 replicas"));
        assertThat(RuleTester.check(new HpaScaleUpSlow(), withBehavior("scaleUp: {stabilizationWindowSeconds: 60}\n")))
                .isEmpty();
    }

    @Test
    void disabledDirections() {
        String yaml = withBehavior("scaleUp:\n  selectPolicy: Disabled\nscaleDown:\n  selectPolicy: Disabled\n");
        assertThat(RuleTester.check(new HpaScaleUpDisabled(), yaml)).singleElement()
                .satisfies(x -> assertThat(x.pointer().value()).isEqualTo("/spec/behavior/scaleUp/selectPolicy"));
        assertThat(RuleTester.check(new HpaScaleDownDisabled(), yaml)).singleElement()
                .satisfies(x -> assertThat(x.pointer().value()).isEqualTo("/spec/behavior/scaleDown/selectPolicy"));
        assertThat(RuleTester.check(new HpaScaleUpDisabled(), withBehavior("scaleUp: {selectPolicy: Min}\n"))).isEmpty();
    }

    @Test
    void aPolicyThatNeverBindsIsDeletedWithItsLines() {
        String yaml = withBehavior("""
                scaleUp:
                  policies:
                    - type: Percent
                      value: 100
                      periodSeconds: 15
                    # meant as a cap
                    - type: Pods
                      value: 1
                      periodSeconds: 15
                """);
        List<Finding> f = RuleTester.check(new HpaPolicyNeverBinds(), yaml);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.pointer().value()).isEqualTo("/spec/behavior/scaleUp/policies/1");
            assertThat(x.fix().safe()).isTrue();
            assertThat(x.fix().edits()).singleElement().satisfies(e -> {
                assertThat(e.text()).isEmpty();
                assertThat(e.line()).isEqualTo(19); // the "- type: Pods" line; the comment above stays
                assertThat(e.endLine()).isEqualTo(22);
                assertThat(e.column()).isEqualTo(1);
            });
        });
        // in flow style there is no line to delete: the finding stays, without a fix
        String flow = withBehavior("""
                scaleUp:
                  policies: [{type: Percent, value: 100, periodSeconds: 15}, {type: Pods, value: 1, periodSeconds: 15}]
                """);
        assertThat(RuleTester.check(new HpaPolicyNeverBinds(), flow)).singleElement()
                .satisfies(x -> assertThat(x.fix()).isNull());
    }

    @Test
    void tolerancesFollowTheRelease() {
        String yaml = withBehavior("scaleUp:\n  tolerance: 0.05\nscaleDown:\n  tolerance: 1\n");
        assertThat(RuleTester.check(new HpaToleranceInsensitive(), yaml)).singleElement()
                .satisfies(x -> assertThat(x.pointer().value()).isEqualTo("/spec/behavior/scaleDown/tolerance"));
        assertThat(RuleTester.check(new HpaToleranceIgnored(), yaml)).isEmpty();
        ReviewOptions v134 = ReviewOptions.DEFAULT.withKubernetesVersion(new KubernetesVersion(1, 34));
        assertThat(RuleTester.check(new HpaToleranceIgnored(), yaml, v134)).hasSize(2);
        assertThat(RuleTester.check(new HpaToleranceInsensitive(), yaml, v134)).isEmpty();
    }

    @Test
    void onlyVersionsWithBehaviorAreChecked() {
        String v2beta2 = withBehavior("scaleDown:\n  stabilizationWindowSeconds: 0\n")
                .replace("autoscaling/v2", "autoscaling/v2beta2");
        assertThat(RuleTester.check(new HpaScaleDownUnstabilized(), v2beta2)).hasSize(1);
        assertThat(RuleTester.check(new HpaScaleDownUnstabilized(), v2beta2.replace("v2beta2", "v2beta1"))).isEmpty();
        assertThat(RuleTester.check(new HpaScaleDownUnstabilized(), Docs.cpuHpa("web", "web", 2, 40, 70))).isEmpty();
    }

    @Test
    void everyBehaviorRuleIsDocumentedUnderHpa() {
        for (var rule : List.of(new HpaScaleDownUnstabilized(), new HpaScaleUpSlow(), new HpaScaleUpDisabled(),
                new HpaScaleDownDisabled(), new HpaPolicyNeverBinds(), new HpaToleranceInsensitive(),
                new HpaToleranceIgnored())) {
            assertThat(rule.info().id()).startsWith("hpa/");
            assertThat(rule.info().example()).contains("behavior:");
        }
    }
}
