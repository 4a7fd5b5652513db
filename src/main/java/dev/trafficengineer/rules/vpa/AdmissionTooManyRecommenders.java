package dev.trafficengineer.rules.vpa;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import dev.trafficengineer.source.JsonPointer;
import java.util.List;

/** VPA admission: at most one recommender. */
public final class AdmissionTooManyRecommenders implements Rule {

    private static final JsonPointer RECOMMENDERS = VpaView.SPEC.child("recommenders");

    private static final RuleInfo INFO = RuleInfo.builder("vpa/admission-too-many-recommenders", Severity.ERROR)
            .summary("A VPA names more than one recommender")
            .rationale("""
                    `spec.recommenders` selects which recommender writes this VPA's recommendations; only one is \
                    supported, and the admission controller rejects more (`spec.recommenders: Too many: 2: must \
                    have at most 1 item`).""")
            .example("""
                    spec:
                      recommenders:
                        - name: default
                        - name: performance""")
            .remedy("Keep one recommender, or none for the default.")
            .source("[A] pkg/admission-controller/resource/vpa/validation.go (validateVPASpec); research/vpa.md §4.")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return VpaView.isVpa(o) && o.at(RECOMMENDERS).size() > 1;
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        return List.of(o.finding(INFO, RECOMMENDERS, true, "The VPA admission controller rejects this: `spec."
                + "recommenders: Too many: " + o.at(RECOMMENDERS).size() + ": must have at most 1 item`; keep one"
                + " recommender.", null));
    }
}
