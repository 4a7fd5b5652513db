package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import java.util.List;

/**
 * A rule that reports one kind of trigger-metadata problem found by {@link TriggerAnalysis}: the rule classes
 * differ only in their documentation and the kind they report, so the checking lives here once.
 */
abstract class TriggerProblemRule implements Rule {

    private final RuleInfo info;
    private final Problem.Kind kind;

    TriggerProblemRule(RuleInfo info, Problem.Kind kind) {
        this.info = info;
        this.kind = kind;
    }

    @Override
    public final RuleInfo info() {
        return info;
    }

    @Override
    public final boolean appliesTo(KubeObject o) {
        return TriggerAnalysis.appliesTo(o);
    }

    @Override
    public final List<Finding> check(KubeObject o, RuleContext ctx) {
        return TriggerAnalysis.of(o, ctx, kind).stream()
                .map(p -> o.finding(info, p.at(), false, p.message(), p.fix()))
                .toList();
    }
}
