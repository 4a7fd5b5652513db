package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.FixAvailability;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;

/** A trigger metadata key is not read by its scaler. */
public final class MetadataKeyUnknown extends TriggerProblemRule {

    private static final RuleInfo INFO = RuleInfo.builder("keda/metadata-key-unknown", Severity.WARNING)
            .summary("A trigger metadata key is not read by its scaler")
            .rationale("""
                    KEDA ignores metadata keys its scaler does not declare (it warns only when \
                    KEDA_CHECK_UNEXPECTED_SCALERS_PARAMS is enabled). A misspelt optional key such as \
                    `activationTreshold` silently keeps the default; a key KEDA stopped reading, such as \
                    `metricName`, does nothing.""")
            .example("""
                    - type: prometheus
                      metadata:
                        activationTreshold: "5"    # read as activationThreshold? no: ignored""")
            .remedy("""
                    Rename the key to the parameter the message suggests, or remove it. The fix renames the \
                    key; it changes behaviour, so it is offered as unsafe.""")
            .source("""
                    [K] pkg/scalers/scalersconfig/typed_config.go; pkg/scaling/scalers_builder.go (unexpected \
                    parameters); schema/generated/scalers-schema.yaml.""")
            .fix(FixAvailability.SOMETIMES)
            .build();

    public MetadataKeyUnknown() {
        super(INFO, Problem.Kind.UNKNOWN_KEY);
    }
}
