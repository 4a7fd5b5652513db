package dev.trafficengineer.rules.hpa.validation;

import dev.trafficengineer.kube.KubernetesVersion;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the validated cluster is: its Kubernetes version (which decides the default of each feature gate and which
 * rules exist), explicit gate settings ({@code --feature-gates}), and whether unknown fields are rejected.
 *
 * <p>Validation is always that of a create, which is what {@code kubectl apply} of a new object and a review of a
 * manifest amount to; the update-only relaxations (ratcheting) never apply.
 *
 * @param kubernetesVersion     the release, e.g. 1.35
 * @param featureGates          gates set explicitly, overriding the version's defaults
 * @param strictFieldValidation true for {@code fieldValidation=Strict}, which kubectl sends by default
 *                              ({@code --validate=true}); false reproduces {@code --validate=false}, where unknown
 *                              fields are dropped
 */
public record ValidationOptions(KubernetesVersion kubernetesVersion, Map<FeatureGate, Boolean> featureGates,
        boolean strictFieldValidation) {

    /** The newest release whose validation this package reproduces. */
    public static final KubernetesVersion LATEST = new KubernetesVersion(1, 35);

    public ValidationOptions {
        Objects.requireNonNull(kubernetesVersion, "kubernetesVersion");
        featureGates = featureGates.isEmpty() ? Map.of() : Map.copyOf(featureGates);
    }

    public static ValidationOptions defaults() {
        return forVersion(LATEST);
    }

    public static ValidationOptions forVersion(KubernetesVersion kubernetesVersion) {
        return new ValidationOptions(kubernetesVersion, Map.of(), true);
    }

    public ValidationOptions withFeatureGate(FeatureGate gate, boolean enabled) {
        Map<FeatureGate, Boolean> gates = new EnumMap<>(FeatureGate.class);
        gates.putAll(featureGates);
        gates.put(gate, enabled);
        return new ValidationOptions(kubernetesVersion, gates, strictFieldValidation);
    }

    public ValidationOptions withStrictFieldValidation(boolean strict) {
        return new ValidationOptions(kubernetesVersion, featureGates, strict);
    }

    /**
     * Whether the gate is on: the explicit setting if any, else the version's default. A gate the release does not
     * have is off whatever is set, because the server would refuse to start with it.
     */
    public boolean enabled(FeatureGate gate) {
        if (!gate.existsIn(kubernetesVersion)) {
            return false;
        }
        Boolean explicit = featureGates.get(gate);
        return explicit != null ? explicit : gate.enabledByDefault(kubernetesVersion);
    }
}
