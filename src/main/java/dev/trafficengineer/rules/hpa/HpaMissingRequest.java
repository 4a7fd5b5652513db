package dev.trafficengineer.rules.hpa;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import dev.trafficengineer.rules.workload.Container;
import dev.trafficengineer.rules.workload.LimitRanges;
import dev.trafficengineer.rules.workload.PodTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** A utilization target on a resource that some counted container of the target does not request. */
public final class HpaMissingRequest implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("hpa/missing-request", Severity.ERROR)
            .summary("A utilization target needs a request the target's containers do not set")
            .rationale("""
                    Utilization is usage divided by requests, summed over the containers the controller counts: \
                    every app container and every init container with `restartPolicy: Always` (a native sidecar), \
                    or only the named container of a ContainerResource metric. When one of them has no request for \
                    the resource, the controller fails with "missing request for cpu in container …" \
                    (FailedGetResourceMetric) and the HPA never scales on that metric. A limit counts as the \
                    request (the API server copies it into each pod), as does a LimitRange default among the \
                    reviewed objects, and so does a pod-level request (PodLevelResources) for a Resource metric. \
                    An HPA without metrics scales on cpu utilization by default, so it needs cpu requests too. \
                    Containers injected at admission (service-mesh proxies) are not in the manifest and not \
                    checked.""")
            .example("""
                    # HPA: metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}}]
                    containers:
                      - name: app
                        image: example/app:1.0   # no resources.requests.cpu""")
            .remedy("""
                    Set `resources.requests.<resource>` on every container the message names (or a LimitRange \
                    default in the namespace), or scale on `AverageValue`, which needs no request.""")
            .source("""
                    kubernetes/kubernetes pkg/controller/podautoscaler/replica_calculator.go (calculateRequests, \
                    GetResourceReplicas); pkg/apis/core/v1/defaults.go (SetDefaults_Pod: requests default to \
                    limits); research/k8s-hpa.md §4.4.""")
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
            return List.of(); // no target to read, or a partial object (a kustomize patch)
        }
        PodTemplate t = template.get();
        KubeObject workload = t.owner();
        List<Finding> out = new ArrayList<>();
        for (MetricTarget m : hpa.metrics()) {
            if (!m.usesUtilization() || m.name() == null) {
                continue;
            }
            String resource = m.name();
            if (LimitRanges.defaultsRequest(ctx.index(), workload.namespace(), resource)) {
                continue;
            }
            boolean containerMetric = m.source().equals("ContainerResource");
            if (!containerMetric && t.podLevelRequest(resource).isPresent()) {
                continue; // calculateRequests uses the pod-level request when it is set
            }
            List<Container> counted = containerMetric
                    ? t.counted().stream().filter(c -> c.name().equals(m.container())).toList()
                    : t.counted();
            List<Container> missing = counted.stream().filter(c -> c.request(resource).isEmpty()).toList();
            if (missing.isEmpty()) {
                continue;
            }
            String names = missing.stream().map(Container::describe).collect(Collectors.joining(", "));
            String which = missing.size() == 1 ? "container " + names + " sets" : "containers " + names + " set";
            String metric = m.implicit() ? "The HPA names no metric, so it scales on cpu utilization (80%), but"
                    : "The " + resource + " utilization target needs a " + resource + " request in "
                            + (containerMetric ? "that container" : "every container the controller counts")
                            + ", but";
            boolean sidecar = missing.stream().anyMatch(Container::sidecar);
            String message = metric + " " + which + " neither `resources.requests." + resource + "` nor a limit in "
                    + workload.kind() + " `" + workload.name() + "`" + (sidecar
                            ? " (init containers with `restartPolicy: Always` run as sidecars and are counted)" : "")
                    + ", so the controller reports FailedGetResourceMetric and never scales on it; add the request.";
            out.add(o.finding(INFO, m.averageUtilizationAt() != null ? m.averageUtilizationAt() : m.at(), message));
        }
        return out;
    }
}
