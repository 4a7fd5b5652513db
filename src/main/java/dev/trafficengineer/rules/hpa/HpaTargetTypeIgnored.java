package dev.trafficengineer.rules.hpa;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A target type the controller ignores because the value field set says otherwise. */
public final class HpaTargetTypeIgnored implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("hpa/target-type-ignored", Severity.WARNING)
            .summary("The target type says one thing and the controller does another")
            .rationale("""
                    For Resource, ContainerResource, Pods and External metrics the controller does not read \
                    `target.type`: it goes by the value field that is set. A Resource target with `averageValue` is \
                    raw usage per pod even under `type: Utilization`; an External target with `averageValue` is per \
                    pod even under `type: Value`; a Pods target is always a per-pod average. The HPA works, but not \
                    as its type reads, and the next person to edit the value will be misled.""")
            .example("""
                    target:
                      type: Utilization
                      averageValue: 500m   # the controller uses this as AverageValue""")
            .remedy("Write the type the controller acts on; the fix does, which changes nothing at run time.")
            .source("""
                    kubernetes/kubernetes pkg/controller/podautoscaler/horizontal.go \
                    (computeStatusForResourceMetricGeneric, computeStatusForPodsMetric, \
                    computeStatusForExternalMetric); research/k8s-hpa.md §4.4.""")
            .fix(FixAvailability.SAFE)
            .build();

    private static final Set<String> TYPES = Set.of("Utilization", "Value", "AverageValue");

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
        List<Finding> out = new ArrayList<>();
        for (MetricTarget m : HpaView.of(o).orElseThrow().metrics()) {
            if (m.typeAt() == null || m.type() == null || !TYPES.contains(m.type())) {
                continue;
            }
            String acting = acting(m);
            if (acting == null || acting.equals(m.type())) {
                continue;
            }
            Edit edit = Edits.replaceScalar(o, m.typeAt(), acting);
            if (edit == null) {
                continue;
            }
            String field = acting.equals("Utilization") ? "averageUtilization"
                    : acting.equals("Value") ? "value" : "averageValue";
            String why = m.source().equals("Pods") ? "Pods metrics are always an average per pod"
                    : "the target sets `" + field + "`, which the controller uses whatever the type says";
            out.add(o.finding(INFO, m.typeAt(), false, "`type: " + m.type() + "` is ignored: " + why + ", so "
                    + m.describe() + " is scaled as `" + acting + "`; write `type: " + acting + "`.",
                    Fix.safe("Write type: " + acting + ", which the controller already acts on", edit)));
        }
        return out;
    }

    /** The type the controller acts on, or null when the metric would not work at all (other rules say why). */
    private static String acting(MetricTarget m) {
        switch (m.source()) {
            case "Resource", "ContainerResource" -> {
                if (m.averageValue() != null) {
                    return "AverageValue";
                }
                return m.averageUtilization() != null ? "Utilization" : null;
            }
            case "External" -> {
                if (m.averageValue() != null) {
                    return "AverageValue";
                }
                return m.value() != null ? "Value" : null;
            }
            case "Pods" -> {
                return m.averageValue() != null ? "AverageValue" : null;
            }
            default -> {
                return null; // Object: the type decides, see hpa/object-target
            }
        }
    }
}
