package dev.trafficengineer.rules.hpa;

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
import dev.trafficengineer.rules.workload.ScaleTargets;
import java.util.List;

/** A scaleTargetRef with the right group but a version that is no longer served, e.g. apps/v1beta1. */
public final class HpaTargetVersionStale implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("hpa/target-version-stale", Severity.INFO)
            .summary("The scale target's apiVersion is a version that is no longer served")
            .rationale("""
                    `apps/v1beta1` and `apps/v1beta2` have not been served since Kubernetes 1.16. The HPA \
                    controller uses only the group of `scaleTargetRef.apiVersion`, so such a reference still \
                    resolves to the `apps/v1` object and scaling works; it is not an error. It does mislead \
                    readers and tools that take the version at its word, and it usually means the workload \
                    manifest next to it is stale too.""")
            .example("""
                    scaleTargetRef:
                      apiVersion: apps/v1beta1   # works, but write apps/v1
                      kind: Deployment""")
            .remedy("Write `apiVersion: apps/v1`; the fix does, and changes nothing the controller does.")
            .source("""
                    kubernetes/kubernetes pkg/controller/podautoscaler/horizontal.go (reconcileAutoscaler: \
                    RESTMappings(GroupKind) ignores the version); Kubernetes deprecated API migration guide, v1.16 \
                    section.""")
            .fix(FixAvailability.SAFE)
            .build();

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
        TargetRef ref = HpaView.of(o).orElseThrow().target();
        if (ref.kind() == null || ref.apiVersion() == null
                || ScaleTargets.classify(ref.kind()) != ScaleTargets.Kind.SCALABLE) {
            return List.of();
        }
        String right = ScaleTargets.currentApiVersion(ref.kind());
        if (!ref.group().equals(ScaleTargets.BUILTIN_SCALABLE.get(ref.kind())) || ref.apiVersion().equals(right)
                || ref.apiVersion().chars().filter(c -> c == '/').count() > 1) {
            return List.of();
        }
        Edit edit = Edits.replaceScalar(o, ref.apiVersionAt(), right);
        if (edit == null) {
            return List.of();
        }
        return List.of(o.finding(INFO, ref.apiVersionAt(), false, "`" + ref.apiVersion() + "` is no longer served;"
                + " the controller uses only the group, so the target still resolves, but write `" + right
                + "` so that readers and tools see the version that exists.",
                Fix.safe("Set the target's apiVersion to " + right, edit)));
    }
}
