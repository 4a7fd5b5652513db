package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import java.util.List;

/** The CRD's CEL rule on ScaledObject specs: minReplicaCount may not exceed maxReplicaCount (default 100). */
public final class AdmissionMinAboveMax implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("keda/admission-min-above-max", Severity.ERROR)
            .summary("A ScaledObject's minReplicaCount is above its maxReplicaCount")
            .rationale("""
                    The ScaledObject CRD carries a CEL rule, `!has(self.minReplicaCount) || \
                    self.minReplicaCount <= (has(self.maxReplicaCount) ? self.maxReplicaCount : 100)`, so the API \
                    server rejects a minimum above the maximum, counting an absent maximum as 100. KEDA's webhook \
                    repeats the check (`MinReplicaCount=%d must be less than MaxReplicaCount=%d`). ScaledJobs have \
                    no such rule: KEDA clamps their minimum to the maximum.""")
            .example("""
                    spec:
                      minReplicaCount: 5
                      maxReplicaCount: 3""")
            .remedy("Lower `minReplicaCount` or raise `maxReplicaCount` so that the minimum is at most the maximum.")
            .source("""
                    [K-rel] config/crd/bases/keda.sh_scaledobjects.yaml (x-kubernetes-validations on spec); [K] \
                    apis/keda/v1alpha1/scaledobject_types.go (CheckReplicaCountBoundsAreValid).""")
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
        if (so.minReplicaCount() == null || so.minReplicaCount() <= so.effectiveMax()) {
            return List.of();
        }
        String max = so.maxReplicaCount() == null ? "the default maximum of 100" : "`maxReplicaCount` "
                + so.maxReplicaCount();
        return List.of(o.finding(INFO, ScaledObjectView.MIN, false, "The API server rejects this ScaledObject: `spec:"
                + " Invalid value: \"object\": minReplicaCount must be less than or equal to maxReplicaCount`;"
                + " `minReplicaCount` " + so.minReplicaCount() + " is above " + max + ", so lower it or raise"
                + " `maxReplicaCount`.", null));
    }
}
