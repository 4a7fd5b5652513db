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
import dev.trafficengineer.rules.kube.ScaleTargetIndex;
import dev.trafficengineer.rules.kube.Workloads;
import dev.trafficengineer.source.JsonPointer;
import java.util.List;
import java.util.Optional;

/** A Deployment or StatefulSet that a ScaledObject scales but that still writes spec.replicas. */
public final class TargetSetsReplicas implements Rule {

    private static final JsonPointer REPLICAS = JsonPointer.of("spec", "replicas");

    private static final RuleInfo INFO = RuleInfo.builder("keda/target-sets-replicas", Severity.WARNING)
            .summary("A workload scaled by a ScaledObject sets spec.replicas")
            .rationale("""
                    KEDA and its HPA own the replica count. A manifest that also sets `spec.replicas` resets it on \
                    every `kubectl apply` or GitOps sync: a workload KEDA scaled to zero comes back, a busy one is \
                    cut down until the next poll.""")
            .example("""
                    kind: Deployment
                    metadata:
                      name: worker
                    spec:
                      replicas: 3        # a ScaledObject targets worker""")
            .remedy("Remove `spec.replicas` from the workload; the fix deletes the line.")
            .source("""
                    Kubernetes HPA docs (migrating Deployments to horizontal autoscaling); [D] \
                    concepts/scaling-deployments.md.""")
            .fix(FixAvailability.SOMETIMES)
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return (o.kind().equals("Deployment") || o.kind().equals("StatefulSet")) && o.at(REPLICAS).isNumber();
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        Optional<KubeObject> so = ScaleTargetIndex.horizontal(ctx.index(), o.namespace(), o.name()).stream()
                .filter(ScaledObjectView::isScaledObject)
                .filter(s -> {
                    TargetRef t = ScaledObjectView.of(s).target();
                    return t.kindOrDefault().equals(o.kind()) && t.name().equals(o.name())
                            && t.group().equals(Workloads.group(o.apiVersion()));
                })
                .findFirst();
        if (so.isEmpty()) {
            return List.of();
        }
        Edit edit = Edits.deleteEntry(o, REPLICAS);
        return List.of(o.finding(INFO, REPLICAS, true, "ScaledObject `" + so.get().name() + "` scales this "
                + o.kind() + ", but `spec.replicas` resets the count on every apply; remove it.",
                edit == null ? null : Fix.safe("Remove spec.replicas", edit)));
    }
}
