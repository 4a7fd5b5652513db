package dev.trafficengineer.rules.keda;

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
import dev.trafficengineer.rules.kube.Conflicts;
import java.util.ArrayList;
import java.util.List;

/** An authenticationRef that cannot resolve where KEDA looks, or that is not among the reviewed objects. */
public final class RuntimeAuthRefUnresolved implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("keda/runtime-auth-ref-unresolved", Severity.ERROR)
            .summary("A trigger's authenticationRef names an authentication KEDA will not find")
            .rationale("""
                    KEDA looks a TriggerAuthentication up only in the ScaledObject's own namespace, and a \
                    ClusterTriggerAuthentication only when `authenticationRef.kind` says so (the kind defaults to \
                    TriggerAuthentication). A reference it cannot resolve is only logged: the scaler runs without \
                    those parameters and fails or connects unauthenticated. The finding appears when the reviewed \
                    objects show the mistake: the name exists in another namespace, or as the other kind; when that \
                    object is in another file, which may not be applied with this one, it is a warning.""")
            .example("""
                    # TriggerAuthentication keda-prom-creds is in namespace default,
                    # the ScaledObject in namespace keda
                    authenticationRef:
                      name: keda-prom-creds""")
            .remedy("""
                    Create the TriggerAuthentication in the ScaledObject's namespace, or use a \
                    ClusterTriggerAuthentication with `kind: ClusterTriggerAuthentication`.""")
            .source("""
                    [K] pkg/scaling/resolver/scale_resolvers.go (getTriggerAuth, resolveAuthRef); \
                    research/keda.md §14.""")
            .fix(FixAvailability.SOMETIMES)
            .build();

    private static final RuleInfo NOT_REVIEWED = RuleInfo.builder("keda/auth-ref-not-in-review", Severity.INFO)
            .summary("A trigger's authenticationRef names an authentication that is not among the reviewed objects")
            .rationale("""
                    The TriggerAuthentication may exist in the cluster, so this is advice; reviewing it together \
                    with the ScaledObject lets the review check that it provides the parameters the scaler needs \
                    and that its Secrets have the keys it reads.""")
            .example("""
                    authenticationRef:
                      name: kafka-auth     # not in the reviewed files""")
            .remedy("Review the TriggerAuthentication (and its Secrets' key names) with the ScaledObject.")
            .source("[K] pkg/scaling/resolver/scale_resolvers.go; research/keda.md §14.")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<RuleInfo> alsoReports() {
        return List.of(NOT_REVIEWED);
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return TriggerAnalysis.appliesTo(o);
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Trigger t : Trigger.of(o)) {
            Trigger.AuthRef ref = t.authRef();
            if (ref == null || ref.name().isEmpty()) {
                continue;
            }
            AuthLookup lookup = AuthLookup.of(t, o.namespace(), ctx.index());
            switch (lookup.status()) {
                case OTHER_NAMESPACE -> out.add(Conflicts.scoped(o.finding(INFO, ref.at().child("name"), false,
                        "KEDA looks for TriggerAuthentication `" + ref.name() + "` only in namespace `"
                        + o.namespace() + "`, but it is in `" + lookup.elsewhere().namespace() + "`; create it in `"
                        + o.namespace() + "`, or use a ClusterTriggerAuthentication.", null), o, lookup.elsewhere()));
                case OTHER_KIND -> out.add(Conflicts.scoped(otherKind(o, t, ref, lookup.elsewhere()), o,
                        lookup.elsewhere()));
                case NOT_IN_REVIEW -> out.add(o.finding(NOT_REVIEWED, ref.at().child("name"), false, "The "
                        + ref.kindOrDefault() + " `" + ref.name() + "` is not among the reviewed objects; review it"
                        + " with this " + o.kind() + " to check the parameters it provides.", null));
                default -> { }
            }
        }
        return out;
    }

    private Finding otherKind(KubeObject o, Trigger t, Trigger.AuthRef ref, KubeObject found) {
        if (found.kind().equals("ClusterTriggerAuthentication")) {
            Edit edit = ref.kind() != null ? Edits.replaceScalar(o, ref.at().child("kind"),
                    "ClusterTriggerAuthentication")
                    : KedaEdits.insertBefore(o, ref.at().child("name"), "kind: ClusterTriggerAuthentication");
            return o.finding(INFO, ref.at().child("name"), false, "`" + ref.name() + "` is a"
                    + " ClusterTriggerAuthentication, but `authenticationRef.kind` defaults to TriggerAuthentication,"
                    + " so KEDA finds nothing; set `kind: ClusterTriggerAuthentication`.",
                    edit == null ? null : Fix.unsafe("Set kind: ClusterTriggerAuthentication", edit));
        }
        return o.finding(INFO, ref.at().child("kind"), false, "`" + ref.name() + "` is a TriggerAuthentication, but"
                + " `authenticationRef.kind` says ClusterTriggerAuthentication, so KEDA finds nothing; remove"
                + " `kind` or make it `TriggerAuthentication`.", null);
    }
}
