package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;

/** An activation threshold on a ScaledObject that never scales to zero. */
public final class ActivationHasNoEffect implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("keda/activation-has-no-effect", Severity.INFO)
            .summary("A trigger sets an activation threshold on a ScaledObject that never scales to zero")
            .rationale("""
                    Activation only decides when KEDA wakes a workload from zero (or from `idleReplicaCount`). With \
                    `minReplicaCount` of 1 or more and no idle count, the scaler is always treated as active, so the \
                    threshold changes nothing and suggests a behaviour that does not exist.""")
            .example("""
                    minReplicaCount: 2
                    triggers:
                      - type: kafka
                        metadata:
                          activationLagThreshold: "100\"""")
            .remedy("""
                    Remove the activation threshold, or set `minReplicaCount: 0` (or an `idleReplicaCount`) if \
                    the workload should sleep below it.""")
            .source("[D] concepts/scaling-deployments.md (Activating and Scaling thresholds); research/keda.md §10.")
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
        if (so.scalesToZero() || so.idleReplicaCount() != null) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (Activation.Pair p : Activation.of(so)) {
            if (p.activation().signum() > 0) {
                out.add(o.finding(INFO, p.trigger().metadataAt(p.activationKey()), true, "`" + p.activationKey()
                        + "` has no effect: with `minReplicaCount` " + so.minReplicaCount() + " the "
                        + p.trigger().label() + " is always active; remove it or let the workload scale to zero.",
                        null));
            }
        }
        return out;
    }
}
