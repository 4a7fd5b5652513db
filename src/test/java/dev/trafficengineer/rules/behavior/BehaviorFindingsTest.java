package dev.trafficengineer.rules.behavior;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.Fix;
import dev.trafficengineer.fix.TextFixer;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.source.JsonPointer;
import dev.trafficengineer.source.SourceText;
import dev.trafficengineer.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Problems made into findings on an object that holds a behavior somewhere else than an HPA does. */
class BehaviorFindingsTest {

    /** A KEDA-shaped object: the behavior sits under spec.advanced.horizontalPodAutoscalerConfig. */
    private static final String SCALED_OBJECT = """
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata:
              name: worker
            spec:
              scaleTargetRef:
                name: worker
              maxReplicaCount: 20
              advanced:
                horizontalPodAutoscalerConfig:
                  behavior:
                    scaleUp:
                      stabilizationWindowSeconds: 0
            """;
    private static final JsonPointer AT = JsonPointer.of("spec", "advanced", "horizontalPodAutoscalerConfig",
            "behavior");

    private static KubeObject object() {
        return RuleTester.load(SCALED_OBJECT).objects().get(0);
    }

    @Test
    void aMissingFieldIsInsertedWithTheFilesIndentation() {
        KubeObject o = object();
        // a controller whose downscale stabilization flag is 0: the omitted window is the problem
        Settings noWindow = new Settings(true, 15, 0, 0.1, 600);
        List<BehaviorProblem> problems = BehaviorAnalysis.analyse(o.at(AT), 1, 20, noWindow);
        var info = BehaviorProblem.Kind.SCALE_DOWN_UNSTABILIZED.ruleInfo("keda", "behavior: {}");
        List<Finding> f = BehaviorFindings.of(o, AT, problems, BehaviorProblem.Kind.SCALE_DOWN_UNSTABILIZED, info);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo("keda/scale-down-unstabilized");
            assertThat(x.pointer()).isEqualTo(AT.child("scaleDown").child("stabilizationWindowSeconds"));
            assertThat(x.range().line()).isEqualTo(11); // the nearest written ancestor: behavior
            assertThat(x.fix()).as("fix").isNotNull();
        });
        var outcome = TextFixer.apply(new SourceText("test.yaml", SCALED_OBJECT), f, true);
        assertThat(outcome.applied()).hasSize(1);
        String fixed = outcome.text();
        assertThat(fixed).endsWith("""
                      behavior:
                        scaleUp:
                          stabilizationWindowSeconds: 0
                        scaleDown:
                          stabilizationWindowSeconds: 300
                """);
    }

    @Test
    void anExistingScalarIsReplacedInPlace() {
        KubeObject o = object();
        Fix fix = BehaviorFindings.fix(o, AT, new FixHint.SetValue(JsonPointer.of("scaleUp",
                "stabilizationWindowSeconds"), "30", "Set the window to 30 s", true));
        assertThat(fix.safe()).isTrue();
        assertThat(fix.edits()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(13);
            assertThat(e.text()).isEqualTo("30");
        });
        // a value that is a mapping cannot be set as a scalar
        assertThat(BehaviorFindings.fix(o, AT, new FixHint.SetValue(JsonPointer.of("scaleUp"), "1", "x", true)))
                .isNull();
    }
}
