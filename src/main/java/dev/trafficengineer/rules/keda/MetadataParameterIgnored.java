package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.FixAvailability;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import java.util.List;

/** A trigger parameter is written in metadata but its scaler reads it only from elsewhere. */
public final class MetadataParameterIgnored implements Rule {

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
        return TriggerAnalysis.of(o, ctx, Problem.Kind.IGNORED).stream()
                .map(p -> o.finding(INFO, p.at(), false, p.message(), p.fix()))
                .toList();
    }
}
