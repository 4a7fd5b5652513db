package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import dev.trafficengineer.source.JsonPointer;
import java.util.List;

/** KEDA's webhook: the ScaledObject name and the derived HPA name are label values, at most 63 characters. */
public final class AdmissionNameTooLong implements Rule {

    private static final int MAX = 63;
    private static final JsonPointer NAME = JsonPointer.of("metadata", "name");

    private static final RuleInfo INFO = RuleInfo.builder("keda/admission-name-too-long", Severity.ERROR)
            .summary("A ScaledObject name, or the HPA name derived from it, is longer than 63 characters")
            .rationale("""
                    KEDA labels objects with the ScaledObject's name (`scaledobject.keda.sh/name`) and names its \
                    HPA `keda-hpa-<name>`; both must fit a 63-character label value. The webhook therefore rejects \
                    names over 63 characters, and names over 54 characters unless \
                    `advanced.horizontalPodAutoscalerConfig.name` sets a shorter HPA name.""")
            .example("""
                    metadata:
                      name: payments-settlement-reconciliation-worker-eu-west-1-prod   # 55 characters""")
            .remedy("Shorten the name, or set `advanced.horizontalPodAutoscalerConfig.name` to an HPA name of 63 "
                    + "characters or fewer.")
            .source("[K] apis/keda/v1alpha1/scaledobject_webhook.go (verifyName); research/keda.md §3.3.")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return ScaledObjectView.isScaledObject(o);
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        ScaledObjectView so = ScaledObjectView.of(o);
        if (so.name().length() > MAX) {
            return List.of(o.finding(INFO, NAME, false, "KEDA's webhook rejects this ScaledObject: `scaledobject"
                    + " name \"" + so.name() + "\" is " + so.name().length() + " characters long; must be no more"
                    + " than 63 characters because it is used as the \"scaledobject.keda.sh/name\" label value`;"
                    + " shorten the name.", null));
        }
        String hpa = so.hpaName();
        if (hpa.length() > MAX) {
            JsonPointer at = so.customHpaName() != null ? ScaledObjectView.HPA_CONFIG.child("name") : NAME;
            return List.of(o.finding(INFO, at, false, "KEDA's webhook rejects this ScaledObject: `HPA name \"" + hpa
                    + "\" derived from scaledobject is " + hpa.length() + " characters long; must be no more than 63"
                    + " characters; set spec.advanced.horizontalPodAutoscalerConfig.name to a shorter name or"
                    + " shorten the scaledobject name`; do either.", null));
        }
        return List.of();
    }
}
