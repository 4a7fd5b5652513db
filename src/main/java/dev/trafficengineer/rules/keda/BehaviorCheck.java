package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import dev.trafficengineer.rules.behavior.BehaviorAnalysis;
import dev.trafficengineer.rules.behavior.BehaviorFindings;
import dev.trafficengineer.rules.behavior.BehaviorProblem;
import dev.trafficengineer.rules.behavior.Settings;
import java.util.List;

/**
 * The behavior KEDA copies verbatim into the HPA it creates ({@link ScaledObjectView#BEHAVIOR}), checked by the
 * shared {@link BehaviorAnalysis} with the bounds KEDA gives that HPA. One instance per kind of problem, reporting
 * under {@code keda/}, as the HPA rules report the same kinds under {@code hpa/}. The behavior is analysed as
 * written: the pause annotations override a direction only while they are set, and {@code keda/paused} notes them.
 */
public final class BehaviorCheck implements Rule {

    private final BehaviorProblem.Kind kind;
    private final RuleInfo info;

    public BehaviorCheck(BehaviorProblem.Kind kind) {
        this.kind = kind;
        this.info = kind.ruleInfo("keda", example(kind));
    }

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return ScaledObjectView.isScaledObject(o) && o.at(ScaledObjectView.BEHAVIOR).isObject();
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        ScaledObjectView so = ScaledObjectView.of(o);
        List<BehaviorProblem> problems = BehaviorAnalysis.analyse(o.at(ScaledObjectView.BEHAVIOR), so.hpaMin(),
                so.effectiveMax(), Settings.forKubernetes(ctx.options().kubernetesVersion()));
        return BehaviorFindings.of(o, ScaledObjectView.BEHAVIOR, problems, kind, info);
    }

    /** The replica counts the analysis uses for a ScaledObject, said where they matter. */
    private static final String BOUNDS = "# the HPA KEDA creates has minReplicas = minReplicaCount (1 when it is 0)\n"
            + "# and maxReplicas = maxReplicaCount (100 when omitted)\n";

    /** The catalogue example of each kind, written where a ScaledObject holds its behavior. */
    private static String example(BehaviorProblem.Kind kind) {
        String behavior = switch (kind) {
            case SCALE_DOWN_UNSTABILIZED -> """
                    scaleDown:
                      stabilizationWindowSeconds: 0   # every quiet sample scales down
                      policies:
                        - type: Percent
                          value: 100
                          periodSeconds: 15""";
            case SCALE_UP_SLOW -> """
                    scaleUp:
                      stabilizationWindowSeconds: 300
                      policies:
                        - type: Pods
                          value: 1          # 285 s, then 38 pods at one a minute: 42 min
                          periodSeconds: 60""";
            case SCALE_UP_DISABLED -> """
                    scaleUp:
                      selectPolicy: Disabled""";
            case SCALE_DOWN_DISABLED -> """
                    scaleDown:
                      selectPolicy: Disabled""";
            case POLICY_NEVER_BINDS -> """
                    scaleUp:
                      selectPolicy: Max
                      policies:
                        - type: Percent
                          value: 100
                          periodSeconds: 15
                        - type: Pods        # meant as a cap, but Max picks the 100% policy
                          value: 1
                          periodSeconds: 15""";
            case TOLERANCE_INSENSITIVE -> """
                    scaleDown:
                      tolerance: "1"   # no metric falls 100% below target: never scales down""";
            case TOLERANCE_IGNORED -> """
                    scaleUp:
                      tolerance: "0.05"   # --kubernetes-version 1.34: HPAConfigurableTolerance is off""";
        };
        String head = switch (kind) {
            case SCALE_UP_SLOW -> "minReplicaCount: 2\nmaxReplicaCount: 40\n";
            case SCALE_DOWN_UNSTABILIZED, POLICY_NEVER_BINDS -> BOUNDS;
            default -> "";
        };
        return head + "advanced:\n  horizontalPodAutoscalerConfig:\n    behavior:\n" + behavior.indent(6).stripTrailing();
    }
}
