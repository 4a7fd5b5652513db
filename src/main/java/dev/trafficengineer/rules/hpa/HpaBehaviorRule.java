package dev.trafficengineer.rules.hpa;

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
 * The HPA side of one kind of behavior problem: runs the shared {@link BehaviorAnalysis} on {@code spec.behavior}
 * and reports that kind under {@code hpa/}. KEDA's rules do the same for the behavior a ScaledObject passes on.
 */
abstract class HpaBehaviorRule implements Rule {

    private final BehaviorProblem.Kind kind;
    private final RuleInfo info;

    HpaBehaviorRule(BehaviorProblem.Kind kind, String example) {
        this.kind = kind;
        this.info = kind.ruleInfo("hpa", example);
    }

    @Override
    public final RuleInfo info() {
        return info;
    }

    @Override
    public final boolean appliesTo(KubeObject o) {
        return HpaView.of(o).map(h -> h.behavior().isObject()).orElse(false);
    }

    @Override
    public final List<Finding> check(KubeObject o, RuleContext ctx) {
        HpaView hpa = HpaView.of(o).orElseThrow();
        List<BehaviorProblem> problems = BehaviorAnalysis.analyse(hpa.behavior(), hpa.minReplicas(),
                hpa.maxReplicas().orElse(0), Settings.forKubernetes(ctx.options().kubernetesVersion()));
        return BehaviorFindings.of(o, HpaView.BEHAVIOR, problems, kind, info);
    }
}
