package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.FixAvailability;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import java.util.List;

/** A trigger uses a parameter KEDA removed and now rejects. */
public final class RuntimeRemovedParameter implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("keda/runtime-removed-parameter", Severity.ERROR)
            .summary("A trigger uses a parameter KEDA removed and now rejects")
            .rationale("""
                    KEDA keeps some removed parameters declared only to fail loudly: the cpu and memory \
                    metadata `type` (removed in v2.18, use the trigger's `metricType`) and the gcp-pubsub \
                    `subscriptionSize` (removed in v2.20, use `mode` and `value`). Setting them fails the \
                    scaler build.""")
            .example("""
                    - type: cpu
                      metadata:
                        type: Utilization      # removed in v2.18
                        value: "60"
                    """)
            .remedy("""
                    Remove the parameter and use its replacement: `metricType: Utilization` on the trigger \
                    for cpu and memory, `mode` and `value` for gcp-pubsub.""")
            .source("""
                    [K] pkg/scalers/cpu_memory_scaler.go, gcp_pubsub_scaler.go (deprecated tags); \
                    schema/generated/scalers-schema.yaml.""")
            .fix(FixAvailability.NONE)
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return TriggerAnalysis.appliesTo(o);
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        return TriggerAnalysis.of(o, ctx, Problem.Kind.REMOVED).stream()
                .map(p -> o.finding(INFO, p.at(), false, p.message(), p.fix()))
                .toList();
    }
}
