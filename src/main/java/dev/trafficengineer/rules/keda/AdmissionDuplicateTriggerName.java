package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** KEDA's webhook: named triggers must have unique names. */
public final class AdmissionDuplicateTriggerName implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("keda/admission-duplicate-trigger-name", Severity.ERROR)
            .summary("Two triggers have the same name")
            .rationale("""
                    Trigger names identify triggers in `scalingModifiers` formulas and in metric names, so KEDA's \
                    webhook rejects a ScaledObject or ScaledJob in which two triggers share a non-empty name. \
                    Unnamed triggers never collide.""")
            .example("""
                    triggers:
                      - type: prometheus
                        name: load
                      - type: cron
                        name: load      # rejected: the name is taken""")
            .remedy("Give each named trigger its own name, and update any formula that refers to it.")
            .source("[K] apis/keda/v1alpha1/scaletriggers_types.go (ValidateTriggers); research/keda.md §3.2.")
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
        Set<String> seen = new HashSet<>();
        List<Finding> out = new ArrayList<>();
        for (Trigger t : Trigger.of(o)) {
            if (!t.name().isEmpty() && !seen.add(t.name())) {
                out.add(o.finding(INFO, t.at().child("name"), false, "KEDA's webhook rejects this " + o.kind()
                        + ": `triggerName \"" + t.name() + "\" is defined multiple times in the"
                        + " ScaledObject/ScaledJob, but it must be unique`; rename one of the triggers.", null));
            }
        }
        return out;
    }
}
