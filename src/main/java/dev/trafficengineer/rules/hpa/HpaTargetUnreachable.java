package dev.trafficengineer.rules.hpa;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import dev.trafficengineer.rules.workload.Container;
import dev.trafficengineer.rules.workload.PodTemplate;
import dev.trafficengineer.rules.workload.Quantities;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A resource target the pods' limits never let usage reach: the HPA can never scale up. */
public final class HpaTargetUnreachable implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("hpa/target-unreachable", Severity.ERROR)
            .summary("The target's limits keep usage below what it takes to scale up")
            .rationale("""
                    A container cannot use more cpu than its limit (it is throttled) or more memory (it is killed), \
                    so a pod's usage never exceeds the sum of its counted containers' limits. The controller adds \
                    pods only when usage exceeds the target by more than the tolerance (10% by default). When every \
                    counted container has a limit and the target times 1 + tolerance is at or above what the limits \
                    allow — a 100% cpu target with limits equal to requests, a 300% target with limits at twice the \
                    requests, an `averageValue` above the limit — the HPA can never scale up.""")
            .example("""
                    # containers: [{name: app, resources: {requests: {cpu: 500m}, limits: {cpu: 500m}}}]
                    target:
                      type: Utilization
                      averageUtilization: 100   # usage cannot pass 100% of the request""")
            .remedy("""
                    Lower the target below what the limits allow (leaving the tolerance on top), or raise the \
                    limits; for cpu, 60–80% of a request below the limit is the usual choice.""")
            .source("""
                    kubernetes/kubernetes pkg/controller/podautoscaler/replica_calculator.go (GetResourceReplicas, \
                    GetRawResourceReplicas, Tolerances.isWithin); Kubernetes docs, "Resource Management for Pods \
                    and Containers" (cpu limits throttle, memory limits kill); research/k8s-hpa.md §4.4.""")
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
        Optional<PodTemplate> template = Targets.workload(hpa, ctx.index()).flatMap(PodTemplate::of);
        if (template.isEmpty() || !template.get().hasContainers()) {
            return List.of();
        }
        PodTemplate t = template.get();
        double tol = Tolerances.scaleUp(hpa, ctx.options().kubernetesVersion());
        BigDecimal factor = BigDecimal.valueOf(1 + tol);
        List<Finding> out = new ArrayList<>();
        for (MetricTarget m : hpa.metrics()) {
            if (!m.isResource() || m.name() == null) {
                continue;
            }
            boolean containerMetric = m.source().equals("ContainerResource");
            if (!containerMetric && t.podLevelRequest(m.name()).isPresent()) {
                continue; // a pod-level limit may apply instead; not modelled
            }
            List<Container> counted = containerMetric
                    ? t.counted().stream().filter(c -> c.name().equals(m.container())).toList() : t.counted();
            if (counted.isEmpty() || counted.stream().anyMatch(c -> c.limit(m.name()).isEmpty())) {
                continue;
            }
            BigDecimal limits = counted.stream().map(c -> c.limit(m.name()).orElseThrow())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            String owner = t.owner().kind() + " `" + t.owner().name() + "`";
            if (m.averageValue() != null) {
                Optional<BigDecimal> target = m.averageValueNumber();
                if (target.isPresent() && target.get().multiply(factor).compareTo(limits) >= 0) {
                    out.add(o.finding(INFO, m.averageValueAt(), "The pods of " + owner + " are limited to "
                            + Quantities.format(m.name(), limits) + " of " + m.name() + " in all, so average usage can never exceed `averageValue: "
                            + m.averageValue() + "` by the " + Math.round(tol * 100) + "% tolerance and the HPA"
                            + " never scales up; lower the target or raise the limits."));
                }
            } else if (m.usesUtilization() && counted.stream().allMatch(c -> c.request(m.name()).isPresent())) {
                BigDecimal requests = counted.stream().map(c -> c.request(m.name()).orElseThrow())
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                if (requests.signum() == 0) {
                    continue;
                }
                BigDecimal ceiling = limits.multiply(BigDecimal.valueOf(100)).divide(requests, 1, RoundingMode.DOWN);
                BigDecimal needed = BigDecimal.valueOf(m.averageUtilization()).multiply(factor);
                if (needed.compareTo(ceiling) >= 0) {
                    out.add(o.finding(INFO, m.averageUtilizationAt() != null ? m.averageUtilizationAt() : m.at(),
                            "The limits of " + owner + " cap " + m.name() + " usage at " + plain(ceiling)
                                    + "% of the requests, but scaling up takes more than "
                                    + plain(needed.setScale(1, RoundingMode.HALF_UP)) + "% (`averageUtilization: "
                                    + m.averageUtilization() + "` plus the " + Math.round(tol * 100)
                                    + "% tolerance), so the HPA never adds pods; lower the target or raise the"
                                    + " limits."));
                }
            }
        }
        return out;
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
