package dev.trafficengineer.rules.keda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import dev.trafficengineer.rules.kube.Conflicts;
import dev.trafficengineer.rules.kube.ScaleTargetIndex;
import java.util.ArrayList;
import java.util.List;

/** KEDA's webhook rejects a ScaledObject whose workload an HPA it does not own already scales. */
public final class AdmissionTargetHasHpa implements Rule {

    static final String TRANSFER = "scaledobject.keda.sh/transfer-hpa-ownership";
    static final String OWNERSHIP = "validations.keda.sh/hpa-ownership";

    private static final RuleInfo INFO = RuleInfo.builder("keda/admission-target-has-hpa", Severity.ERROR)
            .summary("An HorizontalPodAutoscaler KEDA does not own already scales the ScaledObject's workload")
            .rationale("""
                    A ScaledObject works by creating its own HPA; a second HPA on the same workload would fight it \
                    every sync. KEDA's webhook therefore rejects the ScaledObject when an HPA in its namespace \
                    targets the same name and group/version/kind, unless the HPA is owned by this ScaledObject, \
                    carries `validations.keda.sh/hpa-ownership: "false"` (on the HPA, not the ScaledObject), or is \
                    handed over with `scaledobject.keda.sh/transfer-hpa-ownership: "true"` plus its name in \
                    `advanced.horizontalPodAutoscalerConfig.name`. Between objects of different files, which may \
                    never be applied together, the finding is a warning.""")
            .example("""
                    # HPA web-hpa targets Deployment web; this ScaledObject does too
                    spec:
                      scaleTargetRef:
                        name: web""")
            .remedy("""
                    Delete the HPA and let KEDA create its own, or adopt it: annotate the ScaledObject with \
                    `scaledobject.keda.sh/transfer-hpa-ownership: "true"` and set \
                    `advanced.horizontalPodAutoscalerConfig.name` to the HPA's name.""")
            .source("[K] apis/keda/v1alpha1/scaledobject_webhook.go (verifyHpas); research/keda.md §3.6.")
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
        List<Finding> out = new ArrayList<>();
        if (so.target().name().isEmpty()) {
            return out;
        }
        for (KubeObject hpa : ScaleTargetIndex.horizontal(ctx.index(), o.namespace(), so.target().name())) {
            if (!hpa.kind().equals("HorizontalPodAutoscaler") || "false".equals(hpa.annotations().get(OWNERSHIP))) {
                continue;
            }
            TargetRef ref = TargetRef.of(hpa.tree().path("spec").path("scaleTargetRef"));
            if (!ref.gvk().equals(so.target().gvk()) || !ref.name().equals(so.target().name()) || ownedBy(hpa, o)) {
                continue;
            }
            String type = so.target().gvk();
            if ("true".equals(o.annotations().get(TRANSFER))) {
                if (hpa.name().equals(so.customHpaName())) {
                    continue; // KEDA adopts it
                }
                out.add(Conflicts.scoped(o.finding(INFO, TargetRef.AT.child("name"), false, "KEDA's webhook rejects"
                        + " this ScaledObject: `the existing hpa '" + hpa.name() + "' for workload '"
                        + so.target().name() + "' of type '" + type + "' must be specified by name in advanced"
                        + " settings to enable ownership transfer`; set `advanced.horizontalPodAutoscalerConfig.name: "
                        + hpa.name() + "`.", null), o, hpa));
            } else {
                out.add(Conflicts.scoped(o.finding(INFO, TargetRef.AT.child("name"), false, "KEDA's webhook rejects"
                        + " this ScaledObject: `the workload '" + so.target().name() + "' of type '" + type
                        + "' is already managed by the hpa '" + hpa.name() + "'`; delete that HPA, or adopt it"
                        + " with `" + TRANSFER + ": \"true\"` and `advanced.horizontalPodAutoscalerConfig.name: "
                        + hpa.name() + "`.", null), o, hpa));
            }
        }
        return out;
    }

    private static boolean ownedBy(KubeObject hpa, KubeObject so) {
        for (JsonNode owner : hpa.tree().path("metadata").path("ownerReferences")) {
            if (owner.path("kind").asText("").equals(so.kind()) && owner.path("name").asText("").equals(so.name())) {
                return true;
            }
        }
        return false;
    }
}
