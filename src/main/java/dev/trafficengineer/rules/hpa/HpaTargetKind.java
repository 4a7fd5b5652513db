package dev.trafficengineer.rules.hpa;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Map;
import java.util.Optional;

/** A scaleTargetRef kind the controller can never scale: mis-cased, or a kind without a /scale subresource. */
public final class HpaTargetKind implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("hpa/target-kind", Severity.ERROR)
            .summary("The scale target's kind cannot be scaled")
            .rationale("""
                    The controller maps `scaleTargetRef` to a resource by API group and kind, exactly as written, \
                    and then reads and writes that resource's /scale subresource. A kind in the wrong case \
                    (`deployment`) maps to nothing, and kinds without /scale (DaemonSet, Job, CronJob, Pod, \
                    Service, …) cannot be scaled at all: the HPA reports FailedGetScale forever. The API server \
                    checks neither. A custom kind is accepted unless its CustomResourceDefinition is among the \
                    reviewed objects and declares no scale subresource.""")
            .example("""
                    scaleTargetRef:
                      apiVersion: apps/v1
                      kind: deployment   # kinds are case-sensitive: Deployment""")
            .remedy("""
                    Write the kind exactly (`Deployment`, `StatefulSet`, `ReplicaSet`, `ReplicationController`, or \
                    a custom kind whose CRD has `subresources.scale`); the fix corrects the case. Scale jobs with \
                    KEDA's ScaledJob, and target the workload that owns pods rather than the pods or a Service.""")
            .source("""
                    kubernetes/kubernetes pkg/controller/podautoscaler/horizontal.go (reconcileAutoscaler: \
                    schema.ParseGroupVersion, mapper.RESTMappings(GroupKind), scaleForResourceMappings); \
                    apimachinery meta.DefaultRESTMapper (kinds matched exactly); Kubernetes docs, "Horizontal Pod \
                    Autoscaling" (it does not apply to objects that can't be scaled, e.g. a DaemonSet).""")
            .fix(FixAvailability.SOMETIMES)
            .build();

    /** Why some non-scalable kinds get written as targets, and what to do instead. */
    private static final Map<String, String> WHY = Map.of(
            "DaemonSet", "a DaemonSet runs one pod per node and has no replica count",
            "Job", "a Job has no /scale subresource; scale jobs with KEDA's ScaledJob",
            "CronJob", "a CronJob has no /scale subresource; scale jobs with KEDA's ScaledJob",
            "Pod", "a Pod has no /scale subresource; target the workload that owns the pods",
            "Service", "a Service has no /scale subresource; target the Deployment or StatefulSet behind it");

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
        if (ref.kind() == null) {
            return List.of();
        }
        Optional<String> corrected = ScaleTargets.caseCorrected(ref.kind());
        if (corrected.isPresent()) {
            Edit edit = Edits.replaceScalar(o, ref.kindAt(), corrected.get());
            return List.of(o.finding(INFO, ref.kindAt(), false, "`kind: " + ref.kind() + "` matches no kind, because"
                    + " kinds are case-sensitive, so the controller cannot find the target (FailedGetScale); write `"
                    + corrected.get() + "`.", edit == null ? null
                    : Fix.safe("Write the kind as " + corrected.get(), edit)));
        }
        if (ScaleTargets.classify(ref.kind()) == ScaleTargets.Kind.NOT_SCALABLE) {
            String why = WHY.getOrDefault(ref.kind(), "a " + ref.kind() + " has no /scale subresource");
            return List.of(o.finding(INFO, ref.kindAt(), "The HPA can never scale a " + ref.kind() + ": " + why
                    + ", so the controller reports FailedGetScale; target a Deployment, StatefulSet or another"
                    + " scalable workload."));
        }
        if (ScaleTargets.classify(ref.kind()) == ScaleTargets.Kind.CUSTOM) {
            for (KubeObject crd : ctx.index().ofKind("CustomResourceDefinition")) {
                JsonNode spec = crd.tree().path("spec");
                if (spec.path("group").asText("").equals(ref.group())
                        && spec.path("names").path("kind").asText("").equals(ref.kind()) && !hasScale(spec)) {
                    return List.of(o.finding(INFO, ref.kindAt(), "The CustomResourceDefinition `" + crd.name()
                            + "` declares no `subresources.scale` in any version, so the HPA can never scale a "
                            + ref.kind() + " (FailedGetScale); add the scale subresource to the CRD or target"
                            + " the workload it manages."));
                }
            }
        }
        return List.of();
    }

    private static boolean hasScale(JsonNode crdSpec) {
        if (crdSpec.path("subresources").has("scale")) {
            return true; // apiextensions.k8s.io/v1beta1 kept it at the top level
        }
        for (JsonNode v : crdSpec.path("versions")) {
            if (v.path("subresources").has("scale")) {
                return true;
            }
        }
        return false;
    }
}
