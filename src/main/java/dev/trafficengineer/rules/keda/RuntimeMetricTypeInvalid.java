package dev.trafficengineer.rules.keda;

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

/** A trigger metricType the scaler or the HPA API does not accept. */
public final class RuntimeMetricTypeInvalid implements Rule {

    private static final List<String> RESOURCE = List.of("Utilization", "AverageValue");
    private static final List<String> EXTERNAL = List.of("AverageValue", "Value");

    private static final RuleInfo INFO = RuleInfo.builder("keda/runtime-metric-type-invalid", Severity.ERROR)
            .summary("A trigger's metricType is missing or not one its scaler accepts")
            .rationale("""
                    `metricType` is a free string in the CRD and the webhook ignores it. cpu and memory triggers \
                    need it set to `Utilization` or `AverageValue` (the old metadata `type` is gone); other \
                    triggers accept `AverageValue` (the default) or `Value`, reject `Utilization` when the scaler \
                    is built, and pass any other spelling (`value`, `Average`) to the HPA, whose API rejects it. \
                    Either way the HPA is not created.""")
            .example("""
                    - type: cpu
                      metadata:
                        value: "60"        # metricType: Utilization is missing""")
            .remedy("""
                    Set `metricType: Utilization` or `AverageValue` on cpu and memory triggers, and `AverageValue` \
                    or `Value` on the others; the fix corrects the case of a known value.""")
            .source("""
                    [K] pkg/scalers/cpu_memory_scaler.go, pkg/scalers/scaler.go (GetMetricTargetType); kubernetes \
                    pkg/apis/autoscaling/validation/validation.go (metric target type); research/keda.md §7, §8.4.""")
            .fix(FixAvailability.SOMETIMES)
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        // the ScaledJob CRD drops metricType, so only ScaledObjects carry it
        return ScaledObjectView.isScaledObject(o);
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Trigger t : Trigger.of(o)) {
            String m = t.metricType();
            if (t.isCpuMemory()) {
                if (m == null || !RESOURCE.contains(m)) {
                    out.add(finding(o, t, RESOURCE, "KEDA cannot build the scaler of the " + t.label() + ": `error"
                            + " parsing " + t.type() + " metadata: unknown metric type: " + (m == null ? "" : m)
                            + ", allowed values are 'Utilization' or 'AverageValue'`; "));
                }
            } else if (m != null && !m.isEmpty() && !EXTERNAL.contains(m)) {
                String error = m.equals("Utilization")
                        ? "error getting scaler metric type: 'Utilization' metric type is unsupported for external"
                                + " metrics, allowed values are 'Value' or 'AverageValue'"
                        : "the HPA API rejects target type \"" + m + "\" (supported: \"AverageValue\","
                                + " \"Utilization\", \"Value\")";
                out.add(finding(o, t, EXTERNAL, "The " + t.label() + " cannot work: `" + error + "`; "));
            }
        }
        return out;
    }

    private Finding finding(KubeObject o, Trigger t, List<String> allowed, String prefix) {
        String fixed = t.metricType() == null ? null : TriggerAnalysis.alias(t.metricType(), allowed);
        Fix fix = null;
        if (fixed != null) {
            Edit edit = Edits.replaceScalar(o, t.at().child("metricType"), fixed);
            fix = edit == null ? null : Fix.safe("Write metricType: " + fixed, edit);
        }
        String remedy = fixed != null ? "write `" + fixed + "`." : "set `metricType` to "
                + TriggerAnalysis.backticked(allowed).replace(", ", " or ") + ".";
        return o.finding(INFO, t.metricType() == null ? t.at().child("type") : t.at().child("metricType"), false,
                prefix + remedy, fix);
    }
}
