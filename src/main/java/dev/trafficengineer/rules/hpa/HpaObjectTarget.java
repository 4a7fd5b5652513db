package dev.trafficengineer.rules.hpa;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;

/** An Object metric whose target type does not match the value it sets: the controller refuses the metric. */
public final class HpaObjectTarget implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("hpa/object-target", Severity.ERROR)
            .summary("An Object metric's target type and value do not match, so the metric never counts")
            .rationale("""
                    For an Object metric the controller picks the computation by `target.type`: `Value` compares \
                    the object's metric with `value` (and scales the current count by the ratio), `AverageValue` \
                    divides it by the pod count and compares with `averageValue`. Any other combination — \
                    `type: Value` with only `averageValue`, `type: AverageValue` with only `value`, or \
                    `type: Utilization` — fails at run time with "invalid object metric source: neither a value \
                    target nor an average value target was set", and the metric never counts. The API server \
                    accepts all of them: it checks only that one of the two values is set.""")
            .example("""
                    object:
                      metric: {name: requests-per-second}
                      describedObject: {apiVersion: networking.k8s.io/v1, kind: Ingress, name: main}
                      target:
                        type: Value
                        averageValue: "100"   # Value reads value; this is never used""")
            .remedy("""
                    Decide what the number means: the object's total (`type: Value` with `value`) or a share per \
                    pod (`type: AverageValue` with `averageValue`), and write the pair that says it.""")
            .source("""
                    kubernetes/kubernetes pkg/controller/podautoscaler/horizontal.go (computeStatusForObjectMetric); \
                    pkg/apis/autoscaling/validation/validation.go (validateObjectSource); research/k8s-hpa.md §2.3, \
                    §4.4.""")
            .build();

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
            if (!m.source().equals("Object") || m.typeAt() == null || m.type() == null
                    || (m.value() == null && m.averageValue() == null)) {
                continue; // v2beta1 targets are consistent by conversion; a missing type or value is hpa/invalid's
            }
            boolean ok = m.type().equals("Value") && m.value() != null
                    || m.type().equals("AverageValue") && m.averageValue() != null;
            if (ok) {
                continue;
            }
            String set = m.value() != null && m.averageValue() != null ? "`value` and `averageValue`"
                    : m.value() != null ? "only `value`" : "only `averageValue`";
            String want = m.value() != null && m.averageValue() == null ? "`type: Value`"
                    : m.averageValue() != null && m.value() == null ? "`type: AverageValue`"
                    : "`type: Value` or `type: AverageValue`";
            out.add(o.finding(INFO, m.typeAt(), "The Object metric " + m.describe() + " has `type: " + m.type()
                    + "` but sets " + set + ", so the controller fails with \"invalid object metric source\" and"
                    + " never uses it; write " + want + ", or set the value field that matches the type."));
        }
        return out;
    }
}
