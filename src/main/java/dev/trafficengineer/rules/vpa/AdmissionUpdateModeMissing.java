package dev.trafficengineer.rules.vpa;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import java.util.List;

/** VPA admission: an updatePolicy needs an updateMode. */
public final class AdmissionUpdateModeMissing implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("vpa/admission-update-mode-missing", Severity.ERROR)
            .summary("A VPA's updatePolicy has no updateMode")
            .rationale("""
                    The VPA admission controller fills in `updateMode: Recreate` only when `updatePolicy` is absent; \
                    an `updatePolicy` without `updateMode` (for example one that only sets `minReplicas`) is \
                    rejected: `spec.updatePolicy.updateMode: Required value: updateMode is required if UpdatePolicy \
                    is used`.""")
            .example("""
                    spec:
                      updatePolicy:
                        minReplicas: 2""")
            .remedy("Write the mode you want: `Off`, `Initial`, `Recreate` or `InPlaceOrRecreate`.")
            .source("""
                    [A] pkg/admission-controller/resource/vpa/validation.go (validateVPASpecUpdatePolicy); \
                    research/vpa.md §4.""")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return VpaView.isVpa(o) && o.at(VpaView.UPDATE_POLICY).isObject();
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        if (o.at(VpaView.UPDATE_MODE).isTextual()) {
            return List.of();
        }
        return List.of(o.finding(INFO, VpaView.UPDATE_POLICY, true, "The VPA admission controller rejects this: `"
                + "spec.updatePolicy.updateMode: Required value: updateMode is required if UpdatePolicy is used`; set"
                + " `updateMode`, e.g. `Recreate` or `Off`.", null));
    }
}
