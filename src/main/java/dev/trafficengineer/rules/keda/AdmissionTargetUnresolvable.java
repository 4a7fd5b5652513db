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
import java.util.Optional;

/** KEDA's webhook resolves scaleTargetRef through the REST mapper and rejects what it cannot resolve. */
public final class AdmissionTargetUnresolvable implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("keda/admission-target-unresolvable", Severity.ERROR)
            .summary("A ScaledObject's scaleTargetRef names a kind the API server does not serve")
            .rationale("""
                    KEDA's webhook turns `scaleTargetRef.apiVersion` and `kind` into a resource: `Deployment` and \
                    `StatefulSet` resolve directly, every other kind through the cluster's REST mapper. A kind \
                    written in the wrong case (`deployment`), a kind in a group or version that does not serve it, \
                    or an apiVersion with two slashes is rejected with the mapper's error (`no matches for kind`). \
                    Only built-in groups are checked: a custom resource may exist in the cluster.""")
            .example("""
                    scaleTargetRef:
                      apiVersion: apps/v1
                      kind: deployment      # kinds are case-sensitive: Deployment
                      name: web""")
            .remedy("Write the kind exactly as the API serves it, with its group and version (`apps/v1` "
                    + "`Deployment`); the fix corrects the case of a built-in kind.")
            .source("""
                    [K] apis/keda/v1alpha1/gvkr.go (ParseGVKR, getResource), scaledobject_webhook.go \
                    (verifyScaledObjects, verifyHpas); research/keda.md §3.7.""")
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
        String gvError = t.groupVersionError();
        if (gvError != null) {
            return List.of(o.finding(INFO, TargetRef.AT.child("apiVersion"), false, "KEDA's webhook rejects this"
                    + " ScaledObject: `" + gvError + "`; write `group/version`, e.g. `apps/v1`.", null));
        }
        String kind = t.kindOrDefault();
        if (kind.equals("Deployment") || kind.equals("StatefulSet") || !BuiltinKinds.builtinGroup(t.group())) {
            return List.of();
        }
        String gv = t.apiVersionOrDefault();
        if (BuiltinKinds.served(gv, kind)) {
            return List.of();
        }
        Optional<String> variant = BuiltinKinds.caseVariant(gv, kind);
        Fix fix = null;
        if (variant.isPresent()) {
            Edit edit = Edits.replaceScalar(o, TargetRef.AT.child("kind"), variant.get());
            fix = edit == null ? null : Fix.safe("Write kind: " + variant.get(), edit);
        }
        List<String> versions = BuiltinKinds.versionsOf(variant.orElse(kind));
        String remedy = variant.isPresent() ? "write `" + variant.get() + "`"
                : !versions.isEmpty() ? "use apiVersion `" + versions.get(0) + "`"
                : "name a workload kind that has a /scale subresource";
        return List.of(o.finding(INFO, TargetRef.AT.child("kind"), false, "KEDA's webhook rejects this"
                + " ScaledObject: `no matches for kind \"" + kind + "\" in version \"" + gv + "\"`; " + remedy + ".",
                fix));
    }
}
