package dev.trafficengineer.rules.hpa;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import dev.trafficengineer.rules.kube.ScaleTargetIndex;
import dev.trafficengineer.rules.workload.ScaleTargets;
import java.util.ArrayList;
import java.util.List;

/** An HPA and a KEDA ScaledObject on one target: KEDA's own HPA and this one fight. */
public final class HpaKedaConflict implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("hpa/keda-conflict", Severity.ERROR)
            .summary("A KEDA ScaledObject scales the same target as this HPA")
            .rationale("""
                    A ScaledObject works by creating an HPA of its own (`keda-hpa-<name>`, or the name in \
                    `advanced.horizontalPodAutoscalerConfig.name`) on its target. With this HPA on the same \
                    workload there are two HPAs writing one replica count: KEDA's admission webhook rejects the \
                    ScaledObject when this HPA exists first, and when it does not, the two fight and the controller \
                    stops both (AmbiguousSelector). This rule reports the HPA side; `keda/` rules report the \
                    ScaledObject side. It stays quiet when the HPA is KEDA's own (owned by the ScaledObject) or when \
                    the ScaledObject adopts it (`scaledobject.keda.sh/transfer-hpa-ownership: \"true\"` naming it \
                    in `advanced.horizontalPodAutoscalerConfig.name`).""")
            .example("""
                    # HPA ui:          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ui}
                    # ScaledObject ui: scaleTargetRef: {name: ui}   # kind defaults to Deployment""")
            .remedy("""
                    Pick one autoscaler: move this HPA's metrics into the ScaledObject (KEDA has cpu and memory \
                    triggers) and delete the HPA, or let KEDA adopt it with the transfer-hpa-ownership annotation \
                    and its name in `advanced.horizontalPodAutoscalerConfig.name`.""")
            .source("""
                    kedacore/keda apis/keda/v1alpha1/scaledobject_webhook.go (verifyHpas), controllers/keda/hpa.go; \
                    KEDA docs, "Scaling Deployments" (transfer HPA ownership); research/keda.md §3.6, §9, §13.""")
            .build();

    static final String KEDA_API = "keda.sh/v1alpha1";
    static final String TRANSFER = "scaledobject.keda.sh/transfer-hpa-ownership";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return HpaView.isHpa(o);
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        HpaView hpa = HpaView.of(o).orElseThrow();
        TargetRef ref = hpa.target();
        if (!ref.complete()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (KubeObject so : ScaleTargetIndex.horizontal(ctx.index(), o.namespace(), ref.name())) {
            if (!so.kind().equals("ScaledObject") || !so.apiVersion().equals(KEDA_API) || !sameTarget(ref, so.tree().path("spec").path("scaleTargetRef"))
                    || ownedBy(o, so) || adopts(so, o)) {
                continue;
            }
            String hpaName = so.tree().path("spec").path("advanced").path("horizontalPodAutoscalerConfig")
                    .path("name").asText("keda-hpa-" + so.name());
            out.add(o.finding(INFO, ref.nameAt(), "ScaledObject `" + so.name() + "` also scales " + ref.display()
                    + " through the HPA KEDA creates for it (`" + hpaName + "`), so two HPAs fight over its replica"
                    + " count; move this HPA's metrics into the ScaledObject's triggers and delete it, or have KEDA"
                    + " adopt it with `" + TRANSFER + ": \"true\"` and `advanced.horizontalPodAutoscalerConfig.name: "
                    + o.name() + "`."));
        }
        return out;
    }

    /** KEDA's reference defaults: apiVersion apps/v1, kind Deployment (apis/keda/v1alpha1/gvkr.go ParseGVKR). */
    private static boolean sameTarget(TargetRef hpa, JsonNode soRef) {
        String name = soRef.path("name").asText("");
        String kind = soRef.path("kind").asText("").isEmpty() ? "Deployment" : soRef.path("kind").asText();
        String apiVersion = soRef.path("apiVersion").asText("").isEmpty() ? "apps/v1" : soRef.path("apiVersion").asText();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        return name.equals(hpa.name()) && kind.equals(hpa.kind())
                && (ScaleTargets.classify(kind) == ScaleTargets.Kind.SCALABLE || group.equals(hpa.group()));
    }

    /** KEDA's own HPA: controlled by the ScaledObject. */
    private static boolean ownedBy(KubeObject hpa, KubeObject so) {
        for (JsonNode owner : hpa.tree().path("metadata").path("ownerReferences")) {
            if (owner.path("kind").asText("").equals("ScaledObject") && owner.path("name").asText("").equals(so.name())) {
                return true;
            }
        }
        return false;
    }

    /** The ScaledObject takes this HPA over (webhook verifyHpas: annotation plus the HPA's name). */
    private static boolean adopts(KubeObject so, KubeObject hpa) {
        return "true".equals(so.annotations().get(TRANSFER)) && hpa.name().equals(so.tree().path("spec")
                .path("advanced").path("horizontalPodAutoscalerConfig").path("name").asText(""));
    }
}
