package dev.trafficengineer.rules.hpa;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import dev.trafficengineer.rules.workload.ScaleTargets;
import java.util.List;
import java.util.stream.Collectors;

/** The HPA's target is not among the reviewed objects: advice for a partial set, an error on request. */
public final class HpaTargetNotFound implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("hpa/target-not-found", Severity.INFO)
            .summary("The scale target is not among the reviewed objects")
            .rationale("""
                    The HPA controller looks its target up by namespace, API group, kind and name; when nothing \
                    matches it reports FailedGetScale and never scales. A review of some files only cannot tell a \
                    target that is missing from one that lives in another repository, so by default this is \
                    advice, said once per HPA: the checks that need the target (requests for utilization, \
                    `spec.replicas`, disruption budgets) are skipped. With `--require-targets` the review holds the \
                    set to be complete and this is an error. The message points at a same-named object in another \
                    namespace or of another kind when there is one.""")
            .example("""
                    scaleTargetRef:
                      apiVersion: apps/v1
                      kind: Deployment
                      name: web        # no Deployment web in this namespace among the files""")
            .remedy("""
                    Review the HPA together with its workload, or fix the name, kind or namespace so that they match \
                    the workload's own.""")
            .source("""
                    kubernetes/kubernetes pkg/controller/podautoscaler/horizontal.go (reconcileAutoscaler: \
                    RESTMappings and the scale subresource GET); kube-score horizontalpodautoscaler-has-target and \
                    its false positives on partial sets (zegl/kube-score#332); research/peers.md §2, §3.""")
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
        HpaView hpa = HpaView.of(o).orElseThrow();
        TargetRef ref = hpa.target();
        if (!ref.complete() || ScaleTargets.classify(ref.kind()) == ScaleTargets.Kind.NOT_SCALABLE
                || ScaleTargets.caseCorrected(ref.kind()).isPresent()
                || !Targets.candidates(hpa, ctx.index()).isEmpty()) {
            return List.of();
        }
        String namespace = o.namespace();
        StringBuilder message = new StringBuilder(ref.display()).append(" is not among the reviewed objects in"
                + " namespace `").append(namespace).append("`, so the checks that need it are skipped");
        List<KubeObject> elsewhere = ScaleTargets.elsewhere(ctx.index(), namespace, ref.kind(), ref.name());
        List<KubeObject> otherKinds = ctx.index().named(namespace, ref.name()).stream()
                .filter(w -> !w.kind().equals(ref.kind()) && ScaleTargets.classify(w.kind()) != ScaleTargets.Kind.NOT_SCALABLE
                        && !w.kind().equals(HpaView.KIND))
                .toList();
        if (!elsewhere.isEmpty()) {
            message.append(" (there is one in namespace ").append(elsewhere.stream()
                    .map(w -> "`" + w.namespace() + "`").distinct().collect(Collectors.joining(", ")))
                    .append(", but an HPA scales only objects in its own namespace)");
        } else if (!otherKinds.isEmpty()) {
            message.append(" (there is a ").append(otherKinds.get(0).kind()).append(" `").append(ref.name())
                    .append("`: is `kind` right?)");
        }
        message.append("; review the HPA together with its workload.");
        Finding f = o.finding(INFO, ref.nameAt(), message.toString());
        return List.of(ctx.options().requireTargets() ? f.withSeverity(Severity.ERROR) : f);
    }
}
