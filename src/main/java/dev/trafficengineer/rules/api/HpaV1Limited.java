package dev.trafficengineer.rules.api;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import java.util.List;

/** autoscaling/v1 HPAs work, but can only scale on CPU utilization and cannot shape scaling behavior. */
public final class HpaV1Limited implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("api/hpa-v1-limited", Severity.INFO)
            .summary("An autoscaling/v1 HPA supports one CPU target and no scaling behavior")
            .rationale("""
                    An autoscaling/v1 HorizontalPodAutoscaler has only `targetCPUUtilizationPercentage`: no memory \
                    or custom metrics, and no `behavior`, so scale-down stabilization and rate limits stay at the \
                    controller defaults. autoscaling/v2 has been stable since Kubernetes 1.23.""")
            .example("""
                    apiVersion: autoscaling/v1
                    kind: HorizontalPodAutoscaler
                    spec:
                      targetCPUUtilizationPercentage: 70""")
            .remedy("""
                    Write it as autoscaling/v2: `metrics: [{type: Resource, resource: {name: cpu, target: \
                    {type: Utilization, averageUtilization: 70}}}]`, and add a `behavior` section.""")
            .source("Kubernetes API reference, HorizontalPodAutoscaler v1 and v2; HPA walkthrough (kubernetes.io).")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return o.kind().equals("HorizontalPodAutoscaler") && o.apiVersion().equals("autoscaling/v1");
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        return List.of(o.finding(INFO, RemovedApiVersion.API_VERSION, false,
                "autoscaling/v1 can only target CPU utilization and has no scaling behavior; use autoscaling/v2 to"
                        + " add memory or custom metrics and scale-down stabilization.", null));
    }
}
