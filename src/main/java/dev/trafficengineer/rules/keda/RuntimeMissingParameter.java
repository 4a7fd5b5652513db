package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.FixAvailability;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;

/** A trigger lacks a parameter its scaler requires. */
public final class RuntimeMissingParameter extends TriggerProblemRule {

    private static final RuleInfo INFO = RuleInfo.builder("keda/runtime-missing-parameter", Severity.ERROR)
            .summary("A trigger lacks a parameter its scaler requires")
            .rationale("""
                    KEDA's admission webhook does not read trigger metadata, so a ScaledObject without a \
                    required parameter is admitted. The scaler then fails to build (`missing required \
                    parameter ...`), the ScaledObject never becomes Ready, and nothing scales. A parameter \
                    may come from the metadata, from a TriggerAuthentication, or from the target's \
                    environment through `<name>FromEnv`; the finding appears only when none of those reviewed \
                    sources can provide it.""")
            .example("""
                    triggers:
                      - type: prometheus
                        metadata:
                          query: sum(rate(http_requests_total[2m]))
                          threshold: "100"       # serverAddress is missing""")
            .remedy("""
                    Add the parameter the message names, in one of the sources it lists; credentials belong \
                    in a TriggerAuthentication.""")
            .source("""
                    [K] pkg/scalers/scalersconfig/typed_config.go (setValue), pkg/scalers/*_scaler.go \
                    (parameter tags and Validate); schema/generated/scalers-schema.yaml.""")
            .fix(FixAvailability.NONE)
            .build();

    public RuntimeMissingParameter() {
        super(INFO, Problem.Kind.MISSING);
    }
}
