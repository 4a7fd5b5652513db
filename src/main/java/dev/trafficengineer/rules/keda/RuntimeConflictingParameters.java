package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.FixAvailability;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;

/** A trigger sets parameters its scaler refuses to combine. */
public final class RuntimeConflictingParameters extends TriggerProblemRule {

    private static final RuleInfo INFO = RuleInfo.builder("keda/runtime-conflicting-parameters", Severity.ERROR)
            .summary("A trigger sets parameters its scaler refuses to combine")
            .rationale("""
                    Several scalers reject combinations at build time: Kafka's `allowIdleConsumers` with \
                    `limitToPartitionsWithLag`, RabbitMQ's deprecated `queueLength` with `mode`/`value`, a \
                    Service Bus queue and topic together, `sasl` set both in metadata and in the \
                    TriggerAuthentication of an `apache-kafka` trigger. The webhook admits them; the scaler \
                    fails to build.""")
            .example("""
                    - type: rabbitmq
                      metadata:
                        queueName: orders
                        queueLength: "20"       # deprecated
                        mode: QueueLength       # cannot be combined with queueLength
                        value: "20"
                    """)
            .remedy("""
                    Keep one of the parameters the message names.""")
            .source("""
                    [K] pkg/scalers/kafka_scaler.go, apache_kafka_scaler.go, rabbitmq_scaler.go \
                    (validateTrigger), azure_servicebus_scaler.go, redis_scaler.go, prometheus_scaler.go \
                    (checkAuthConfigWithPodIdentity).""")
            .fix(FixAvailability.NONE)
            .build();

    public RuntimeConflictingParameters() {
        super(INFO, Problem.Kind.CONFLICT);
    }
}
