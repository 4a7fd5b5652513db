package dev.trafficengineer.rules.vpa;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import dev.trafficengineer.rules.kube.Conflicts;
import dev.trafficengineer.rules.kube.HorizontalScalers;
import dev.trafficengineer.rules.kube.Workloads;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A VPA that changes cpu or memory requests of a workload an HPA or KEDA scales on that same resource. */
public final class ConflictsWithHorizontalScaling implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("vpa/conflicts-with-horizontal-scaling", Severity.ERROR)
            .summary("A VPA changes the CPU or memory requests an HPA or ScaledObject scales on")
            .rationale("""
                    The HPA measures CPU and memory utilization against the requests. A VPA in a mode that updates \
                    pods (Recreate, Auto, InPlaceOrRecreate, InPlace) changes those requests, which changes the \
                    utilization the HPA sees, so the two chase each other. The VPA docs say not to combine them on \
                    the same resource; KEDA cpu and memory triggers are HPA resource metrics too. It is fine with \
                    `updateMode: Off` or `Initial`, or when the VPA controls only the other resource \
                    (`controlledResources: ["memory"]` next to a CPU HPA), or when the HPA uses external metrics. \
                    Between objects of different files, which may never be applied together, the finding is a \
                    warning.""")
            .example("""
                    kind: VerticalPodAutoscaler
                    spec:
                      targetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
                      updatePolicy:
                        updateMode: Recreate
                    # HPA web targets 70% CPU utilization""")
            .remedy("""
                    Restrict the VPA to the other resource with `containerPolicies: [{containerName: "*", \
                    controlledResources: ["memory"]}]`, set `updateMode: "Off"` to keep recommendations only, or \
                    scale horizontally on an external metric.""")
            .source("""
                    [A] docs/known-limitations.md, docs/faq.md ("How can I configure VPA to manage only specific \
                    resources?"); research/vpa.md §6; research/keda.md §16.""")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return VpaView.isVpa(o) && VpaView.of(o).mutating();
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        VpaView vpa = VpaView.of(o);
        if (vpa.targetKind().isEmpty() || vpa.targetName().isEmpty()) {
            return List.of();
        }
        Optional<KubeObject> target = VpaTargets.find(vpa, ctx.index());
        List<Workloads.Container> containers = target.map(Workloads::containers).orElse(List.of());
        List<Finding> out = new ArrayList<>();
        for (HorizontalScalers.HorizontalScaler h : HorizontalScalers.of(ctx.index(), o.namespace(),
                vpa.targetApiVersion(), vpa.targetKind(), vpa.targetName())) {
            Set<String> clashes = new LinkedHashSet<>();
            for (HorizontalScalers.ScaledResource r : h.resources()) {
                if (controls(vpa, r, containers)) {
                    clashes.add(r.resource());
                }
            }
            if (clashes.isEmpty()) {
                continue;
            }
            String what = String.join(" and ", clashes);
            var at = vpa.updatePolicy() ? VpaView.UPDATE_MODE : VpaView.TARGET;
            out.add(Conflicts.scoped(o.finding(INFO, at, !vpa.updatePolicy(),
                    h.object().kind() + " `" + h.object().name() + "` scales " + vpa.targetKind() + " `"
                            + vpa.targetName() + "` on " + what + " while this VPA (mode `" + vpa.effectiveMode()
                            + "`) changes the " + what + " requests, so they fight; limit the VPA to the other"
                            + " resource with `controlledResources`, or set `updateMode: \"Off\"`.", null), o,
                    h.object()));
        }
        return out;
    }

    private static boolean controls(VpaView vpa, HorizontalScalers.ScaledResource r, List<Workloads.Container> cs) {
        if (r.container() != null) {
            return vpa.controls(r.resource(), r.container());
        }
        if (cs.isEmpty()) {
            return vpa.controls(r.resource(), null);
        }
        return cs.stream().anyMatch(c -> vpa.controls(r.resource(), c.name()));
    }
}
