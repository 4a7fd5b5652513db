package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.FixAvailability;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;

/** A trigger's target value is zero or negative. */
public final class RuntimeThresholdNotPositive extends TriggerProblemRule {

    private static final RuleInfo INFO = RuleInfo.builder("keda/runtime-threshold-not-positive", Severity.ERROR)
            .summary("A trigger's target value is zero or negative")
            .rationale("""
                    KEDA turns a scaler's target (`threshold`, `lagThreshold`, `queueLength`, a cpu \
                    utilization...) into the target of the HPA it creates, formatted with three decimals. \
                    Zero, a negative number, or a value that rounds to 0.000 becomes a target the HPA API \
                    rejects as not positive, so the HPA is never created; some scalers reject it themselves first.""")
            .example("""
                    - type: prometheus
                      metadata:
                        threshold: "0"
                    """)
            .remedy("""
                    Use a target above 0: the metric value one replica should handle.""")
            .source("""
                    [K] pkg/scalers/scaler.go (GetMetricTargetMili, quantity formatting); kubernetes \
                    pkg/apis/autoscaling/validation/validation.go (metric targets must be positive); \
                    kafka_scaler.go, kubernetes_workload_scaler.go.""")
            .fix(FixAvailability.NONE)
            .build();

    public RuntimeThresholdNotPositive() {
        super(INFO, Problem.Kind.THRESHOLD);
    }
}
