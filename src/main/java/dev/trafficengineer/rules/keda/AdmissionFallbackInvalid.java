package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;

/** KEDA's webhook: fallback needs a trigger that is not cpu or memory, or scalingModifiers with a formula. */
public final class AdmissionFallbackInvalid implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("keda/admission-fallback-invalid", Severity.ERROR)
            .summary("A ScaledObject's fallback cannot apply to any of its triggers")
            .rationale("""
                    Fallback replaces the value of a failing external metric; cpu and memory metrics come from the \
                    Kubernetes metrics server and have no fallback. KEDA's webhook therefore rejects a `fallback` \
                    when every trigger is cpu or memory (unless `scalingModifiers` are used), with a message that \
                    still mentions `AverageValue` although since v2.18 any metricType is accepted. \
                    `fallback.behavior: scalingModifiers` also needs a `scalingModifiers.formula`.""")
            .example("""
                    spec:
                      fallback:
                        failureThreshold: 3
                        replicas: 4
                      triggers:
                        - type: cpu
                          metricType: Utilization
                          metadata:
                            value: "70\"""")
            .remedy("""
                    Remove `fallback`, or add the external trigger that should fall back; with \
                    `behavior: scalingModifiers`, define `advanced.scalingModifiers.formula`.""")
            .source("""
                    [K] apis/keda/v1alpha1/scaledobject_types.go (CheckFallbackValid, PR #6655 in v2.18), \
                    scaledobject_webhook.go (verifyFallback); research/keda.md §3.4 and §12.""")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return ScaledObjectView.isScaledObject(o) && o.at(ScaledObjectView.FALLBACK).isObject();
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        ScaledObjectView so = ScaledObjectView.of(o);
        List<Finding> out = new ArrayList<>();
        if (!so.usesModifiers() && !so.triggers().isEmpty() && so.onlyCpuMemory()) {
            out.add(o.finding(INFO, ScaledObjectView.FALLBACK, true, "KEDA's webhook rejects this ScaledObject:"
                    + " `at least one trigger (that is not cpu or memory) has to have the `AverageValue` type for the"
                    + " fallback to be enabled`; remove `fallback` or add the external trigger it should cover.",
                    null));
        }
        if ("scalingModifiers".equals(so.fallback().path("behavior").asText(""))
                && so.modifier("formula").isEmpty()) {
            out.add(o.finding(INFO, ScaledObjectView.FALLBACK.child("behavior"), false, "KEDA's webhook rejects"
                    + " this ScaledObject: `scalingModifiers fallback behavior requires scalingModifiers.formula to"
                    + " be defined`; define `advanced.scalingModifiers.formula` or use another behavior.", null));
        }
        return out;
    }
}
