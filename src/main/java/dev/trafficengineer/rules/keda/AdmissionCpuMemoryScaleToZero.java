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
import java.util.List;

/** Only cpu/memory triggers with minReplicaCount 0: rejected for Deployments and StatefulSets, useless elsewhere. */
public final class AdmissionCpuMemoryScaleToZero implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("keda/admission-cpu-memory-scale-to-zero", Severity.ERROR)
            .summary("A ScaledObject with only cpu or memory triggers asks to scale to zero")
            .rationale("""
                    With no pods there is no CPU or memory to measure, so a ScaledObject whose triggers are all \
                    cpu or memory can never scale back from zero; KEDA keeps it active instead. For an apps/v1 \
                    Deployment or StatefulSet target the webhook rejects it: `scaledobject has only cpu/memory \
                    triggers AND minReplica is 0 (scale to zero doesn't work in this case)`. `minReplicaCount` \
                    defaults to 0, so leaving it out counts.""")
            .example("""
                    spec:
                      scaleTargetRef:
                        name: web
                      triggers:           # minReplicaCount not set: 0
                        - type: cpu
                          metricType: Utilization
                          metadata:
                            value: "60\"""")
            .remedy("""
                    Set `minReplicaCount: 1` (the fix does: these triggers never scale below one pod anyway), or \
                    add an event trigger such as prometheus or a queue that can wake the workload from zero.""")
            .source("""
                    [K] apis/keda/v1alpha1/scaledobject_webhook.go (verifyCPUMemoryScalers), \
                    pkg/scaling/scale_handler.go (getScaledObjectState); research/keda.md §3.8 and §11.""")
            .fix(FixAvailability.SOMETIMES)
            .build();

    private static final RuleInfo OTHER_TARGET = RuleInfo.builder("keda/cpu-memory-never-scales-to-zero",
                    Severity.WARNING)
            .summary("A ScaledObject with only cpu or memory triggers cannot scale to zero")
            .rationale("""
                    For targets other than apps/v1 Deployments and StatefulSets the webhook does not check this, \
                    but the result is the same: KEDA treats cpu and memory triggers as always active, so \
                    `minReplicaCount: 0` never takes effect and the workload keeps at least one pod.""")
            .example("""
                    spec:
                      scaleTargetRef:
                        apiVersion: argoproj.io/v1alpha1
                        kind: Rollout
                        name: web
                      minReplicaCount: 0
                      triggers:
                        - type: memory""")
            .remedy("Set `minReplicaCount: 1` to say what happens, or add an event trigger that can scale from zero.")
            .source("[K] pkg/scaling/scale_handler.go (getScaledObjectState); research/keda.md §8.4 and §11.")
            .fix(FixAvailability.SOMETIMES)
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<RuleInfo> alsoReports() {
        return List.of(OTHER_TARGET);
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return ScaledObjectView.isScaledObject(o);
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        ScaledObjectView so = ScaledObjectView.of(o);
        if (!so.onlyCpuMemory() || !so.scalesToZero()) {
            return List.of();
        }
        Fix fix = minOne(o, so);
        if (so.target().appsV1DeploymentOrStatefulSet()) {
            return List.of(o.finding(INFO, so.minReplicaCount() != null ? ScaledObjectView.MIN : TargetRef.AT, true,
                    "KEDA's webhook rejects this ScaledObject: `scaledobject has only cpu/memory triggers AND"
                            + " minReplica is 0 (scale to zero doesn't work in this case)`; set `minReplicaCount: 1`"
                            + " or add an event trigger.", fix));
        }
        return List.of(o.finding(OTHER_TARGET, so.minReplicaCount() != null ? ScaledObjectView.MIN : TargetRef.AT,
                true, "With only cpu or memory triggers KEDA keeps the workload active, so `minReplicaCount: 0`"
                        + " never takes effect; set `minReplicaCount: 1` or add an event trigger.", fix));
    }

    private static Fix minOne(KubeObject o, ScaledObjectView so) {
        Edit edit = so.minReplicaCount() != null ? Edits.replaceValue(o, ScaledObjectView.MIN, "1")
                : KedaEdits.insertBefore(o, TargetRef.AT, "minReplicaCount: 1");
        return edit == null ? null : Fix.safe("Set minReplicaCount: 1", edit);
    }
}
