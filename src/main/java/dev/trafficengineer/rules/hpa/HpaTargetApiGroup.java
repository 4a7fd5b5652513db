package dev.trafficengineer.rules.hpa;

import dev.trafficengineer.finding.Edit;
import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.Fix;
import dev.trafficengineer.finding.FixAvailability;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.kube.KubernetesVersion;
import dev.trafficengineer.manifest.Edits;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import dev.trafficengineer.rules.workload.ScaleTargets;
import java.util.List;

/** A scaleTargetRef whose apiVersion puts a built-in kind in a group that does not serve it. */
public final class HpaTargetApiGroup implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("hpa/target-api-group", Severity.ERROR)
            .summary("The scale target's apiVersion names a group that does not serve its kind")
            .rationale("""
                    The controller parses `scaleTargetRef.apiVersion` and looks up the kind in that API group only \
                    (the version is ignored). Deployments, StatefulSets and ReplicaSets live in `apps`, \
                    ReplicationControllers in the core group (`v1`); `extensions` stopped serving Deployments and \
                    ReplicaSets in Kubernetes 1.16. With another group, or none, the lookup fails and the HPA \
                    reports FailedGetScale. From 1.34 the API server itself rejects an autoscaling/v2 reference \
                    without a group, and `hpa/invalid` says so; this rule covers the rest.""")
            .example("""
                    scaleTargetRef:
                      apiVersion: extensions/v1beta1   # not served since 1.16: apps/v1
                      kind: Deployment
                      name: web""")
            .remedy("Write `apiVersion: apps/v1` for the apps kinds and `v1` for a ReplicationController; the fix does.")
            .source("""
                    kubernetes/kubernetes pkg/controller/podautoscaler/horizontal.go (reconcileAutoscaler: only \
                    the group of scaleTargetRef.apiVersion is used); Kubernetes deprecated API migration guide, \
                    v1.16 section; research/k8s-hpa.md §2.3 (ValidateAPIVersion), §4.2.""")
            .fix(FixAvailability.SOMETIMES)
            .build();

    private static final KubernetesVersion EXTENSIONS_REMOVED = new KubernetesVersion(1, 16);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return HpaView.isHpa(o);
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        HpaView hpa = HpaView.of(o).orElseThrow();
        TargetRef ref = hpa.target();
        if (ref.kind() == null || ScaleTargets.classify(ref.kind()) != ScaleTargets.Kind.SCALABLE) {
            return List.of();
        }
        String want = ScaleTargets.BUILTIN_SCALABLE.get(ref.kind());
        String group = ref.group();
        if (group.equals(want)) {
            return List.of();
        }
        KubernetesVersion v = ctx.options().kubernetesVersion();
        boolean serverChecks = hpa.version().equals("v2") && v.atLeast(1, 34);
        if (ref.apiVersion() != null && ref.apiVersion().chars().filter(c -> c == '/').count() > 1) {
            return List.of(); // does not parse: hpa/invalid reports it (older releases fail the same way at run time)
        }
        if (group.isEmpty() && serverChecks) {
            return List.of(); // hpa/invalid: "apiVersion must specify API group"
        }
        if (group.equals("extensions") && (ref.kind().equals("Deployment") || ref.kind().equals("ReplicaSet"))
                && v.compareTo(EXTENSIONS_REMOVED) < 0) {
            return List.of(); // still served there before 1.16
        }
        String right = ScaleTargets.currentApiVersion(ref.kind());
        String where = group.isEmpty() ? "the core group" : "group `" + group + "`";
        String what = ref.apiVersion() == null ? "Without an `apiVersion`, `scaleTargetRef`"
                : "`apiVersion: " + ref.apiVersion() + "`";
        String message = what + " puts the " + ref.kind() + " in " + where + ", which serves no " + ref.kind()
                + "s, so the controller cannot find its target (FailedGetScale); write `apiVersion: " + right + "`.";
        Edit edit = ref.apiVersion() == null ? Edits.insertEntry(o, ref.at(), "apiVersion: " + right + "\n")
                : Edits.replaceScalar(o, ref.apiVersionAt(), right);
        Fix fix = edit == null ? null : Fix.safe("Set the target's apiVersion to " + right, edit);
        return List.of(o.finding(INFO, ref.apiVersionAt(), false, message, fix));
    }
}
