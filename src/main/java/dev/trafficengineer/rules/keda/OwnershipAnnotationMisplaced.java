package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import dev.trafficengineer.source.JsonPointer;
import java.util.List;

/** validations.keda.sh/hpa-ownership is read from the HPA; on a ScaledObject it does nothing. */
public final class OwnershipAnnotationMisplaced implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("keda/ownership-annotation-on-scaledobject",
                    Severity.WARNING)
            .summary("The HPA ownership annotation is set on a ScaledObject, where KEDA ignores it")
            .rationale("""
                    KEDA's webhook reads `validations.keda.sh/hpa-ownership` from each existing HPA and skips the \
                    conflict check only when that HPA says `"false"`. KEDA's own docs show it on the ScaledObject, \
                    where it has no effect, so the ScaledObject is still rejected next to an existing HPA.""")
            .example("""
                    kind: ScaledObject
                    metadata:
                      annotations:
                        validations.keda.sh/hpa-ownership: "true"   # ignored here""")
            .remedy("""
                    Remove it from the ScaledObject; to let an existing HPA coexist, annotate that HPA with \
                    `validations.keda.sh/hpa-ownership: "false"`, or adopt it with \
                    `scaledobject.keda.sh/transfer-hpa-ownership`.""")
            .source("""
                    [K] apis/keda/v1alpha1/scaledobject_webhook.go (verifyHpas); [D] \
                    concepts/scaling-deployments.md vs operate/admission-webhooks.md; research/keda.md §3.6.""")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return ScaledObjectView.isScaledObject(o) && o.annotations().containsKey(AdmissionTargetHasHpa.OWNERSHIP);
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        return List.of(o.finding(INFO, JsonPointer.of("metadata", "annotations", AdmissionTargetHasHpa.OWNERSHIP),
                true, "KEDA reads `" + AdmissionTargetHasHpa.OWNERSHIP + "` only from HPAs, so it has no effect on a"
                        + " ScaledObject; put `\"false\"` on the existing HPA instead, or remove it.", null));
    }
}
