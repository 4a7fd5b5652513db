package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** An activation threshold at or above the target, or below zero, when the workload scales to zero. */
public final class ActivationThresholdMisfit implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("keda/activation-threshold-misfit", Severity.WARNING)
            .summary("A trigger's activation threshold does not fit its target")
            .rationale("""
                    Activation decides between zero and one replica: a trigger is active when its metric is \
                    strictly above the activation threshold; scaling between 1 and N follows the target. With an \
                    activation at or above the target, the workload stays at zero while the metric is between the \
                    two, though the HPA would already want several replicas (target 10, activation 50, metric 40: \
                    zero pods instead of four); at or above target × maxReplicaCount it wakes only once the load \
                    exceeds what every replica can handle. A negative activation makes the trigger always active, \
                    so the workload never scales to zero.""")
            .example("""
                    minReplicaCount: 0
                    triggers:
                      - type: prometheus
                        metadata:
                          threshold: "10"
                          activationThreshold: "50\"""")
            .remedy("""
                    Keep the activation threshold below the target: the smallest metric value that justifies \
                    waking the workload (often 0, the default).""")
            .source("""
                    [D] concepts/scaling-deployments.md (Activating and Scaling thresholds); [K] \
                    pkg/scaling/executor/scale_scaledobjects.go; research/keda.md §10.""")
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
        if (!so.scalesToZero()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (Activation.Pair p : Activation.of(so)) {
            var at = p.trigger().metadataAt(p.activationKey());
            String a = p.activation().stripTrailingZeros().toPlainString();
            String target = p.target().stripTrailingZeros().toPlainString();
            if (p.activation().signum() < 0) {
                out.add(o.finding(INFO, at, false, "`" + p.activationKey() + "` " + a + " is negative, so the "
                        + p.trigger().label() + " is always active and the workload never scales to zero; use 0 or"
                        + " more.", null));
            } else if (p.target().signum() > 0 && p.activation().compareTo(p.target()) >= 0) {
                BigDecimal capacity = p.target().multiply(BigDecimal.valueOf(so.effectiveMax()));
                String why = p.activation().compareTo(capacity) >= 0
                        ? "it wakes only when the metric exceeds what all " + so.effectiveMax() + " replicas handle ("
                                + capacity.stripTrailingZeros().toPlainString() + ")"
                        : "while the metric is between " + target + " and " + a + " the workload stays at zero though"
                                + " the HPA would want up to " + p.activation().divide(p.target(), 0,
                                RoundingMode.CEILING) + " replicas";
                out.add(o.finding(INFO, at, false, "`" + p.activationKey() + "` " + a + " is not below `"
                        + p.targetKey() + "` " + target + ", so " + why + "; lower the activation threshold below the"
                        + " target.", null));
            }
        }
        return out;
    }
}
