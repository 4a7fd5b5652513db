package dev.trafficengineer.rules.vpa;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import dev.trafficengineer.rules.kube.Workloads;
import java.util.List;
import java.util.Optional;

/** A VPA's targetRef: a kind the VPA cannot manage, or a workload not among the reviewed objects. */
public final class VpaTargetRules implements Rule {

    private static final RuleInfo UNSUPPORTED = RuleInfo.builder("vpa/runtime-target-unsupported", Severity.ERROR)
            .summary("A VPA targets a kind whose pods it cannot manage")
            .rationale("""
                    The VPA follows `targetRef` to a controller and manages the pods it owns: Deployments, \
                    StatefulSets, DaemonSets, ReplicaSets, Jobs, CronJobs, ReplicationControllers, or a custom \
                    resource with a /scale subresource. A Pod, Service or ConfigMap is admitted (the admission \
                    controller does not check targets) but gets the condition `ConfigUnsupported` and never a \
                    recommendation.""")
            .example("""
                    targetRef:
                      apiVersion: v1
                      kind: Service
                      name: web""")
            .remedy("Point `targetRef` at the workload controller that owns the pods, e.g. the Deployment.")
            .source("[A] docs/faq.md, pkg/target (fetcher); research/vpa.md §2 and §4.")
            .build();

    private static final RuleInfo NOT_FOUND = RuleInfo.builder("vpa/target-not-found", Severity.INFO)
            .summary("A VPA's target is not among the reviewed objects")
            .rationale("""
                    The admission controller does not check that the target exists; a VPA without one gets no \
                    recommendations. A review of some files cannot know what the cluster holds, so a target that is \
                    not reviewed is advice (an error with `--require-targets`).""")
            .example("""
                    targetRef:
                      apiVersion: apps/v1
                      kind: Deployment
                      name: web        # not in the reviewed files""")
            .remedy("Review the target with its VPA, and check `kind`, `name` and the namespace.")
            .source("[A] pkg/admission-controller/resource/vpa/validation.go (no target check); research/vpa.md §4.")
            .build();

    @Override
    public RuleInfo info() {
        return UNSUPPORTED;
    }

    @Override
    public List<RuleInfo> alsoReports() {
        return List.of(NOT_FOUND);
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return VpaView.isVpa(o) && o.at(VpaView.TARGET).isObject();
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        VpaView vpa = VpaView.of(o);
        String kind = vpa.targetKind();
        if (kind.isEmpty() || vpa.targetName().isEmpty()) {
            return List.of(); // the CRD requires both
        }
        boolean builtin = VpaTargets.BUILTIN_GROUPS.contains(Workloads.group(vpa.targetApiVersion()));
        if (builtin && !VpaTargets.SUPPORTED.contains(kind)) {
            return List.of(o.finding(UNSUPPORTED, VpaView.TARGET.child("kind"), false, "The VPA cannot manage the pods"
                    + " of a `" + kind + "` and marks itself `ConfigUnsupported`; point `targetRef` at the controller"
                    + " that owns the pods, such as a Deployment.", null));
        }
        Optional<KubeObject> target = VpaTargets.find(vpa, ctx.index());
        if (target.isPresent()) {
            return List.of();
        }
        Finding f = o.finding(NOT_FOUND, VpaView.TARGET.child("name"), false, "The target `" + kind + "/"
                + vpa.targetName() + "` is not among the reviewed objects; review it with this VPA to check"
                + " conflicts and replicas.", null);
        return List.of(ctx.options().requireTargets() ? f.withSeverity(Severity.ERROR) : f);
    }
}
