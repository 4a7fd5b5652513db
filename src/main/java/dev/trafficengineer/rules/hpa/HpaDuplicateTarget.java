package dev.trafficengineer.rules.hpa;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import dev.trafficengineer.rules.kube.ScaleTargetIndex;
import dev.trafficengineer.rules.workload.ScaleTargets;
import java.util.List;
import java.util.stream.Collectors;

/** Two HPAs scaling one workload. */
public final class HpaDuplicateTarget implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("hpa/duplicate-target", Severity.ERROR)
            .summary("Another HPA scales the same target")
            .rationale("""
                    Two HPAs on one workload each write the replica count from their own metrics, so the count \
                    jumps between their answers on every sync; current controllers detect pods selected by more \
                    than one HPA and stop both (ScalingActive=False, AmbiguousSelector). The API server does not \
                    prevent it (kubernetes/kubernetes#101648). It usually comes from copying an HPA and \
                    forgetting to rename the target; the message names a same-kind workload that no HPA scales, \
                    when it finds one.""")
            .example("""
                    # HPA frontend
                    scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: backend}
                    # HPA backend
                    scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: backend}""")
            .remedy("""
                    Keep one HPA per workload and put all its metrics in it (the controller takes the highest \
                    proposal), or point the copy at the workload it was meant for.""")
            .source("""
                    kubernetes/kubernetes pkg/controller/podautoscaler/horizontal.go (computeReplicasForMetrics, \
                    hpaSelectors: AmbiguousSelector); kubernetes/kubernetes#101648; research/k8s-hpa.md §4.3.""")
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
        if (!ref.complete()) {
            return List.of();
        }
        List<HpaView> others = hpas(ctx, o.namespace(), ref.name()).stream()
                .filter(h -> !h.object().name().equals(o.name()) && Targets.sameTarget(hpa, h))
                .filter(distinctByName()).toList();
        if (others.isEmpty()) {
            return List.of();
        }
        String names = others.stream().map(h -> "`" + h.object().name() + "`").collect(Collectors.joining(", "));
        StringBuilder message = new StringBuilder(others.size() == 1 ? "HPA " : "HPAs ").append(names)
                .append(others.size() == 1 ? " also scales " : " also scale ").append(ref.display())
                .append(", so the two fight over its replica count and the controller stops both"
                        + " (AmbiguousSelector); keep one HPA per workload");
        // a copy that kept the original's target: is there a workload named like this HPA that nothing scales?
        if (!o.name().equals(ref.name())) {
            ScaleTargets.find(ctx.index(), o.namespace(), ref.group(), ref.kind(), o.name())
                    .filter(w -> hpas(ctx, o.namespace(), w.name()).stream().noneMatch(h -> Targets.targets(h, w)))
                    .ifPresent(w -> message.append(", or point this one at ").append(w.kind()).append(" `")
                            .append(w.name()).append("`, which no HPA scales"));
        }
        message.append('.');
        return List.of(o.finding(INFO, ref.nameAt(), message.toString()));
    }

    /** An object written twice (same name, same namespace) is one object in the cluster, not two HPAs. */
    private static java.util.function.Predicate<HpaView> distinctByName() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return h -> seen.add(h.object().name());
    }

    /** The HPAs in the namespace whose target is named {@code name}. */
    private static List<HpaView> hpas(RuleContext ctx, String namespace, String name) {
        return ScaleTargetIndex.horizontal(ctx.index(), namespace, name).stream()
                .map(HpaView::of).flatMap(java.util.Optional::stream).toList();
    }
}
