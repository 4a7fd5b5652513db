package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;

/** A cron trigger asking for more replicas than maxReplicaCount allows. */
public final class CronDesiredAboveMax implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("keda/cron-desired-above-max", Severity.WARNING)
            .summary("A cron trigger's desiredReplicas is above maxReplicaCount")
            .rationale("""
                    Inside its window a cron trigger asks for `desiredReplicas`, but the HPA never goes above \
                    `maxReplicaCount` (default 100), so the schedule silently delivers fewer replicas than it \
                    says.""")
            .example("""
                    maxReplicaCount: 10
                    triggers:
                      - type: cron
                        metadata:
                          desiredReplicas: "20\"""")
            .remedy("Raise `maxReplicaCount` to at least `desiredReplicas`, or lower `desiredReplicas`.")
            .source("[K] pkg/scalers/cron_scaler.go; [D] scalers/cron.md; research/keda.md §8.5.")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return ScaledObjectView.isScaledObject(o);
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        ScaledObjectView so = ScaledObjectView.of(o);
        List<Finding> out = new ArrayList<>();
        for (Trigger t : so.triggers()) {
            String d = t.value("desiredReplicas");
            if (!t.type().equals("cron") || d == null || GoValues.int64Error(d) != null) {
                continue;
            }
            long desired = Long.parseLong(d);
            if (desired > so.effectiveMax()) {
                out.add(o.finding(INFO, t.metadataAt("desiredReplicas"), false, "The " + t.label() + " asks for "
                        + desired + " replicas but `maxReplicaCount` is " + so.effectiveMax() + ", so it gets "
                        + so.effectiveMax() + "; raise `maxReplicaCount` or lower `desiredReplicas`.", null));
            }
        }
        return out;
    }
}
