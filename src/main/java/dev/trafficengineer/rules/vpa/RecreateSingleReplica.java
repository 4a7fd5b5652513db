package dev.trafficengineer.rules.vpa;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import dev.trafficengineer.rules.kube.HorizontalScalers;
import dev.trafficengineer.rules.kube.Workloads;
import java.util.List;
import java.util.Optional;

/** An evicting VPA on a workload with a single replica. */
public final class RecreateSingleReplica implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("vpa/recreate-single-replica", Severity.WARNING)
            .summary("A VPA evicts pods of a workload that runs a single replica")
            .rationale("""
                    In `Recreate` (and the deprecated `Auto`, and the default when no updatePolicy is written) the \
                    VPA applies recommendations by evicting pods. With one replica every update is an outage until \
                    the new pod is ready. By default the updater refuses to evict when fewer than 2 replicas are \
                    live (`--min-replicas`), so the recommendations then only apply when the pod restarts for \
                    another reason; `updatePolicy.minReplicas: 1` lifts that guard and makes each update an \
                    outage.""")
            .example("""
                    # Deployment db: replicas 1
                    kind: VerticalPodAutoscaler
                    spec:
                      targetRef: {apiVersion: apps/v1, kind: Deployment, name: db}
                      updatePolicy:
                        updateMode: Recreate
                        minReplicas: 1""")
            .remedy("""
                    Run at least two replicas with a PodDisruptionBudget, or use `updateMode: Initial` (requests set \
                    at pod creation only) or `InPlaceOrRecreate` (resize without restart where possible).""")
            .source("""
                    [A] docs/components.md, docs/flags.md (updater --min-replicas), pkg/apis/autoscaling.k8s.io/v1/\
                    types.go; research/vpa.md §2 and §5.""")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        if (!VpaView.isVpa(o)) {
            return false;
        }
        String mode = VpaView.of(o).effectiveMode();
        return mode.equals("Recreate") || mode.equals("Auto");
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        VpaView vpa = VpaView.of(o);
        Optional<KubeObject> target = VpaTargets.find(vpa, ctx.index());
        if (target.isEmpty() || !List.of("Deployment", "StatefulSet", "ReplicaSet").contains(target.get().kind())
                || Workloads.replicas(target.get()) != 1
                || !HorizontalScalers.of(ctx.index(), target.get()).isEmpty()) {
            return List.of();
        }
        JsonNode min = o.at(VpaView.UPDATE_POLICY.child("minReplicas"));
        String effect = min.isIntegralNumber() && min.asInt() <= 1
                ? "every update evicts the only pod, an outage until its replacement is ready"
                : "the updater skips workloads with fewer than 2 replicas, so recommendations apply only when the pod"
                        + " restarts anyway";
        return List.of(o.finding(INFO, vpa.updatePolicy() ? VpaView.UPDATE_MODE : VpaView.TARGET, !vpa.updatePolicy(),
                target.get().kind() + " `" + target.get().name() + "` runs 1 replica and this VPA evicts to update ("
                        + "mode `" + vpa.effectiveMode() + "`), so " + effect + "; run 2 or more replicas, or use"
                        + " `Initial` or `InPlaceOrRecreate`.", null));
    }
}
