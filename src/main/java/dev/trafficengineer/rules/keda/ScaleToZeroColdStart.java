package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;

/** Advice for ScaledObjects that scale to zero: the cold start, and the mitigations that fit this one. */
public final class ScaleToZeroColdStart implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("keda/scale-to-zero-cold-start", Severity.INFO)
            .summary("A ScaledObject scales to zero, so the first event after a quiet period waits for a cold start")
            .rationale("""
                    With `minReplicaCount: 0` (KEDA's default) the workload has no pods while idle. The first event \
                    waits up to `pollingInterval` for KEDA to notice it, then for a pod to be scheduled, pull its \
                    image and become ready; only then does the HPA scale further. That is fine for queues, often not \
                    for request paths. The message lists the mitigations that fit this object: a cron trigger that \
                    keeps pods warm in business hours, `idleReplicaCount: 0` with a higher `minReplicaCount` to wake \
                    straight to several pods, a lower activation threshold, a shorter `pollingInterval`.""")
            .example("""
                    spec:
                      minReplicaCount: 0
                      triggers:
                        - type: prometheus""")
            .remedy("""
                    Accept the cold start for asynchronous work; otherwise apply one of the listed mitigations, or \
                    keep `minReplicaCount: 1`.""")
            .source("""
                    [D] concepts/scaling-deployments.md, scalers/cron.md, reference/scaledobject-spec.md; \
                    research/keda.md §10-§11.""")
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
        ScaledObjectView so = ScaledObjectView.of(o);
        if (!so.scalesToZero() || so.triggers().isEmpty() || so.onlyCpuMemory()) {
            return List.of();
        }
        List<String> ideas = new ArrayList<>();
        if (so.triggers().stream().noneMatch(t -> t.type().equals("cron"))) {
            ideas.add("a `cron` trigger to keep pods warm during busy hours");
        }
        if (so.idleReplicaCount() == null) {
            ideas.add("`minReplicaCount` above 1 with `idleReplicaCount: 0` to wake straight to that many pods");
        }
        for (Activation.Pair p : Activation.of(so)) {
            if (p.activation().signum() > 0) {
                ideas.add("a lower `" + p.activationKey() + "` (now " + p.activation().toPlainString()
                        + ") to wake earlier");
            }
        }
        int polling = so.pollingInterval() != null ? so.pollingInterval() : ScaledObjectView.DEFAULT_POLLING;
        if (polling > 15) {
            ideas.add("a shorter `pollingInterval` (now " + polling + " s) to notice the first event sooner");
        }
        if (ideas.isEmpty()) {
            return List.of();
        }
        var at = so.minReplicaCount() != null ? ScaledObjectView.MIN : TargetRef.AT;
        return List.of(o.finding(INFO, at, true, "This ScaledObject scales to zero, so the first event after a quiet"
                + " period waits up to " + polling + " s for KEDA plus a pod start; if that latency matters consider "
                + String.join(", ", ideas) + ", or `minReplicaCount: 1`.", null));
    }
}
