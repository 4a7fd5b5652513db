package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.Edit;
import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.Fix;
import dev.trafficengineer.finding.FixAvailability;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.Edits;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A trigger type KEDA has no scaler for. */
public final class RuntimeUnknownTriggerType implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("keda/runtime-unknown-trigger-type", Severity.ERROR)
            .summary("A trigger type names no KEDA scaler")
            .rationale("""
                    The CRD accepts any non-empty `type` and the webhook does not check it, so a misspelt type \
                    (`Prometheus`, `kafka-topic`, `cpu-utilization`) is admitted. KEDA then fails to build the \
                    scaler with `no scaler found for type`, and the ScaledObject never becomes Ready.""")
            .example("""
                    triggers:
                      - type: Prometheus     # types are lowercase: prometheus""")
            .remedy("""
                    Use one of the trigger types KEDA lists in its scaler docs. When the type differs from a \
                    known one only in case, the fix writes the known spelling.""")
            .source("[K] pkg/scaling/scalers_builder.go (buildScaler); research/keda.md §6.")
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
        List<Finding> out = new ArrayList<>();
        for (Trigger t : Trigger.of(o)) {
            if (t.type().isEmpty() || Scalers.KNOWN_TYPES.contains(t.type())) {
                continue; // an empty type is the CRD's (minLength: 1) to reject
            }
            String known = Scalers.KNOWN_TYPES.stream()
                    .filter(k -> k.equals(t.type().toLowerCase(Locale.ROOT).replace('_', '-'))).findFirst()
                    .orElse(null);
            Fix fix = null;
            if (known != null) {
                Edit edit = Edits.replaceScalar(o, t.at().child("type"), known);
                fix = edit == null ? null : Fix.safe("Write type: " + known, edit);
            }
            out.add(o.finding(INFO, t.at().child("type"), false, "KEDA cannot build a scaler for the " + t.label()
                    + ": `no scaler found for type: " + t.type() + "`; "
                    + (known != null ? "write `" + known + "`." : "use a trigger type KEDA knows."), fix));
        }
        return out;
    }
}
