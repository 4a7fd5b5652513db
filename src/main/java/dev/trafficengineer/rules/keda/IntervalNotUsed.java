package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.Edit;
import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.Fix;
import dev.trafficengineer.finding.FixAvailability;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.Edits;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;

/** KEDA's two admission warnings: pollingInterval or cooldownPeriod set where they change nothing. */
public final class IntervalNotUsed implements Rule {

    private static final RuleInfo POLLING = RuleInfo.builder("keda/polling-interval-not-used", Severity.WARNING)
            .summary("A ScaledObject sets a pollingInterval it never uses")
            .rationale("""
                    KEDA's webhook admits it with a warning: `PollingInterval is configured but is not relevant. \
                    PollingInterval is only relevant when minReplicaCount = 0, idleReplicaCount is set, or \
                    useCachedMetrics is enabled`. Otherwise the HPA queries the metrics itself every 15 s, so the \
                    value suggests a polling rate that does not exist.""")
            .example("""
                    spec:
                      minReplicaCount: 1
                      pollingInterval: 1""")
            .remedy("""
                    Remove `pollingInterval`, or enable what it drives: scale to zero, an `idleReplicaCount`, or \
                    `useCachedMetrics` on a trigger. The fix removes it.""")
            .source("[K] apis/keda/v1alpha1/scaledobject_webhook.go (warnings, main); research/keda.md §3.10, §18.")
            .fix(FixAvailability.SOMETIMES)
            .build();

    private static final RuleInfo COOLDOWN = RuleInfo.builder("keda/cooldown-period-not-used", Severity.WARNING)
            .summary("A ScaledObject that never scales to zero sets a cooldownPeriod")
            .rationale("""
                    KEDA's webhook admits it with a warning: `CooldownPeriod is configured but is not relevant. \
                    CooldownPeriod is only relevant when minReplicaCount = 0 or idleReplicaCount is set`. Scale-down \
                    between 1 and N follows the HPA's own stabilization window \
                    (`advanced.horizontalPodAutoscalerConfig.behavior`), not the cooldown.""")
            .example("""
                    spec:
                      minReplicaCount: 2
                      cooldownPeriod: 600""")
            .remedy("""
                    Remove `cooldownPeriod`; to slow scale-down, set \
                    `advanced.horizontalPodAutoscalerConfig.behavior.scaleDown.stabilizationWindowSeconds`.""")
            .source("[K] apis/keda/v1alpha1/scaledobject_webhook.go (warnings, main); research/keda.md §3.10, §18.")
            .fix(FixAvailability.SOMETIMES)
            .build();

    @Override
    public RuleInfo info() {
        return POLLING;
    }

    @Override
    public List<RuleInfo> alsoReports() {
        return List.of(COOLDOWN);
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return ScaledObjectView.isScaledObject(o);
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        ScaledObjectView so = ScaledObjectView.of(o);
        if (so.minReplicaCount() == null || so.minReplicaCount() <= 0 || so.idleReplicaCount() != null) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        if (o.at(ScaledObjectView.POLLING).isIntegralNumber()
                && so.triggers().stream().noneMatch(Trigger::useCachedMetrics)) {
            out.add(o.finding(POLLING, ScaledObjectView.POLLING, true, "KEDA admits this with a warning:"
                    + " `PollingInterval is configured but is not relevant. PollingInterval is only relevant when"
                    + " minReplicaCount = 0, idleReplicaCount is set, or useCachedMetrics is enabled`; remove"
                    + " `pollingInterval`.", remove(o, ScaledObjectView.POLLING, "pollingInterval")));
        }
        if (o.at(ScaledObjectView.COOLDOWN).isIntegralNumber()) {
            out.add(o.finding(COOLDOWN, ScaledObjectView.COOLDOWN, true, "KEDA admits this with a warning:"
                    + " `CooldownPeriod is configured but is not relevant. CooldownPeriod is only relevant when"
                    + " minReplicaCount = 0 or idleReplicaCount is set`; remove `cooldownPeriod` and tune the HPA's"
                    + " scale-down stabilization instead.", remove(o, ScaledObjectView.COOLDOWN, "cooldownPeriod")));
        }
        return out;
    }

    private static Fix remove(KubeObject o, dev.trafficengineer.source.JsonPointer p, String field) {
        Edit edit = Edits.deleteEntry(o, p);
        return edit == null ? null : Fix.safe("Remove " + field, edit);
    }
}
