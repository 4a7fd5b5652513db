package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import dev.trafficengineer.rules.kube.Conflicts;
import dev.trafficengineer.rules.kube.ScaleTargetIndex;
import java.util.ArrayList;
import java.util.List;

/** KEDA's webhook: one ScaledObject per workload, and one ScaledObject per HPA name, in a namespace. */
public final class AdmissionScaledObjectConflict implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("keda/admission-target-has-scaledobject", Severity.ERROR)
            .summary("Another ScaledObject already scales the same workload, or owns the same HPA name")
            .rationale("""
                    Two ScaledObjects on one workload would each drive their own HPA and fight over the replica \
                    count, so KEDA's webhook rejects the second one (`the workload '%s' of type '%s' is already \
                    managed by the ScaledObject '%s'`). The workload is the same when the name and the resolved \
                    group/version/kind match; a Deployment and a StatefulSet of one name are different workloads. \
                    Two ScaledObjects may not name the same HPA either. Whichever is applied second is rejected.""")
            .example("""
                    # two ScaledObjects in one namespace
                    spec:
                      scaleTargetRef:
                        name: worker      # both target Deployment worker""")
            .remedy("""
                    Merge the triggers into one ScaledObject (KEDA takes the maximum over triggers), or give each \
                    its own HPA name. Between objects of different files, which may never be applied together, the \
                    finding is a warning.""")
            .source("[K] apis/keda/v1alpha1/scaledobject_webhook.go (verifyScaledObjects); research/keda.md §3.5.")
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
        for (KubeObject other : candidates(ctx, o, so)) {
            if (other == o || other.name().equals(o.name()) || !ScaledObjectView.isScaledObject(other)) {
                continue;
            }
            ScaledObjectView them = ScaledObjectView.of(other);
            if (so.target().name().isEmpty() || them.target().name().isEmpty()) {
                continue; // the CRD rejects an empty name before the webhook runs
            }
            if (them.target().gvk().equals(so.target().gvk()) && them.target().name().equals(so.target().name())) {
                out.add(Conflicts.scoped(o.finding(INFO, TargetRef.AT.child("name"), false, "KEDA's webhook rejects"
                        + " whichever of the two is applied second: `the workload '" + so.target().name()
                        + "' of type '" + so.target().gvk() + "' is already managed by the ScaledObject '"
                        + other.name() + "'`; merge their triggers into one ScaledObject.", null), o, other));
            } else if (them.hpaName().equals(so.hpaName())) {
                out.add(Conflicts.scoped(o.finding(INFO, ScaledObjectView.HPA_CONFIG.child("name"), false, "KEDA's"
                        + " webhook rejects whichever of the two is applied second: `the HPA '" + so.hpaName() + "' is"
                        + " already managed by the ScaledObject '" + other.name() + "'`; give each ScaledObject its own"
                        + " HPA name.", null), o, other));
            }
        }
        return out;
    }

    /** The ScaledObjects that could clash with this one: same target name, or same name for their HPA. */
    private static java.util.Set<KubeObject> candidates(RuleContext ctx, KubeObject o, ScaledObjectView so) {
        java.util.Set<KubeObject> out = new java.util.LinkedHashSet<>();
        for (KubeObject other : ScaleTargetIndex.horizontal(ctx.index(), o.namespace(), so.target().name())) {
            if (other.kind().equals("ScaledObject")) {
                out.add(other);
            }
        }
        out.addAll(ctx.index().lookup("scaledobjects-by-hpa-name", x -> ScaledObjectView.isScaledObject(x)
                ? java.util.List.of(String.valueOf(x.namespace()), ScaledObjectView.of(x).hpaName()) : null,
                java.util.List.of(String.valueOf(o.namespace()), so.hpaName())));
        return out;
    }
}
