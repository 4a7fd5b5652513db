package dev.trafficengineer.rules.behavior;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.kube.KubernetesVersion;
import dev.trafficengineer.rules.behavior.BehaviorProblem.Kind;
import dev.trafficengineer.source.JsonPointer;
import java.util.List;
import org.junit.jupiter.api.Test;

class BehaviorAnalysisTest {

    private static List<BehaviorProblem> analyse(String yaml, int min, int max) {
        return BehaviorAnalysis.analyse(Yaml.behavior(yaml), min, max);
    }

    private static List<BehaviorProblem> of(Kind kind, List<BehaviorProblem> all) {
        return all.stream().filter(p -> p.kind() == kind).toList();
    }

    @Test
    void theDefaultBehaviorHasNoProblem() {
        assertThat(analyse("{}", 1, 100)).isEmpty();
        assertThat(analyse("scaleUp: {}\nscaleDown: {}", 2, 40)).isEmpty();
    }

    @Test
    void anythingButAnObjectHasNoProblem() {
        assertThat(BehaviorAnalysis.analyse(null, 1, 10)).isEmpty();
        assertThat(analyse("behaviorIsAList: true", 1, 10)).isEmpty();
        assertThat(BehaviorAnalysis.analyse(Yaml.behavior("x: [1, 2]").path("x"), 1, 10)).isEmpty();
    }

