package dev.trafficengineer.rules.hpa;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import dev.trafficengineer.rules.workload.Container;
import dev.trafficengineer.rules.workload.PodTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A ContainerResource metric naming a container the target's pods do not run (or that the controller ignores). */
public final class HpaMetricContainer implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("hpa/metric-container", Severity.ERROR)
            .summary("A ContainerResource metric names a container the target's pods do not run")
            .rationale("""
                    A ContainerResource metric reads the usage of one named container in each pod. When no \
                    container has that name, or it is an init container that finishes before the pod runs (only \
                    init containers with `restartPolicy: Always` keep running), the metrics client returns no \
                    value for any pod and the HPA never scales on the metric (FailedGetContainerResourceMetric). \
                    The API server checks only that the name is a valid DNS label. Containers that admission \
                    webhooks inject (istio-proxy, linkerd-proxy and the like) are not in the manifest and are \
                    accepted.""")
            .example("""
                    containerResource:
                      name: cpu
                      container: application   # the pod template has a container named app""")
            .remedy("Use the name of a container in the pod template, as written there.")
            .source("""
                    kubernetes/kubernetes pkg/controller/podautoscaler/metrics/client.go \
                    (GetResourceMetric with a container), replica_calculator.go (calculateRequests); \
                    research/k8s-hpa.md §4.4.""")
            .build();

    /** Containers that mesh and agent webhooks add to pods at admission; a metric may rightly name them. */
    static final Set<String> INJECTED = Set.of("istio-proxy", "istio-init", "linkerd-proxy", "linkerd-init",
            "envoy", "envoy-sidecar", "vault-agent", "vault-agent-init", "consul-dataplane", "consul-connect-envoy-sidecar",
            "cloud-sql-proxy", "aws-otel-collector", "datadog-agent", "daprd");

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
        List<Finding> out = new ArrayList<>();
        for (MetricTarget m : hpa.metrics()) {
            if (!m.source().equals("ContainerResource") || m.container() == null || INJECTED.contains(m.container())) {
                continue;
            }
            Optional<Container> c = t.container(m.container());
            String workload = t.owner().kind() + " `" + t.owner().name() + "`";
            if (c.isPresent() && (!c.get().init() || c.get().sidecar())) {
                continue;
            }
            String message;
            if (c.isPresent()) {
                message = "Container `" + m.container() + "` is an init container of " + workload + " that exits"
                        + " before the pod runs, so it has no usage to scale on; name an app container or a sidecar"
                        + " (`restartPolicy: Always`).";
            } else {
                String names = t.counted().stream().map(x -> "`" + x.name() + "`").collect(Collectors.joining(", "));
                message = "No container `" + m.container() + "` runs in the pods of " + workload + " (it has "
                        + names + "), so the HPA never gets a value for this metric; name one of those.";
            }
            out.add(o.finding(INFO, m.containerAt(), message));
        }
        return out;
    }
}
