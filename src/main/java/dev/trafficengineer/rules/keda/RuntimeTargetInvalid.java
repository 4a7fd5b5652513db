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
import java.util.List;

/** A target the webhook admits but the controller cannot scale: no /scale subresource, or a version not served. */
public final class RuntimeTargetInvalid implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("keda/runtime-target-invalid", Severity.ERROR)
            .summary("A ScaledObject targets a kind KEDA cannot scale")
            .rationale("""
                    KEDA scales through the target's /scale subresource. Built-in kinds without one (DaemonSet, \
                    Job, CronJob, Pod, Service) pass admission, but the controller then reports `Target resource \
                    doesn't expose /scale subresource` and never creates the HPA. `Deployment` and `StatefulSet` \
                    resolve in the webhook whatever their apiVersion, so an apiVersion the API server no longer \
                    serves (`extensions/v1beta1`, `apps/v1beta2`) is admitted and then fails as a target that \
                    does not exist. For jobs use a ScaledJob.""")
            .example("""
                    scaleTargetRef:
                      apiVersion: apps/v1
                      kind: DaemonSet       # one pod per node: nothing to scale
                      name: agent""")
            .remedy("""
                    Target a Deployment, StatefulSet, ReplicaSet or a custom resource with a /scale \
                    subresource; use a ScaledJob for jobs. For an old apiVersion the fix writes `apps/v1`.""")
            .source("""
                    [K] controllers/keda/scaledobject_controller.go (checkTargetResourceIsScalable), gvkr.go; \
                    research/keda.md §6.""")
            .fix(FixAvailability.SOMETIMES)
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
        TargetRef t = ScaledObjectView.of(o).target();
        if (t.groupVersionError() != null || !BuiltinKinds.builtinGroup(t.group())) {
            return List.of();
        }
        String kind = t.kindOrDefault();
        String gv = t.apiVersionOrDefault();
        if ((kind.equals("Deployment") || kind.equals("StatefulSet")) && !gv.equals("apps/v1")) {
            Edit edit = Edits.replaceScalar(o, TargetRef.AT.child("apiVersion"), "apps/v1");
            return List.of(o.finding(INFO, TargetRef.AT.child("apiVersion"), false, "KEDA admits this target, but"
                    + " the API server no longer serves `" + kind + "` in `" + gv + "`, so the controller reports"
                    + " that the target does not exist; write `apiVersion: apps/v1`.",
                    edit == null ? null : Fix.safe("Write apiVersion: apps/v1", edit)));
        }
        if (BuiltinKinds.served(gv, kind) && !BuiltinKinds.SCALABLE.contains(kind)) {
            String remedy = kind.equals("Job") || kind.equals("CronJob") ? "use a ScaledJob for jobs"
                    : "target a Deployment, StatefulSet or another kind with a /scale subresource";
            return List.of(o.finding(INFO, TargetRef.AT.child("kind"), false, "The controller cannot scale a `"
                    + kind + "`: `Target resource doesn't expose /scale subresource`; " + remedy + ".", null));
        }
        return List.of();
    }
}