    @Test
    void unstabilizedScaleDownSaysHowManyPodsGoInOneStep() {
        List<BehaviorProblem> p = of(Kind.SCALE_DOWN_UNSTABILIZED,
                analyse("scaleDown:\n  stabilizationWindowSeconds: 0", 2, 40));
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.pointer()).isEqualTo(JsonPointer.of("scaleDown", "stabilizationWindowSeconds"));
            assertThat(x.message()).contains("can remove 38 of 40 pods in one step (100% of pods every 15 s)");
            assertThat(x.fix()).get().isInstanceOf(FixHint.SetValue.class)
                    .satisfies(h -> assertThat(h.safe()).isFalse());
        });
    }

    @Test
    void unstabilizedScaleDownNearMisses() {
        // a gentle policy, a window of a minute, or a floor close to the ceiling all keep most pods
        assertThat(of(Kind.SCALE_DOWN_UNSTABILIZED, analyse("""
                scaleDown:
                  stabilizationWindowSeconds: 0
                  policies: [{type: Percent, value: 10, periodSeconds: 60}]""", 2, 40))).isEmpty();
        assertThat(of(Kind.SCALE_DOWN_UNSTABILIZED,
                analyse("scaleDown:\n  stabilizationWindowSeconds: 60", 2, 40))).isEmpty();
        assertThat(of(Kind.SCALE_DOWN_UNSTABILIZED,
                analyse("scaleDown:\n  stabilizationWindowSeconds: 0", 30, 40))).isEmpty();
        // the omitted window is the controller's 300 s
        assertThat(of(Kind.SCALE_DOWN_UNSTABILIZED, analyse("scaleDown:\n  selectPolicy: Max", 2, 40))).isEmpty();
    }

    @Test
    void selectPolicyMinOnScaleDownTakesTheSmallestRemoval() {
        // Min: max(40 - 30, trunc(40 * 0.9)) = 36, so only 4 pods go at once
        assertThat(of(Kind.SCALE_DOWN_UNSTABILIZED, analyse("""
                scaleDown:
                  stabilizationWindowSeconds: 0
                  selectPolicy: Min
                  policies:
                    - {type: Pods, value: 30, periodSeconds: 15}
                    - {type: Percent, value: 10, periodSeconds: 15}""", 2, 40))).isEmpty();
        // Max of the same removes 30 of 40
        assertThat(of(Kind.SCALE_DOWN_UNSTABILIZED, analyse("""
                scaleDown:
                  stabilizationWindowSeconds: 0
                  policies:
                    - {type: Pods, value: 30, periodSeconds: 15}
                    - {type: Percent, value: 10, periodSeconds: 15}""", 2, 40)))
                .singleElement().satisfies(x -> assertThat(x.message()).contains("remove 30 of 40 pods in one step (30 pods every 15 s)"));
    }

    @Test
    void slowScaleUpSaysHowLongItTakes() {
        List<BehaviorProblem> p = of(Kind.SCALE_UP_SLOW, analyse("""
                scaleUp:
                  stabilizationWindowSeconds: 300
                  policies: [{type: Pods, value: 1, periodSeconds: 60}]""", 2, 40));
        assertThat(p).singleElement().satisfies(x -> {
            // the window lets the first pod through at 285 s, then one pod a minute: 285 + 37 * 60 = 2505 s
            assertThat(x.message()).startsWith("Scale-up needs 42 min to go from 2 to 40 replicas (a 300 s"
                    + " stabilization window, then at most 1 pod every 60 s)");
            assertThat(x.pointer()).isEqualTo(JsonPointer.of("scaleUp", "policies"));
        });
        assertThat(of(Kind.SCALE_UP_SLOW, analyse(
                "scaleUp:\n  policies: [{type: Percent, value: 10, periodSeconds: 60}]", 2, 40)))
                .singleElement().satisfies(x -> assertThat(x.message()).contains("needs 19 min"));
    }

    @Test
    void aLongWindowAloneIsPointedAt() {
        assertThat(of(Kind.SCALE_UP_SLOW, analyse("scaleUp:\n  stabilizationWindowSeconds: 900", 1, 10)))
                .singleElement().satisfies(x -> {
                    assertThat(x.pointer()).isEqualTo(JsonPointer.of("scaleUp", "stabilizationWindowSeconds"));
                    assertThat(x.message()).contains("needs 15 min").contains("shorten the window");
                });
    }

    @Test
    void scaleUpWithinTenMinutesIsFine() {
        assertThat(of(Kind.SCALE_UP_SLOW, analyse("scaleUp:\n  stabilizationWindowSeconds: 300", 2, 40))).isEmpty();
        assertThat(of(Kind.SCALE_UP_SLOW, analyse(
                "scaleUp:\n  policies: [{type: Pods, value: 4, periodSeconds: 60}]", 2, 40))).isEmpty();
    }

    @Test
    void replayFollowsTheControllerStepByStep() {
        ScalingRules defaults = rules("{}", ScalingRules.SelectPolicy.MAX);
        // 1 -> max(5, 2) = 5 -> max(9, 10) = 10 -> 20 -> 40 -> 80 -> 100, one step per 15 s sync
        assertThat(ScaleUpReplay.timeToReach(1, 100, defaults, 15, 3600)).isEqualTo(new ScaleUpReplay.Result(true, 75));
        assertThat(ScaleUpReplay.timeToReach(5, 5, defaults, 15, 3600).seconds()).isZero();
        ScalingRules disabled = rules("selectPolicy: Disabled", ScalingRules.SelectPolicy.DISABLED);
        assertThat(ScaleUpReplay.timeToReach(1, 2, disabled, 15, 600)).isEqualTo(new ScaleUpReplay.Result(false, 600));
    }

    private static ScalingRules rules(String scaleUp, ScalingRules.SelectPolicy expected) {
        var node = Yaml.behavior("scaleUp:\n  " + scaleUp.replace("\n", "\n  "));
        var wrapper = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        wrapper.putObject("spec").set("behavior", node);
        var defaulted = dev.trafficengineer.rules.hpa.validation.HpaDefaulting.apply(wrapper).object()
                .path("spec").path("behavior").path("scaleUp");
        ScalingRules r = ScalingRules.read(Direction.UP, defaulted, node.path("scaleUp"), 300).orElseThrow();
        assertThat(r.selectPolicy()).isEqualTo(expected);
        return r;
    }

    @Test
    void disabledDirectionsAreReported() {
        List<BehaviorProblem> p = analyse("scaleUp:\n  selectPolicy: Disabled\nscaleDown:\n  selectPolicy: Disabled", 2, 40);
        assertThat(p).extracting(BehaviorProblem::kind).containsExactly(Kind.SCALE_UP_DISABLED, Kind.SCALE_DOWN_DISABLED);
        assertThat(p.get(0).pointer()).isEqualTo(JsonPointer.of("scaleUp", "selectPolicy"));
        assertThat(p.get(0).message()).contains("never adds replicas");
        assertThat(p.get(1).message()).contains("up to `maxReplicas` 40");
        assertThat(analyse("scaleUp:\n  selectPolicy: Min", 2, 40)).isEmpty();
    }

    @Test
    void aPodCapUnderMaxNeverBinds() {
        List<BehaviorProblem> p = of(Kind.POLICY_NEVER_BINDS, analyse("""
                scaleUp:
                  selectPolicy: Max
                  policies:
                    - {type: Percent, value: 100, periodSeconds: 15}
                    - {type: Pods, value: 1, periodSeconds: 15}""", 2, 40));
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.pointer()).isEqualTo(JsonPointer.of("scaleUp", "policies", "1"));
            assertThat(x.message()).startsWith("`Pods 1` per 15 s (policies[1]) never takes effect: with"
                    + " `selectPolicy: Max`, `Percent 100` per 15 s (policies[0]) always allows at least as much");
            assertThat(x.fix()).get().isInstanceOf(FixHint.RemoveItem.class)
                    .satisfies(h -> assertThat(h.safe()).isTrue());
        });
    }

    @Test
    void underMinTheLooserPolicyNeverBinds() {
        assertThat(of(Kind.POLICY_NEVER_BINDS, analyse("""
                scaleUp:
                  selectPolicy: Min
                  policies:
                    - {type: Percent, value: 100, periodSeconds: 15}
                    - {type: Pods, value: 1, periodSeconds: 15}""", 2, 40)))
                .singleElement().satisfies(x -> {
                    assertThat(x.pointer()).isEqualTo(JsonPointer.of("scaleUp", "policies", "0"));
                    assertThat(x.message()).contains("is always at least as strict");
                });
    }

    @Test
    void policiesThatEachBindSomewhereAreFine() {
        // the defaults: 4 pods win below 4 replicas, 100% above
        assertThat(of(Kind.POLICY_NEVER_BINDS, analyse("""
                scaleUp:
                  policies:
                    - {type: Pods, value: 4, periodSeconds: 15}
                    - {type: Percent, value: 100, periodSeconds: 15}""", 1, 40))).isEmpty();
        // different periods see different starts: not compared
        assertThat(of(Kind.POLICY_NEVER_BINDS, analyse("""
                scaleUp:
                  policies:
                    - {type: Percent, value: 100, periodSeconds: 15}
                    - {type: Pods, value: 1, periodSeconds: 60}""", 2, 40))).isEmpty();
    }

    @Test
    void ofTwoEqualPoliciesOnlyTheLaterIsReported() {
        assertThat(of(Kind.POLICY_NEVER_BINDS, analyse("""
                scaleDown:
                  policies:
                    - {type: Percent, value: 50, periodSeconds: 60}
                    - {type: Percent, value: 50, periodSeconds: 60}
                    - {type: Percent, value: 10, periodSeconds: 60}""", 2, 40)))
                .extracting(BehaviorProblem::pointer)
                .containsExactly(JsonPointer.of("scaleDown", "policies", "1"), JsonPointer.of("scaleDown", "policies", "2"));
    }

    @Test
    void theBoundsDecideWhetherAPolicyMatters() {
        // Pods 10 beats 100% only below 10 replicas; with minReplicas 10 it never does
        String yaml = """
                scaleUp:
                  policies:
                    - {type: Percent, value: 100, periodSeconds: 15}
                    - {type: Pods, value: 10, periodSeconds: 15}""";
        assertThat(of(Kind.POLICY_NEVER_BINDS, analyse(yaml, 2, 40))).isEmpty();
        assertThat(of(Kind.POLICY_NEVER_BINDS, analyse(yaml, 10, 40))).hasSize(1);
    }

    @Test
    void wideTolerances() {
        List<BehaviorProblem> p = of(Kind.TOLERANCE_INSENSITIVE,
                analyse("scaleUp:\n  tolerance: 500m\nscaleDown:\n  tolerance: \"1\"", 2, 40));
        assertThat(p).hasSize(2);
        assertThat(p.get(0).message()).contains("50% above its target");
        assertThat(p.get(1).message()).contains("never scales down");
        assertThat(analyse("scaleUp:\n  tolerance: 0.05\nscaleDown:\n  tolerance: 0.2", 2, 40)).isEmpty();
    }

    @Test
    void toleranceIsDroppedWhereTheGateIsOff() {
        Settings old = Settings.forKubernetes(new KubernetesVersion(1, 34));
        assertThat(old.toleranceHonoured()).isFalse();
        assertThat(Settings.forKubernetes(new KubernetesVersion(1, 35)).toleranceHonoured()).isTrue();
        List<BehaviorProblem> p = BehaviorAnalysis.analyse(Yaml.behavior("scaleUp:\n  tolerance: 0.05"), 2, 40, old);
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(Kind.TOLERANCE_IGNORED);
            assertThat(x.message()).contains("cluster-wide 10% applies");
        });
    }

    @Test
    void rulesTheApiServerRejectsAreLeftToValidation() {
        assertThat(analyse("scaleDown:\n  stabilizationWindowSeconds: -1", 2, 40)).isEmpty();
        assertThat(analyse("scaleDown:\n  stabilizationWindowSeconds: 0\n  selectPolicy: max", 2, 40)).isEmpty();
        assertThat(analyse("scaleDown:\n  stabilizationWindowSeconds: 0\n  policies: []", 2, 40)).isEmpty();
        assertThat(analyse("""
                scaleDown:
                  stabilizationWindowSeconds: 0
                  policies: [{type: Percent, value: 100, periodSeconds: 0}]""", 2, 40)).isEmpty();
        assertThat(analyse("scaleUp:\n  tolerance: -0.1", 2, 40)).isEmpty();
        assertThat(analyse("scaleUp:\n  tolerance: lots", 2, 40)).isEmpty();
    }

    @Test
    void boundsTheServerRejectsSkipTheReplicaArithmetic() {
        String yaml = "scaleDown:\n  stabilizationWindowSeconds: 0\n  selectPolicy: Disabled";
        assertThat(analyse(yaml, 5, 2)).extracting(BehaviorProblem::kind).containsExactly(Kind.SCALE_DOWN_DISABLED);
        assertThat(analyse("scaleDown:\n  stabilizationWindowSeconds: 0", 1, 0)).isEmpty();
    }

    @Test
    void policyArithmeticIsTheControllers() {
        Policy half = new Policy(0, Policy.Type.PERCENT, 50, 15);
        assertThat(half.proposal(Direction.UP, 3)).isEqualTo(5); // ceil(4.5)
        assertThat(half.proposal(Direction.DOWN, 3)).isEqualTo(1); // int32(1.5)
        assertThat(new Policy(0, Policy.Type.PERCENT, 200, 15).proposal(Direction.DOWN, 3)).isEqualTo(-3);
        assertThat(new Policy(0, Policy.Type.PODS, 4, 15).proposal(Direction.DOWN, 3)).isEqualTo(-1);
        assertThat(new Policy(0, Policy.Type.PERCENT, Integer.MAX_VALUE, 15).proposal(Direction.UP, 1 << 30))
                .isEqualTo(Integer.MAX_VALUE);
        assertThat(half.describe()).isEqualTo("50% of pods every 15 s");
        assertThat(new Policy(0, Policy.Type.PODS, 1, 60).describe()).isEqualTo("1 pod every 60 s");
    }

    @Test
    void durationsReadNaturally() {
        assertThat(BehaviorAnalysis.duration(75)).isEqualTo("75 s");
        assertThat(BehaviorAnalysis.duration(2505)).isEqualTo("42 min");
        assertThat(BehaviorAnalysis.duration(9000)).isEqualTo("2.5 h");
    }
}
