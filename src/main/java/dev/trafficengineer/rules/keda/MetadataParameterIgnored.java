package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.FixAvailability;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;

/** A trigger parameter is written in metadata but its scaler reads it only from elsewhere. */
public final class MetadataParameterIgnored extends TriggerProblemRule {

    private static final RuleInfo INFO = RuleInfo.builder("keda/metadata-parameter-ignored", Severity.WARNING)
            .summary("A trigger parameter is written in metadata but its scaler reads it only from elsewhere")
            .rationale("""
                    Some parameters are read only from a TriggerAuthentication (Kafka `username`, `password`, \
                    `ca`, `cert`, `key`; RabbitMQ `tls`) or from the target's environment. Written in \
                    metadata they are silently ignored, so the scaler runs without them, usually without \
                    authentication or TLS.""")
            .example("""
                    - type: kafka
                      metadata:
                        sasl: plaintext
                        username: app          # ignored: read only from a TriggerAuthentication""")
            .remedy("""
                    Move the parameter into a TriggerAuthentication (secretTargetRef) and reference it with \
                    `authenticationRef`.""")
            .source("""
                    [K] pkg/scalers/kafka_scaler.go, rabbitmq_scaler.go (order tags); \
                    schema/generated/scalers-schema.yaml (metadataVariableReadable).""")
            .fix(FixAvailability.NONE)
            .build();

    public MetadataParameterIgnored() {
        super(INFO, Problem.Kind.IGNORED);
    }
}
