package dev.trafficengineer.rules.hpa;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import java.util.List;

/** minReplicas equal to maxReplicas: an autoscaler that cannot scale. */
public final class HpaMinEqualsMax implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("hpa/min-equals-max", Severity.WARNING)
            .summary("No room to scale: minReplicas equals maxReplicas")
            .rationale("""
                    The controller clamps every recommendation into [minReplicas, maxReplicas]; when the two are \
                    equal the replica count is fixed and the metrics only cost API calls. The API server allows it \
                    (it checks only max ≥ min). It is usually a leftover from a test, or a copy of \
                    `spec.replicas` into an HPA that was meant to scale. An omitted `minReplicas` is 1.""")
            .example("""
                    spec:
                      minReplicas: 3
                      maxReplicas: 3""")
            .remedy("""
                    Raise `maxReplicas` to the most the workload may use, or delete the HPA and set \
                    `spec.replicas` on the workload if a fixed count is what you want.""")
            .source("""
                    kubernetes/kubernetes pkg/controller/podautoscaler/horizontal.go (convertDesiredReplicasWithRules, \
                    convertDesiredReplicasWithBehaviorRate); Polaris hpaMaxAvailability; research/k8s-hpa.md §2.3, \
                    §4.5.""")
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
        HpaView hpa = HpaView.of(o).orElseThrow();
        if (hpa.maxReplicas().isEmpty() || hpa.maxReplicas().getAsInt() != hpa.minReplicas()) {
            return List.of();
        }
        int n = hpa.minReplicas();
        String min = hpa.minReplicasWritten() ? "`minReplicas` and `maxReplicas` are both " + n
                : "`maxReplicas: " + n + "` equals the default `minReplicas` of 1";
        return List.of(o.finding(INFO, HpaView.MAX_REPLICAS, min + ", so the HPA never changes the replica count;"
                + " raise `maxReplicas`, or drop the HPA and set `replicas: " + n + "` on the workload."));
    }
}
