package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import java.util.List;

/** KEDA's webhook: idleReplicaCount must be below minReplicaCount, an unset minimum counting as 0. */
public final class AdmissionIdleNotBelowMin implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("keda/admission-idle-not-below-min", Severity.ERROR)
            .summary("A ScaledObject's idleReplicaCount is not below its minReplicaCount")
            .rationale("""
                    KEDA's webhook rejects `idleReplicaCount` unless it is below the minimum: `IdleReplicaCount=%d \
                    must be less than MinReplicaCount=%d`. The minimum it compares with is 0 when \
                    `minReplicaCount` is not written (so any idleReplicaCount without a minimum is rejected) and \
                    at least 1 when it is written (so `idleReplicaCount: 0` with `minReplicaCount: 0` passes). The \
                    controller repeats the check at every reconcile.""")
            .example("""
                    spec:
                      idleReplicaCount: 0     # rejected: minReplicaCount is not set
                      maxReplicaCount: 10""")
            .remedy("""
                    Set `minReplicaCount` above `idleReplicaCount`, e.g. `idleReplicaCount: 0` with \
                    `minReplicaCount: 1`; or drop `idleReplicaCount` and use `minReplicaCount: 0`.""")
            .source("""
                    [K] apis/keda/v1alpha1/scaledobject_types.go (CheckReplicaCountBoundsAreValid, \
                    GetHPAMinReplicas), scaledobject_webhook.go (verifyReplicaCount); research/keda.md §3.1.""")
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
        Integer idle = so.idleReplicaCount();
        if (idle == null) {
            return List.of();
        }
        // KEDA counts an unset minimum as 0 here, and an explicit 0 as the HPA's minimum of 1
        int min = so.minReplicaCount() == null ? 0 : Math.max(so.minReplicaCount(), 1);
        if (idle < min) {
            return List.of();
        }
        String remedy = so.minReplicaCount() == null
                ? "set `minReplicaCount` above it (an unset minimum counts as 0 here)"
                : "lower `idleReplicaCount` below `minReplicaCount` (only 0 works reliably)";
        return List.of(o.finding(INFO, ScaledObjectView.IDLE, false, "KEDA's webhook rejects this ScaledObject: `"
                + "IdleReplicaCount=" + idle + " must be less than MinReplicaCount=" + min + "`; " + remedy + ".",
                null));
    }
}
