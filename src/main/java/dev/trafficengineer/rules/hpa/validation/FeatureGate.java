package dev.trafficengineer.rules.hpa.validation;

import dev.trafficengineer.kube.KubernetesVersion;
import java.util.List;

/**
 * The feature gates that change what the API server accepts in an HPA (pkg/features/kube_features.go), each with the
 * releases where its stage and default changed.
 */
public enum FeatureGate {
    /** Allows {@code minReplicas: 0}; alpha since 1.16 and still off by default. */
    HPA_SCALE_TO_ZERO("HPAScaleToZero", List.of(new Stage(new KubernetesVersion(1, 16), "alpha", false))),
    /**
     * Keeps {@code behavior.scaleUp/scaleDown.tolerance}; when off, create silently drops the field
     * (strategy.go {@code dropDisabledFields}). Alpha in 1.33, beta and on in 1.35.
     */
    HPA_CONFIGURABLE_TOLERANCE("HPAConfigurableTolerance", List.of(
            new Stage(new KubernetesVersion(1, 33), "alpha", false),
            new Stage(new KubernetesVersion(1, 35), "beta", true))),
    /**
     * Generation tracking for HPAs: create sets {@code metadata.generation} to 1 (strategy.go
     * {@code PrepareForCreate}). Before it, a generation the user sends is kept and validated. Beta and on in 1.37.
     */
    HPA_GENERATION("HPAGeneration", List.of(new Stage(new KubernetesVersion(1, 37), "beta", true)));

    /** From {@code since} on, the gate is at {@code stage} with default {@code enabledByDefault}. */
    public record Stage(KubernetesVersion since, String stage, boolean enabledByDefault) {
    }

    private final String gateName;
    private final List<Stage> stages;

    FeatureGate(String gateName, List<Stage> stages) {
        this.gateName = gateName;
        this.stages = stages;
    }

    /** The name used on the command line: {@code --feature-gates=HPAScaleToZero=true}. */
    public String gateName() {
        return gateName;
    }

    /** The first release that has the gate (and the field it governs). */
    public KubernetesVersion introduced() {
        return stages.get(0).since();
    }

    /** Whether the release knows the gate at all. */
    public boolean existsIn(KubernetesVersion v) {
        return v.compareTo(introduced()) >= 0;
    }

    /** The default in that release; false before the gate exists. */
    public boolean enabledByDefault(KubernetesVersion v) {
        boolean on = false;
        for (Stage s : stages) {
            if (v.compareTo(s.since()) >= 0) {
                on = s.enabledByDefault();
            }
        }
        return on;
    }

    /** Finds a gate by its Kubernetes name, e.g. "HPAScaleToZero". */
    public static FeatureGate byName(String name) {
        for (FeatureGate g : values()) {
            if (g.gateName.equals(name)) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown feature gate: " + name);
    }
}
