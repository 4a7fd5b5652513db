package dev.trafficengineer.rules.hpa;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Utilization targets outside 30–90%: too low wastes requests, too high leaves no headroom. */
public final class HpaUtilizationBand implements Rule {

    static final int LOW = 30;
    static final int HIGH = 90;

    private static final RuleInfo INFO = RuleInfo.builder("hpa/utilization-band", Severity.WARNING)
            .summary("A utilization target outside the 30–90% band")
            .rationale("""
                    The HPA keeps average usage near the target share of the requests. Below 30% most of what the \
                    pods request sits idle at steady state: at 20% the workload pays for five times what it uses. \
                    Above 90% there is no headroom: the controller adds pods only when the ratio to the target \
                    exceeds 1 + tolerance (10% by default), so a 95% target acts at 105% of the requests, when the \
                    pods already run beyond what they asked for (cpu is throttled or borrowed, memory is first in \
                    line for eviction), and new pods still need time to start. The usual range is 50–80%.""")
            .example("""
                    target:
                      type: Utilization
                      averageUtilization: 95   # acts only above 104.5% of requests""")
            .remedy("Set `averageUtilization` between 50 and 80, leaving room for the time new pods take to start.")
            .source("""
                    kubernetes/kubernetes pkg/controller/podautoscaler/replica_calculator.go (GetResourceReplicas, \
                    Tolerances.isWithin), metrics/utilization.go (GetResourceUtilizationRatio); Kubernetes docs, \
                    "Horizontal Pod Autoscaling" (algorithm details, tolerance); research/k8s-hpa.md §4.4.""")
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
        List<Finding> out = new ArrayList<>();
        for (MetricTarget m : hpa.metrics()) {
            if (!m.usesUtilization() || m.implicit() || m.averageUtilization() < 1) {
                continue;
            }
            int u = m.averageUtilization();
            String written = "`averageUtilization: " + u + "`";
            if (u < LOW) {
                out.add(o.finding(INFO, m.averageUtilizationAt(), written + " keeps " + (100 - u) + "% of the"
                        + " requested " + m.name() + " idle at steady state, so the workload pays for "
                        + times(u) + " what it uses; aim for 50–80%."));
            } else if (u > HIGH) {
                double tol = Tolerances.scaleUp(hpa, ctx.options().kubernetesVersion());
                String acts = BigDecimal.valueOf(u * (1 + tol)).setScale(1, java.math.RoundingMode.HALF_UP)
                        .stripTrailingZeros().toPlainString();
                out.add(o.finding(INFO, m.averageUtilizationAt(), written + " leaves no headroom: with a "
                        + Math.round(tol * 100) + "% tolerance the HPA adds pods only once usage passes " + acts
                        + "% of the " + m.name() + " requests, when the pods already run at or beyond what they"
                        + " asked for; aim for 50–80%."));
            }
        }
        return out;
    }

    /** 100/u as "5×" or "3.3×". */
    private static String times(int u) {
        return BigDecimal.valueOf(100.0 / u).setScale(1, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString() + "×";
    }
}
