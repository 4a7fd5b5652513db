package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import java.util.List;

/** idleReplicaCount other than 0 is admitted but does not work as documented. */
public final class IdleReplicaCountNotZero implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("keda/idle-replica-count-not-zero", Severity.WARNING)
            .summary("A ScaledObject sets idleReplicaCount to a value other than 0")
            .rationale("""
                    KEDA's docs say only `idleReplicaCount: 0` works correctly: KEDA sets the idle count, the HPA \
                    then sees replicas below its minimum and scales them back to `minReplicaCount`, because of an \
                    HPA limitation (kedacore/keda#2314). Other values are admitted and misbehave.""")
            .example("""
                    spec:
                      idleReplicaCount: 1
                      minReplicaCount: 3""")
            .remedy("Use `idleReplicaCount: 0`, or drop it and rely on `minReplicaCount`.")
            .source("[D] reference/scaledobject-spec.md (idleReplicaCount); research/keda.md §11.")
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
        Integer idle = ScaledObjectView.of(o).idleReplicaCount();
        if (idle == null || idle == 0) {
            return List.of();
        }
        return List.of(o.finding(INFO, ScaledObjectView.IDLE, false, "`idleReplicaCount: " + idle + "` does not work"
                + " as documented (the HPA pulls the replicas back up to `minReplicaCount`); only 0 is supported.",
                null));
    }
}
