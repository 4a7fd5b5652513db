package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.FixAvailability;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;

/** A trigger uses a parameter KEDA removed and now rejects. */
public final class RuntimeRemovedParameter extends TriggerProblemRule {

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

    public RuntimeRemovedParameter() {
        super(INFO, Problem.Kind.REMOVED);
    }
}
