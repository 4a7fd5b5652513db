package dev.trafficengineer.rules.hpa;

import dev.trafficengineer.finding.Edit;
import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.Fix;
import dev.trafficengineer.finding.FixAvailability;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.Edits;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import dev.trafficengineer.rules.kube.ScaleTargetIndex;
import dev.trafficengineer.rules.workload.ScaleTargets;
import dev.trafficengineer.source.JsonPointer;
import java.util.List;
import java.util.Optional;

/** A workload that writes spec.replicas while an HPA scales it. */
public final class HpaTargetReplicas implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("hpa/target-replicas", Severity.WARNING)
            .summary("The HPA's target sets spec.replicas, which every apply resets")
            .rationale("""
                    Once an HPA scales a Deployment or StatefulSet, the replica count belongs to the HPA. A \
                    `spec.replicas` in the manifest is applied again on every deploy: the count jumps to the \
                    written value (often killing pods the HPA added under load, or adding pods it removed) and the \
                    HPA corrects it a sync later. The field looks harmless because the first apply is fine.""")
            .example("""
                    kind: Deployment
                    spec:
                      replicas: 3   # an HPA scales this Deployment""")
            .remedy("""
                    Remove `spec.replicas` from the manifest. The fix does, and is unsafe on purpose: with \
                    client-side `kubectl apply`, the first apply without the field resets the count to the \
                    default of 1 until the HPA scales back up. Run `kubectl apply edit-last-applied` and delete \
                    `spec.replicas` there first (or hand the field over as the server-side apply guide says), then \
                    apply the manifest without it.""")
            .source("""
                    Kubernetes docs, "Horizontal Pod Autoscaling", Migrating Deployments and StatefulSets to \
                    horizontal autoscaling; kube-score deployment-targeted-by-hpa-does-not-have-replicas-configured; \
                    research/peers.md §2, §3.""")
            .fix(FixAvailability.UNSAFE)
            .build();

    static final JsonPointer REPLICAS = JsonPointer.of("spec", "replicas");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return ScaleTargets.classify(o.kind()) == ScaleTargets.Kind.SCALABLE && o.at(REPLICAS).isNumber();
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        Optional<HpaView> hpa = ScaleTargetIndex.horizontal(ctx.index(), o.namespace(), o.name()).stream()
                .map(HpaView::of)
                .flatMap(Optional::stream).filter(h -> Targets.workload(h, ctx.index()).orElse(null) == o).findFirst();
        if (hpa.isEmpty()) {
            return List.of();
        }
        HpaView h = hpa.get();
        String bounds = h.maxReplicas().isPresent()
                ? " (which keeps it between " + h.minReplicas() + " and " + h.maxReplicas().getAsInt() + ")" : "";
        Edit edit = Edits.deleteEntry(o, REPLICAS);
        Fix fix = edit == null ? null : Fix.unsafe("Remove spec.replicas, which HPA " + h.object().name()
                + " owns (with client-side apply, first delete it from the last-applied configuration, or the"
                + " next apply resets the count to 1)", edit);
        return List.of(o.finding(INFO, REPLICAS, true, "`spec.replicas: " + o.at(REPLICAS).asText() + "` resets the"
                + " replica count on every apply, fighting HPA `" + h.object().name() + "`" + bounds
                + "; remove the field and let the HPA own the count.", fix));
    }
}
