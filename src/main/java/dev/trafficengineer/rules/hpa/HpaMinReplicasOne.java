package dev.trafficengineer.rules.hpa;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import java.util.List;

/** minReplicas 1 (written or by default): a single pod at low load. */
public final class HpaMinReplicasOne implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("hpa/min-replicas-one", Severity.INFO)
            .summary("A single pod at low load: minReplicas is 1")
            .rationale("""
                    At low load the HPA scales down to `minReplicas`. With one pod, a node drain, an eviction, a \
                    crash or a rollout is an outage until a new pod is ready, and a PodDisruptionBudget cannot \
                    both protect it and let nodes drain. An omitted `minReplicas` is 1. For a queue worker that \
                    tolerates gaps this is fine; for a service it rarely is.""")
            .example("""
                    spec:
                      minReplicas: 1
                      maxReplicas: 10""")
            .remedy("Use `minReplicas: 2` or more for anything that serves requests.")
            .source("""
                    pkg/apis/autoscaling/v2/defaults.go (minReplicas defaults to 1); kube-score \
                    horizontalpodautoscaler-replicas, Polaris hpaMinAvailability, kube-linter \
                    hpa-minimum-three-replicas; research/peers.md §2.""")
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
        if (hpa.minReplicas() != 1 || hpa.maxReplicas().orElse(0) <= 1) {
            return List.of();
        }
        String what = hpa.minReplicasWritten() ? "`minReplicas: 1`" : "The default `minReplicas` of 1";
        return List.of(o.finding(INFO, HpaView.MIN_REPLICAS, what + " leaves a single pod at low load, so a node"
                + " drain or a crash is an outage until a new pod is ready; use `minReplicas: 2` or more for a"
                + " service."));
    }
}
