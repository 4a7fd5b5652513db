package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.FixAvailability;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;

/** A trigger parameter has a value its scaler cannot use. */
public final class RuntimeInvalidParameter extends TriggerProblemRule {

    private static final RuleInfo INFO = RuleInfo.builder("keda/runtime-invalid-parameter", Severity.ERROR)
            .summary("A trigger parameter has a value its scaler cannot use")
            .rationale("""
                    KEDA parses metadata only when it builds the scaler: numbers through Go's JSON decoder \
                    (so `0.5` works for a float but not for an integer), booleans through strconv.ParseBool, \
                    enums exactly as spelled (`scram_sha512`, not `SCRAM-SHA-512`). A bad value passes \
                    admission and then fails the scaler build, or fails every poll (an unknown cron timezone, \
                    a Prometheus `serverAddress` that ends in `/api/v1`).""")
            .example("""
                    triggers:
                      - type: kafka
                        metadata:
                          sasl: SCRAM-SHA-512        # KEDA expects scram_sha512
                          tls: "true"               # KEDA expects enable""")
            .remedy("""
                    Write the value the message asks for. When only the spelling of an enum value is off, the \
                    fix writes the exact value KEDA expects.""")
            .source("""
                    [K] pkg/scalers/scalersconfig/typed_config.go; pkg/scalers/prometheus_scaler.go, \
                    kafka_scaler.go, apache_kafka_scaler.go, cron_scaler.go, rabbitmq_scaler.go, \
                    cpu_memory_scaler.go; robfig/cron v3 parser.go; research/keda.md §7-§8.""")
            .fix(FixAvailability.SOMETIMES)
            .build();

    public RuntimeInvalidParameter() {
        super(INFO, Problem.Kind.INVALID);
    }
}
