package dev.trafficengineer.rules.behavior;

import dev.trafficengineer.kube.KubernetesVersion;
import dev.trafficengineer.rules.hpa.validation.FeatureGate;
import dev.trafficengineer.rules.hpa.validation.ValidationOptions;

/**
 * The cluster the behavior runs on, as far as the analysis needs it.
 *
 * @param toleranceHonoured          whether the API server keeps {@code tolerance} (HPAConfigurableTolerance on);
 *                                   when off, create drops the field and the cluster-wide tolerance applies
 * @param syncPeriodSeconds          --horizontal-pod-autoscaler-sync-period (default 15 s)
 * @param downscaleWindowSeconds     --horizontal-pod-autoscaler-downscale-stabilization (default 300 s): the
 *                                   scale-down window when none is written
 * @param clusterTolerance           --horizontal-pod-autoscaler-tolerance (default 0.1)
 * @param slowScaleUpSeconds         scale-up from min to max taking longer than this is reported
 */
public record Settings(boolean toleranceHonoured, int syncPeriodSeconds, int downscaleWindowSeconds,
        double clusterTolerance, int slowScaleUpSeconds) {

    /** The newest release's defaults: tolerance honoured (1.35), the controller's default flags. */
    public static final Settings DEFAULT = new Settings(true, 15, 300, 0.1, 600);

    /** The defaults of a Kubernetes release: whether it keeps {@code tolerance} follows its feature gate default. */
    public static Settings forKubernetes(KubernetesVersion v) {
        boolean tolerance = ValidationOptions.forVersion(v).enabled(FeatureGate.HPA_CONFIGURABLE_TOLERANCE);
        return new Settings(tolerance, DEFAULT.syncPeriodSeconds, DEFAULT.downscaleWindowSeconds,
                DEFAULT.clusterTolerance, DEFAULT.slowScaleUpSeconds);
    }
}
