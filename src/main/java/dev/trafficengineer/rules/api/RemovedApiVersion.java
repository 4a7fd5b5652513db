package dev.trafficengineer.rules.api;

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
import dev.trafficengineer.rules.hpa.V2beta1Conversion;
import dev.trafficengineer.source.JsonPointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An apiVersion the target cluster (or the current controller) no longer serves. */
public final class RemovedApiVersion implements Rule {

    static final JsonPointer API_VERSION = JsonPointer.of("apiVersion");

    private static final RuleInfo INFO = RuleInfo.builder("api/removed-version", Severity.ERROR)
            .summary("The apiVersion is no longer served")
            .rationale("""
                    Kubernetes stops serving beta API versions a few releases after the stable version ships, and \
                    KEDA 2 and the VPA serve only their current groups. A manifest with a removed apiVersion is \
                    rejected by `kubectl apply` ("no matches for kind"), so the autoscaler silently never exists. \
                    Which versions are removed follows `--kubernetes-version`.""")
            .example("""
                    apiVersion: autoscaling/v2beta2   # removed in Kubernetes 1.26
                    kind: HorizontalPodAutoscaler""")
            .remedy("""
                    Use the replacement the message names. Where the fields are unchanged (autoscaling/v2beta2 to \
                    autoscaling/v2, VPA v1beta2 to v1) the fix only changes `apiVersion`; for an autoscaling/v2beta1 \
                    HPA it also rewrites the metric targets exactly as the API server converts them \
                    (`targetAverageUtilization: 50` becomes `target: {type: Utilization, averageUtilization: 50}`, \
                    `metricName` moves into `metric.name`), when they are written in block style without comments; \
                    otherwise move the changed fields as the message says.""")
            .source("""
                    Kubernetes deprecated API migration guide (v1.16, v1.25 and v1.26 sections); KEDA 2.0 \
                    migration guide; VPA CRD vpa-v1-crd-gen.yaml at vertical-pod-autoscaler/v1.7.1; \
                    kubernetes/kubernetes pkg/apis/autoscaling/v2beta1/conversion.go.""")
            .fix(FixAvailability.SOMETIMES)
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return ApiVersions.find(o.apiVersion(), o.kind()).isPresent();
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        ApiVersions.Entry e = ApiVersions.find(o.apiVersion(), o.kind()).orElseThrow();
        if (!e.removedIn(ctx.options().kubernetesVersion())) {
            return List.of();
        }
        String when = e.removed() == null ? "is not served by current controllers"
                : "was removed in Kubernetes " + e.removed();
        String message = "`" + e.apiVersion() + "` " + when + "; use `" + e.replacement() + "` ("
                + e.note() + ").";
        Fix fix = null;
        Edit edit = Edits.replaceScalar(o, API_VERSION, e.replacement());
        if (edit != null && e.renameOnly()) {
            fix = Fix.safe("Change apiVersion to " + e.replacement(), edit);
        } else if (edit != null && o.kind().equals("HorizontalPodAutoscaler")
                && e.apiVersion().equals("autoscaling/v2beta1")) {
            // the metrics move as the API server's own conversion moves them, so the HPA means the same
            Optional<List<Edit>> metrics = V2beta1Conversion.metricEdits(o);
            if (metrics.isPresent()) {
                List<Edit> edits = new ArrayList<>(List.of(edit));
                edits.addAll(metrics.get());
                fix = new Fix("Change apiVersion to autoscaling/v2 and write the metric targets as v2 does", true,
                        edits);
            }
        }
        return List.of(o.finding(INFO, API_VERSION, false, message, fix));
    }
}
