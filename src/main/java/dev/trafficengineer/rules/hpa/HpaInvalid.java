package dev.trafficengineer.rules.hpa;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import dev.trafficengineer.rules.hpa.validation.ErrorType;
import dev.trafficengineer.rules.hpa.validation.FieldError;
import dev.trafficengineer.rules.hpa.validation.HpaValidation;
import dev.trafficengineer.rules.hpa.validation.ValidationOptions;
import java.util.ArrayList;
import java.util.List;

/** What the Kubernetes API server rejects in an autoscaling/v2 HorizontalPodAutoscaler, in its own words. */
public final class HpaInvalid implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("hpa/invalid", Severity.ERROR)
            .summary("The API server rejects this HorizontalPodAutoscaler")
            .rationale("""
                    The review decodes, defaults and validates the HPA exactly as the API server does for a create \
                    (autoscaling/v2, at `--kubernetes-version`, with that release's feature gates), so each \
                    finding is an error `kubectl apply` would print: the field in the server's own terms, the \
                    error type and the detail. Omitted fields the server defaults (policies, selectPolicy, \
                    minReplicas) never fail.""")
            .example("""
                    behavior:
                      scaleUp:
                        policies:
                          - type: Pods
                            value: 4
                            periodSeconds: 0   # must be greater than zero""")
            .remedy("Change the field the message names as it says; the server accepts nothing else.")
            .source("""
                    kubernetes/kubernetes pkg/apis/autoscaling/validation/validation.go \
                    (ValidateHorizontalPodAutoscaler and its helpers), pkg/apis/autoscaling/v2/defaults.go, \
                    pkg/registry/autoscaling/horizontalpodautoscaler/strategy.go; research/k8s-hpa.md §2–3.""")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return o.kind().equals("HorizontalPodAutoscaler") && o.apiVersion().equals("autoscaling/v2");
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        ValidationOptions options = ValidationOptions.forVersion(ctx.options().kubernetesVersion());
        List<Finding> out = new ArrayList<>();
        for (FieldError e : HpaValidation.validate(o.tree(), options)) {
            boolean atKey = e.type() == ErrorType.REQUIRED || e.type() == ErrorType.UNKNOWN_FIELD;
            String text = e.render();
            out.add(o.finding(INFO, e.pointer(), atKey, text.endsWith(".") ? text : text + ".", null));
        }
        return out;
    }
}
