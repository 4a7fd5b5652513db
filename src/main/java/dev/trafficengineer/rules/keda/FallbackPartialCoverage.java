package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;

/** A fallback that is admitted but does not protect every trigger, or is silently disabled. */
public final class FallbackPartialCoverage implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("keda/fallback-partial-coverage", Severity.WARNING)
            .summary("A ScaledObject's fallback does not cover every trigger, or never applies")
            .rationale("""
                    Fallback serves `fallback.replicas` in place of an external metric that keeps failing. It does \
                    nothing for cpu and memory triggers (their metrics come from the Kubernetes metrics server). For \
                    a trigger with `metricType: Value` the fallback value is divided by the ready replicas, so it \
                    fails exactly when no pod is ready. With scalingModifiers, KEDA only uses fallback when the \
                    modifiers' `target` parses as an integer: a target such as `"2.5"` passes admission and \
                    silently disables fallback.""")
            .example("""
                    fallback:
                      failureThreshold: 3
                      replicas: 6
                    triggers:
                      - type: prometheus
                        metricType: Value""")
            .remedy("""
                    Use `AverageValue` (the default) on the triggers fallback should cover, and a whole-number \
                    scalingModifiers `target`; expect no fallback for cpu and memory triggers.""")
            .source("""
                    [K] pkg/fallback/fallback.go, apis/keda/v1alpha1/scaledobject_types.go (HasValidFallback); \
                    research/keda.md §12.""")
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
        if (so.usesModifiers()) {
            String target = so.modifier("target").strip();
            if (!target.isEmpty() && !target.matches("[+-]?[0-9]+")) {
                out.add(o.finding(INFO, ScaledObjectView.MODIFIERS.child("target"), false, "KEDA uses fallback only"
                        + " when the scalingModifiers `target` is a whole number, so `" + target + "` silently"
                        + " disables the fallback; write a whole number.", null));
            }
            return out;
        }
        boolean external = so.triggers().stream().anyMatch(t -> !t.isCpuMemory());
        for (Trigger t : so.triggers()) {
            if (t.isCpuMemory() && external) {
                out.add(o.finding(INFO, t.at().child("type"), false, "Fallback does not cover the " + t.label()
                        + ": cpu and memory metrics come from the metrics server, so when it fails the HPA has no"
                        + " value for this trigger; rely on the other triggers' fallback.", null));
            } else if ("Value".equals(t.metricType())) {
                out.add(o.finding(INFO, t.at().child("metricType"), false, "With `metricType: Value` the fallback"
                        + " for the " + t.label() + " is divided by the ready replicas, so it fails when no pod is"
                        + " ready; use `AverageValue` if fallback must hold then.", null));
            }
        }
        return out;
    }
}
