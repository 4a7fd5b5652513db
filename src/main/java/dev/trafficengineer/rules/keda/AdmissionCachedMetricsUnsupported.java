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
import java.util.ArrayList;
import java.util.List;

/** useCachedMetrics on a cpu, memory or cron trigger (rejected), or on any ScaledJob trigger (ignored). */
public final class AdmissionCachedMetricsUnsupported implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("keda/admission-cached-metrics-unsupported", Severity.ERROR)
            .summary("A cpu, memory or cron trigger sets useCachedMetrics")
            .rationale("""
                    Cached metrics are served by KEDA's metrics server from its own polling. cpu and memory \
                    metrics come from the Kubernetes metrics server and cron is computed, so KEDA's webhook \
                    rejects `useCachedMetrics: true` on them: `property "useCachedMetrics" is not supported for \
                    "cpu" scaler`.""")
            .example("""
                    triggers:
                      - type: cpu
                        metricType: Utilization
                        useCachedMetrics: true
                        metadata:
                          value: "60\"""")
            .remedy("Remove `useCachedMetrics` from the trigger; the fix deletes the line.")
            .source("[K] apis/keda/v1alpha1/scaletriggers_types.go (ValidateTriggers); research/keda.md §3.2.")
            .fix(FixAvailability.SOMETIMES)
            .build();

    private static final RuleInfo SCALED_JOB = RuleInfo.builder("keda/scaledjob-cached-metrics-ignored",
                    Severity.WARNING)
            .summary("A ScaledJob trigger sets useCachedMetrics, which KEDA ignores")
            .rationale("""
                    ScaledJobs are not scaled through an HPA, so there is no metrics request to answer from a \
                    cache: KEDA accepts `useCachedMetrics` on their triggers and only logs `property \
                    useCachedMetrics is not supported for ScaledJobs`.""")
            .example("""
                    kind: ScaledJob
                    spec:
                      triggers:
                        - type: rabbitmq
                          useCachedMetrics: true""")
            .remedy("Remove `useCachedMetrics`; tune `pollingInterval` instead.")
            .source("[K] controllers/keda/scaledjob_controller.go; research/keda.md §4.")
            .fix(FixAvailability.SOMETIMES)
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<RuleInfo> alsoReports() {
        return List.of(SCALED_JOB);
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return TriggerAnalysis.appliesTo(o);
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Trigger t : Trigger.of(o)) {
            if (!t.useCachedMetrics()) {
                continue;
            }
            Edit edit = Edits.deleteEntry(o, t.at().child("useCachedMetrics"));
            Fix fix = edit == null ? null : Fix.safe("Remove useCachedMetrics", edit);
            if (t.isCpuMemory() || t.type().equals("cron")) {
                out.add(o.finding(INFO, t.at().child("useCachedMetrics"), false, "KEDA's webhook rejects this "
                        + o.kind() + ": `property \"useCachedMetrics\" is not supported for \"" + t.type()
                        + "\" scaler`; remove `useCachedMetrics` from the " + t.label() + ".", fix));
            } else if (ScaledObjectView.isScaledJob(o)) {
                out.add(o.finding(SCALED_JOB, t.at().child("useCachedMetrics"), false, "KEDA ignores"
                        + " `useCachedMetrics` on ScaledJob triggers (it only logs that it is not supported);"
                        + " remove it.", fix));
            }
        }
        return out;
    }
}
