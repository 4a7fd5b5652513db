package dev.trafficengineer.simulate;

/**
 * The kube-controller-manager flags the HPA controller reads (research §3.2).
 *
 * @param syncPeriodSeconds {@code --horizontal-pod-autoscaler-sync-period}
 * @param tolerance {@code --horizontal-pod-autoscaler-tolerance}, used for a direction whose behavior sets none
 * @param downscaleStabilizationSeconds {@code --horizontal-pod-autoscaler-downscale-stabilization}
 * @param cpuInitializationPeriodSeconds {@code --horizontal-pod-autoscaler-cpu-initialization-period}
 * @param initialReadinessDelaySeconds {@code --horizontal-pod-autoscaler-initial-readiness-delay}
 */
public record ControllerConfig(
        int syncPeriodSeconds, double tolerance, int downscaleStabilizationSeconds,
        int cpuInitializationPeriodSeconds, int initialReadinessDelaySeconds) {

    /** The defaults of a stock kube-controller-manager. */
    public static final ControllerConfig DEFAULTS = new ControllerConfig(15, 0.1, 300, 300, 30);

    public ControllerConfig {
        if (syncPeriodSeconds <= 0) {
            throw new IllegalArgumentException("syncPeriodSeconds must be positive, got " + syncPeriodSeconds);
        }
    }

    long downscaleStabilizationMillis() {
        return downscaleStabilizationSeconds * 1000L;
    }

    long cpuInitializationPeriodMillis() {
        return cpuInitializationPeriodSeconds * 1000L;
    }

    long initialReadinessDelayMillis() {
        return initialReadinessDelaySeconds * 1000L;
    }
}
