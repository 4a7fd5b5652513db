package dev.trafficengineer.rules.keda;

import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.manifest.ObjectIndex;
import java.util.List;
import java.util.Optional;

/**
 * Where a trigger's {@code authenticationRef} leads in the reviewed set. KEDA looks a TriggerAuthentication up in
 * the scaled object's namespace only and a ClusterTriggerAuthentication cluster-wide; a reference it cannot resolve
 * is only logged, and the scaler then runs without those parameters ([K] pkg/scaling/resolver/scale_resolvers.go).
 *
 * @param auth      the authentication found where KEDA looks, when {@code status} is FOUND
 * @param elsewhere an object of that name where KEDA does not look, for OTHER_NAMESPACE and OTHER_KIND
 */
record AuthLookup(Status status, TriggerAuthView auth, KubeObject elsewhere) {

    enum Status {
        /** The trigger has no authenticationRef. */
        NONE,
        FOUND,
        /** Nothing of that name is reviewed: it may exist in the cluster. */
        NOT_IN_REVIEW,
        /** A TriggerAuthentication of that name exists, but in another namespace. */
        OTHER_NAMESPACE,
        /** Only the other kind (TriggerAuthentication vs ClusterTriggerAuthentication) has that name. */
        OTHER_KIND
    }

    static final AuthLookup NONE = new AuthLookup(Status.NONE, null, null);

    static AuthLookup of(Trigger t, String namespace, ObjectIndex index) {
        Trigger.AuthRef ref = t.authRef();
        if (ref == null) {
            return NONE;
        }
        if (ref.cluster()) {
            Optional<KubeObject> cta = index.ofKind("ClusterTriggerAuthentication").stream()
                    .filter(o -> o.name().equals(ref.name()) && TriggerAuthView.isTriggerAuth(o)).findFirst();
            if (cta.isPresent()) {
                return new AuthLookup(Status.FOUND, TriggerAuthView.of(cta.get()), null);
            }
            Optional<KubeObject> ta = index.find("TriggerAuthentication", namespace, ref.name());
            return ta.map(o -> new AuthLookup(Status.OTHER_KIND, null, o))
                    .orElse(new AuthLookup(Status.NOT_IN_REVIEW, null, null));
        }
        if (!ref.kindOrDefault().equals("TriggerAuthentication")) {
            return new AuthLookup(Status.NOT_IN_REVIEW, null, null); // an unknown kind: the CRD enum rejects it
        }
        Optional<KubeObject> ta = index.find("TriggerAuthentication", namespace, ref.name())
                .filter(TriggerAuthView::isTriggerAuth);
        if (ta.isPresent()) {
            return new AuthLookup(Status.FOUND, TriggerAuthView.of(ta.get()), null);
        }
        List<KubeObject> cta = index.ofKind("ClusterTriggerAuthentication").stream()
                .filter(o -> o.name().equals(ref.name())).toList();
        if (!cta.isEmpty()) {
            return new AuthLookup(Status.OTHER_KIND, null, cta.get(0));
        }
        Optional<KubeObject> other = index.ofKindNamed("TriggerAuthentication", ref.name()).stream().findFirst();
        return other.map(o -> new AuthLookup(Status.OTHER_NAMESPACE, null, o))
                .orElse(new AuthLookup(Status.NOT_IN_REVIEW, null, null));
    }

    /** Whether the parameter may come from the authentication: true unless KEDA surely resolves nothing for it. */
    boolean mayProvide(String parameter) {
        return switch (status) {
            case NONE -> false;
            case FOUND -> auth.provides(parameter);
            // unresolvable references are reported on their own; do not pile missing-parameter findings on them
            default -> true;
        };
    }

    /** The pod identity provider when known: null when there is none or the authentication is not reviewed. */
    String podIdentity() {
        return status == Status.FOUND ? auth.podIdentity() : null;
    }

    /** Whether the pod identity is known (no auth at all, or a reviewed auth). */
    boolean podIdentityKnown() {
        return status == Status.NONE || status == Status.FOUND;
    }
}
