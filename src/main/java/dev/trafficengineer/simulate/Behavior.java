package dev.trafficengineer.simulate;

import java.util.List;

/**
 * {@code spec.behavior} of an autoscaling/v2 HPA. An HPA without behavior is represented by a null
 * {@code Behavior}, never by this record: the controller then takes its legacy path (research §4.5).
 *
 * @param scaleUp null when omitted
 * @param scaleDown null when omitted
 */
public record Behavior(ScalingRules scaleUp, ScalingRules scaleDown) {

    /** What the API server fills into an omitted scaleUp field (defaults.go GenerateHPAScaleUpRules). */
    public static final ScalingRules DEFAULT_SCALE_UP = new ScalingRules(0, SelectPolicy.MAX,
            List.of(ScalingPolicy.pods(4, 15), ScalingPolicy.percent(100, 15)), null);

    /**
     * What the API server fills into an omitted scaleDown field (defaults.go GenerateHPAScaleDownRules). The window
     * stays null; the controller applies its downscale-stabilization flag at reconcile time.
     */
    public static final ScalingRules DEFAULT_SCALE_DOWN = new ScalingRules(null, SelectPolicy.MAX,
            List.of(ScalingPolicy.percent(100, 15)), null);

    /**
     * The behavior as stored after API-server defaulting ({@code SetDefaults_HorizontalPodAutoscaler}): every
     * omitted field of either direction is filled per field; a written {@code policies} list replaces the default
     * list as a whole; tolerance is never defaulted. Returns null for null (no behavior stays no behavior).
     */
    public static Behavior defaulted(Behavior written) {
        if (written == null) {
            return null;
        }
        ScalingRules up = written.scaleUp == null ? ScalingRules.omitted() : written.scaleUp;
        ScalingRules down = written.scaleDown == null ? ScalingRules.omitted() : written.scaleDown;
        return new Behavior(up.orDefaults(DEFAULT_SCALE_UP), down.orDefaults(DEFAULT_SCALE_DOWN));
    }
}
