package dev.trafficengineer.rules.vpa;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import dev.trafficengineer.source.JsonPointer;
import java.util.List;

/** VPA admission: updatePolicy.minReplicas must be positive. */
public final class AdmissionMinReplicasNotPositive implements Rule {

    private static final JsonPointer MIN = VpaView.UPDATE_POLICY.child("minReplicas");

    private static final RuleInfo INFO = RuleInfo.builder("vpa/admission-min-replicas-not-positive", Severity.ERROR)
            .summary("A VPA's updatePolicy.minReplicas is not positive")
            .rationale("""
                    `minReplicas` is how many live replicas the updater requires before it evicts a pod. The \
                    admission controller rejects 0 or less: `spec.updatePolicy.minReplicas: Invalid value: 0: \
                    minReplicas has to be positive`.""")
            .example("""
                    spec:
                      updatePolicy:
                        updateMode: Recreate
                        minReplicas: 0""")
            .remedy("Use 1 or more, or remove it to keep the updater's default of 2.")
            .source("[A] pkg/admission-controller/resource/vpa/validation.go; research/vpa.md §4.")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return VpaView.isVpa(o) && o.at(MIN).isIntegralNumber();
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        JsonNode min = o.at(MIN);
        if (min.asLong() > 0) {
            return List.of();
        }
        return List.of(o.finding(INFO, MIN, false, "The VPA admission controller rejects this: `spec.updatePolicy."
                + "minReplicas: Invalid value: " + min.asLong() + ": minReplicas has to be positive`; use 1 or more.",
                null));
    }
}
