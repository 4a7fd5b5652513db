package dev.trafficengineer.rules.keda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import dev.trafficengineer.rules.kube.Workloads;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** KEDA's webhook: a cpu or memory trigger needs that request (or limit) on the target's containers. */
public final class AdmissionCpuMemoryMissingRequests implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("keda/admission-cpu-memory-missing-requests",
                    Severity.ERROR)
            .summary("A cpu or memory trigger targets containers that do not request that resource")
            .rationale("""
                    The HPA computes utilization against container requests, so KEDA's webhook fetches the target \
                    Deployment or StatefulSet and rejects a cpu or memory trigger when a container (all of them, or \
                    the one `containerName` names) has neither a request nor a limit above 0 for that resource, \
                    unless a LimitRange in the namespace gives containers a default. Init containers are not \
                    checked, and a target that does not exist is rejected too. This tool checks the target and \
                    LimitRanges among the reviewed objects; a missing target only with `--require-targets`.""")
            .example("""
                    triggers:
                      - type: cpu
                        metricType: Utilization
                        metadata:
                          value: "70"
                    # Deployment web: containers[0].resources is empty""")
            .remedy("""
                    Give every container of the target a request for the resource (`resources.requests.cpu`), or \
                    restrict the trigger to one container with `containerName`.""")
            .source("""
                    [K] apis/keda/v1alpha1/scaledobject_webhook.go (verifyCPUMemoryScalers, isWorkloadResourceSet, \
                    isContainerResourceLimitSet); research/keda.md §3.8.""")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return ScaledObjectView.isScaledObject(o);
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        ScaledObjectView so = ScaledObjectView.of(o);
        if (!so.target().appsV1DeploymentOrStatefulSet() || so.triggers().stream().noneMatch(Trigger::isCpuMemory)) {
            return List.of();
        }
        Optional<KubeObject> target = Workloads.find(ctx.index(), o.namespace(), "apps/v1",
                so.target().kindOrDefault(), so.target().name());
        if (target.isEmpty()) {
            // the webhook fetches the target and rejects a missing one; only a complete review can tell
            if (!ctx.options().requireTargets()) {
                return List.of();
            }
            String resource = so.target().kindOrDefault().equals("Deployment") ? "deployments" : "statefulsets";
            return List.of(o.finding(INFO, TargetRef.AT.child("name"), false, "KEDA's webhook rejects this"
                    + " ScaledObject: `" + resource + ".apps \"" + so.target().name() + "\" not found` (it fetches the"
                    + " target of cpu and memory triggers); create the target first or fix `scaleTargetRef`.", null));
        }
        List<Finding> out = new ArrayList<>();
        for (Trigger t : so.triggers()) {
            if (!t.isCpuMemory() || limitRangeDefault(ctx, o.namespace(), t.type())) {
                continue;
            }
            // KEDA compares containerName as written, without trimming
            String only = t.metadata().getOrDefault("containerName", "");
            for (Workloads.Container c : Workloads.containers(target.get())) {
                if (!only.isEmpty() && !c.name().equals(only)) {
                    continue;
                }
                if (!c.requestsOrLimits(t.type())) {
                    out.add(o.finding(INFO, t.at().child("type"), false, "KEDA's webhook rejects this ScaledObject:"
                            + " `the scaledobject has a " + t.type() + " trigger but the container " + c.name()
                            + " doesn't have the " + t.type() + " request defined`; set `resources.requests."
                            + t.type() + "` on container `" + c.name() + "` of " + target.get().kind() + " `"
                            + target.get().name() + "`.", null));
                }
            }
        }
        return out;
    }

    /** Whether a reviewed LimitRange in the namespace gives containers a default request or limit above 0. */
    private static boolean limitRangeDefault(RuleContext ctx, String namespace, String resource) {
        for (KubeObject lr : ctx.index().ofKind("LimitRange", namespace)) {
            for (JsonNode item : lr.tree().path("spec").path("limits")) {
                if (!item.path("type").asText("").equals("Container")) {
                    continue;
                }
                for (String field : List.of("defaultRequest", "default")) {
                    if (Workloads.positiveQuantity(item.path(field).path(resource))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
