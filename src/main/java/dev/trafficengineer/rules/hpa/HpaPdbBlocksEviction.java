package dev.trafficengineer.rules.hpa;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import dev.trafficengineer.rules.workload.LabelSelectors;
import dev.trafficengineer.rules.workload.PodTemplate;
import dev.trafficengineer.source.JsonPointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** A PodDisruptionBudget that allows no eviction once the HPA has scaled down to minReplicas. */
public final class HpaPdbBlocksEviction implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("hpa/pdb-blocks-eviction", Severity.WARNING)
            .summary("A PodDisruptionBudget allows no eviction at the HPA's minReplicas")
            .rationale("""
                    At low load the HPA runs `minReplicas` pods, and the disruption controller allows \
                    `healthy − desiredHealthy` evictions. With `minAvailable` at or above `minReplicas`, or \
                    `maxUnavailable: 0`, that is zero: node drains, cluster upgrades and the cluster autoscaler \
                    wait until load happens to raise the count, or forever at night. Percentages are rounded up, \
                    as the disruption controller does (GetScaledValueFromIntOrPercent with roundUp), so \
                    `minAvailable: 50%` of 1 pod is 1.""")
            .example("""
                    # HPA: minReplicas: 2
                    kind: PodDisruptionBudget
                    spec:
                      minAvailable: 2   # at 2 pods, no eviction is allowed""")
            .remedy("""
                    Use `maxUnavailable: 1` (it scales with the replica count), or keep `minAvailable` below \
                    `minReplicas`, raising `minReplicas` if the service needs that many pods.""")
            .source("""
                    kubernetes/kubernetes pkg/controller/disruption/disruption.go (getExpectedPodCount, \
                    intstr.GetScaledValueFromIntOrPercent with roundUp); Polaris \
                    pdbMinAvailableGreaterThanHPAMinReplicas, kube-linter pdb-min-available \
                    (stackrox/kube-linter#637); research/peers.md §2, §3.""")
            .build();

    static final JsonPointer MIN_AVAILABLE = JsonPointer.of("spec", "minAvailable");
    static final JsonPointer MAX_UNAVAILABLE = JsonPointer.of("spec", "maxUnavailable");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return o.kind().equals("PodDisruptionBudget") && o.apiVersion().startsWith("policy/");
    }

    @Override
    public List<Finding> check(KubeObject pdb, RuleContext ctx) {
        JsonNode min = pdb.at(MIN_AVAILABLE);
        JsonNode max = pdb.at(MAX_UNAVAILABLE);
        boolean hasMin = !min.isMissingNode() && !min.isNull();
        boolean hasMax = !max.isMissingNode() && !max.isNull();
        if (hasMin == hasMax) {
            return List.of(); // neither (nothing to check) or both (the API server rejects it)
        }
        JsonNode selector = pdb.tree().path("spec").path("selector");
        if (selector.isObject() && selector.isEmpty() && pdb.apiVersion().equals("policy/v1beta1")) {
            return List.of(); // an empty selector selects nothing in policy/v1beta1
        }
        List<Finding> out = new ArrayList<>();
        java.util.Set<KubeObject> workloads = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (KubeObject h : ctx.index().ofKind(HpaView.KIND, pdb.namespace())) {
            Optional<HpaView> hpa = HpaView.of(h);
            if (hpa.isEmpty() || hpa.get().minReplicas() < 1) {
                continue;
            }
            Optional<PodTemplate> t = Targets.workload(hpa.get(), ctx.index()).flatMap(PodTemplate::of);
            if (t.isEmpty() || t.get().labels().isEmpty() || !LabelSelectors.matches(selector, t.get().labels())
                    || !workloads.add(t.get().owner())) {
                continue; // one finding per workload, even when two HPAs claim it (hpa/duplicate-target)
            }
            int replicas = hpa.get().minReplicas();
            OptionalInt allowed = hasMin ? allowedWithMinAvailable(min, replicas)
                    : allowedWithMaxUnavailable(max, replicas);
            if (allowed.isEmpty() || allowed.getAsInt() > 0) {
                continue;
            }
            String workload = t.get().owner().kind() + " `" + t.get().owner().name() + "`";
            String written = "`" + (hasMin ? "minAvailable" : "maxUnavailable") + ": " + (hasMin ? min : max).asText()
                    + "`";
            String rounding = (hasMin ? min : max).isTextual() && !(hasMin ? min : max).asText().equals("0%")
                    ? " (rounded up to " + scaled((hasMin ? min : max).asText(), replicas) + " of " + replicas + ")" : "";
            String advice = hasMin ? "use `maxUnavailable: 1`, or keep `minAvailable` below `minReplicas`"
                    : "allow at least `maxUnavailable: 1`";
            out.add(pdb.finding(INFO, hasMin ? MIN_AVAILABLE : MAX_UNAVAILABLE, "When HPA `" + h.name() + "` scales "
                    + workload + " down to its `minReplicas` of " + replicas + ", " + written + rounding + " allows no eviction,"
                    + " so node drains and upgrades stall whenever load is low; " + advice + "."));
        }
        return out;
    }

    /** healthy − desiredHealthy with every pod healthy; empty when the value is not one the controller reads. */
    private static OptionalInt allowedWithMinAvailable(JsonNode v, int replicas) {
        if (v.isIntegralNumber()) {
            return OptionalInt.of(replicas - v.intValue());
        }
        Integer scaled = v.isTextual() ? scaled(v.asText(), replicas) : null;
        return scaled == null ? OptionalInt.empty() : OptionalInt.of(replicas - scaled);
    }

    private static OptionalInt allowedWithMaxUnavailable(JsonNode v, int replicas) {
        if (v.isIntegralNumber()) {
            return OptionalInt.of(v.intValue());
        }
        Integer scaled = v.isTextual() ? scaled(v.asText(), replicas) : null;
        return scaled == null ? OptionalInt.empty() : OptionalInt.of(scaled);
    }

    /** intstr.GetScaledValueFromIntOrPercent(p%, total, roundUp=true): ceil(p * total / 100). */
    private static Integer scaled(String percent, int total) {
        if (!percent.matches("[0-9]+%")) {
            return null;
        }
        long p = Long.parseLong(percent.substring(0, percent.length() - 1));
        return (int) Math.ceil((double) p * total / 100);
    }
}
