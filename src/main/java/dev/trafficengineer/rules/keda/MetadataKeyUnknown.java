package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.FixAvailability;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import java.util.List;

/** A trigger metadata key is not read by its scaler. */
public final class MetadataKeyUnknown implements Rule {

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
        return TriggerAnalysis.of(o, ctx, Problem.Kind.UNKNOWN_KEY).stream()
                .map(p -> o.finding(INFO, p.at(), false, p.message(), p.fix()))
                .toList();
    }
}
