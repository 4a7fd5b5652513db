package dev.trafficengineer.simulate;

import dev.trafficengineer.kube.Quantity;
import java.util.List;

/**
 * One direction of {@code spec.behavior} ({@code HPAScalingRules}). As written in a manifest every field may be
 * null (omitted); {@link Behavior#defaulted} fills them the way the API server does. {@code policies} null means
 * omitted, an empty list means an explicit {@code []}.
 *
 * @param stabilizationWindowSeconds null in scaleDown even after defaulting: the controller then uses its
 *     {@code --horizontal-pod-autoscaler-downscale-stabilization} flag
 * @param tolerance null means the controller's {@code --horizontal-pod-autoscaler-tolerance} (0.1)
 */
public record ScalingRules(
        Integer stabilizationWindowSeconds, SelectPolicy selectPolicy, List<ScalingPolicy> policies,
        Quantity tolerance) {

    public ScalingRules {
        policies = policies == null ? null : List.copyOf(policies);
    }

    /** Rules with nothing written, as {@code scaleUp: {}}. */
    public static ScalingRules omitted() {
        return new ScalingRules(null, null, null, null);
    }

    /** Each null field of this rule set taken from {@code defaults} (defaults.go copyHPAScalingRules). */
    ScalingRules orDefaults(ScalingRules defaults) {
        return new ScalingRules(
                stabilizationWindowSeconds != null ? stabilizationWindowSeconds : defaults.stabilizationWindowSeconds,
                selectPolicy != null ? selectPolicy : defaults.selectPolicy,
                policies != null ? policies : defaults.policies,
                tolerance != null ? tolerance : defaults.tolerance);
    }

    /** The longest policy period, which bounds how long scale events matter (horizontal.go getLongestPolicyPeriod). */
    int longestPolicyPeriodSeconds() {
        int longest = 0;
        for (ScalingPolicy p : policies) {
            longest = Math.max(longest, p.periodSeconds());
        }
        return longest;
    }
}
