package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import dev.trafficengineer.rules.kube.Workloads;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The ScaledObject's target is not among the reviewed objects. */
public final class TargetNotFound implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("keda/target-not-found", Severity.INFO)
            .summary("A ScaledObject's target is not among the reviewed objects")
            .rationale("""
                    KEDA looks the target up in the ScaledObject's own namespace; when it does not exist the \
                    ScaledObject stays not Ready. A review of some files cannot know what the cluster holds, so \
                    a target that is simply not reviewed is advice; with `--require-targets` it is an error. When \
                    an object of that name but of another kind, or in another namespace, is reviewed, the message \
                    says so: that is usually the mistake.""")
            .example("""
                    scaleTargetRef:
                      name: web          # kind defaults to Deployment, but web is a StatefulSet""")
            .remedy("""
                    Review the target together with its ScaledObject, and check `scaleTargetRef.kind` (default \
                    `Deployment`), `apiVersion` (default `apps/v1`), `name`, and the namespace.""")
            .source("[K] apis/keda/v1alpha1/gvkr.go (defaults), controllers/keda/scaledobject_controller.go.")
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
        if (t.name().isEmpty() || t.groupVersionError() != null) {
            return List.of();
        }
        String kind = t.kindOrDefault();
        if (Workloads.find(ctx.index(), o.namespace(), t.apiVersionOrDefault(), kind, t.name()).isPresent()) {
            return List.of();
        }
        String ref = "`" + kind + "/" + t.name() + "`";
        Optional<KubeObject> otherKind = ctx.index().named(o.namespace(), t.name()).stream()
                .filter(x -> BuiltinKinds.SCALABLE.contains(x.kind()) && !x.kind().equals(kind)).findFirst();
        Optional<KubeObject> otherNamespace = ctx.index().ofKindNamed(kind, t.name()).stream()
                .filter(x -> !Objects.equals(x.namespace(), o.namespace()))
                .findFirst();
        String message;
        if (otherKind.isPresent()) {
            message = "The target " + ref + " is not among the reviewed objects, but a `" + otherKind.get().kind()
                    + "` of that name is; set `scaleTargetRef.kind: " + otherKind.get().kind() + "` (the default is"
                    + " `Deployment`) if that is the target.";
        } else if (otherNamespace.isPresent()) {
            message = "The target " + ref + " is not in namespace `" + o.namespace() + "` but in `"
                    + otherNamespace.get().namespace() + "`; KEDA looks only in the ScaledObject's namespace, so move"
                    + " one of them.";
        } else {
            message = "The target " + ref + " is not among the reviewed objects; review it with this ScaledObject to"
                    + " check its requests and replicas.";
        }
        Finding f = o.finding(INFO, TargetRef.AT.child("name"), false, message, null);
        return List.of(ctx.options().requireTargets() ? f.withSeverity(Severity.ERROR) : f);
    }
}
