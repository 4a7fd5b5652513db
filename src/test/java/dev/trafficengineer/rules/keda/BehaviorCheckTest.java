package dev.trafficengineer.rules.keda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.kube.KubernetesVersion;
import dev.trafficengineer.rules.ReviewOptions;
import dev.trafficengineer.rules.behavior.BehaviorProblem.Kind;
import dev.trafficengineer.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared HPA behavior analysis on {@code advanced.horizontalPodAutoscalerConfig.behavior}, with the bounds of the
 * HPA KEDA creates: minReplicas is minReplicaCount when above 0, else 1; maxReplicas is maxReplicaCount, else 100.
 */
class BehaviorCheckTest {

    private static String so(String bounds, String behavior) {
        return Yaml.scaledObject(bounds + "advanced:\n  horizontalPodAutoscalerConfig:\n    behavior:\n"
                + behavior.stripIndent().indent(6) + "triggers:\n  - type: prometheus\n    metadata:\n"
                + Yaml.PROMETHEUS.indent(6));
    }

    private static List<Finding> check(Kind kind, String yaml) {
        return RuleTester.check(new BehaviorCheck(kind), yaml);
    }

    private static final String NO_WINDOW = """
            scaleDown:
              stabilizationWindowSeconds: 0
              policies:
                - type: Percent
                  value: 100
                  periodSeconds: 15
            """;

    @Test
    void everyKindReportsUnderKeda() {
        for (Kind k : Kind.values()) {
            assertThat(new BehaviorCheck(k).info().id()).isEqualTo("keda/" + k.slug());
            assertThat(new BehaviorCheck(k).info().example()).contains("horizontalPodAutoscalerConfig:");
        }
    }

    @Test
    void scaleDownWithoutWindowUsesKedasDefaultBounds() {
        // no maxReplicaCount: KEDA's HPA gets 100; minReplicaCount 0 (the default) becomes minReplicas 1
        assertThat(check(Kind.SCALE_DOWN_UNSTABILIZED, so("", NO_WINDOW))).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo("keda/scale-down-unstabilized");
            assertThat(x.message()).contains("can remove 99 of 100 pods");
            assertThat(x.pointer().value()).isEqualTo(
                    "/spec/advanced/horizontalPodAutoscalerConfig/behavior/scaleDown/stabilizationWindowSeconds");
            assertThat(x.range().line()).isEqualTo(13);
            assertThat(x.fix().safe()).isFalse();
            assertThat(x.fix().edits()).singleElement().satisfies(e -> assertThat(e.text()).isEqualTo("300"));
        });
        assertThat(check(Kind.SCALE_DOWN_UNSTABILIZED, so("minReplicaCount: 3\nmaxReplicaCount: 10\n", NO_WINDOW)))
                .singleElement().satisfies(x -> assertThat(x.message()).contains("can remove 7 of 10 pods"));
    }

    @Test
    void scaleDownNearMisses() {
        // a one-minute window, or bounds that leave no more than half the pods to remove
        assertThat(check(Kind.SCALE_DOWN_UNSTABILIZED, so("", NO_WINDOW.replace(": 0", ": 60")))).isEmpty();
        assertThat(check(Kind.SCALE_DOWN_UNSTABILIZED, so("minReplicaCount: 5\nmaxReplicaCount: 10\n", NO_WINDOW)))
                .isEmpty();
    }

    @Test
    void slowScaleUpCountsFromTheHpasMinimum() {
        String slow = """
                scaleUp:
                  stabilizationWindowSeconds: 300
                  policies:
                    - type: Pods
                      value: 1
                      periodSeconds: 60
                """;
        assertThat(check(Kind.SCALE_UP_SLOW, so("minReplicaCount: 2\nmaxReplicaCount: 40\n", slow)))
                .singleElement().satisfies(x -> assertThat(x.message()).startsWith(
                        "Scale-up needs 42 min to go from 2 to 40 replicas"));
        assertThat(check(Kind.SCALE_UP_SLOW, so("minReplicaCount: 0\nmaxReplicaCount: 4\n", slow))).isEmpty();
    }

    @Test
    void disabledDirections() {
        String both = "scaleUp:\n  selectPolicy: Disabled\nscaleDown:\n  selectPolicy: Disabled\n";
        assertThat(check(Kind.SCALE_UP_DISABLED, so("maxReplicaCount: 8\n", both))).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("`minReplicas` 1"));
        assertThat(check(Kind.SCALE_DOWN_DISABLED, so("maxReplicaCount: 8\n", both))).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("`maxReplicas` 8"));
        assertThat(check(Kind.SCALE_UP_DISABLED, so("", "scaleUp:\n  selectPolicy: Max\n"))).isEmpty();
    }

    @Test
    void aPolicyThatNeverBindsIsDeletedSafely() {
        String policies = """
                scaleUp:
                  policies:
                    - type: Percent
                      value: 100
                      periodSeconds: 15
                    - type: Pods
                      value: 1
                      periodSeconds: 15
                """;
        assertThat(check(Kind.POLICY_NEVER_BINDS, so("maxReplicaCount: 30\n", policies))).singleElement()
                .satisfies(x -> {
                    assertThat(x.pointer().value()).endsWith("/behavior/scaleUp/policies/1");
                    assertThat(x.fix().safe()).isTrue();
                    assertThat(x.fix().edits()).singleElement().satisfies(e -> assertThat(e.text()).isEmpty());
                });
        // 4 pods allow more below 4 replicas, 100% allow more above: each policy decides somewhere
        assertThat(check(Kind.POLICY_NEVER_BINDS, so("maxReplicaCount: 30\n", policies.replace("value: 1\n",
                "value: 4\n")))).isEmpty();
    }

    @Test
    void toleranceFollowsTheTargetRelease() {
        String tolerance = "scaleUp:\n  tolerance: \"0.05\"\n";
        ReviewOptions old = ReviewOptions.DEFAULT.withKubernetesVersion(KubernetesVersion.parse("1.34"));
        assertThat(RuleTester.check(new BehaviorCheck(Kind.TOLERANCE_IGNORED), so("", tolerance), old))
                .singleElement().satisfies(x -> assertThat(x.ruleId()).isEqualTo("keda/tolerance-ignored"));
        assertThat(check(Kind.TOLERANCE_IGNORED, so("", tolerance))).isEmpty();
        assertThat(check(Kind.TOLERANCE_INSENSITIVE, so("", "scaleDown:\n  tolerance: \"1\"\n"))).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("never scales down"));
        assertThat(check(Kind.TOLERANCE_INSENSITIVE, so("", tolerance))).isEmpty();
    }

    @Test
    void onlyAScaledObjectsBehaviorObjectIsRead() {
        assertThat(check(Kind.SCALE_DOWN_UNSTABILIZED, Yaml.trigger("prometheus", Yaml.PROMETHEUS))).isEmpty();
        String job = so("", NO_WINDOW).replace("kind: ScaledObject", "kind: ScaledJob");
        assertThat(check(Kind.SCALE_DOWN_UNSTABILIZED, job)).isEmpty();
        assertThat(check(Kind.SCALE_DOWN_UNSTABILIZED, so("", "[]\n").replace("behavior:\n        []",
                "behavior: []"))).isEmpty();
    }
}
