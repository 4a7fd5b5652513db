package dev.trafficengineer.simulate;

/**
 * An HPA status condition as {@code kubectl describe hpa} shows it.
 *
 * @param type AbleToScale, ScalingActive or ScalingLimited
 * @param reason the controller's reason word, e.g. ScaleUpLimit, DesiredWithinRange, ScaleDownStabilized
 */
public record Condition(String type, boolean status, String reason, String message) {

    public static final String ABLE_TO_SCALE = "AbleToScale";
    public static final String SCALING_ACTIVE = "ScalingActive";
    public static final String SCALING_LIMITED = "ScalingLimited";
}
