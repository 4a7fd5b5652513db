package dev.trafficengineer.simulate;

import java.util.List;

/**
 * The outcome of normalizing one proposal: the replica count the controller would write, the conditions that explain
 * it in pipeline order (AbleToScale with the stabilization reason, then ScalingLimited with the limit reason), and
 * the history to carry into the next reconcile.
 *
 * @param stabilizedReplicas the count after stabilization, before rate limits and bounds
 */
public record Decision(int desiredReplicas, int stabilizedReplicas, List<Condition> conditions,
        ScalerHistory history) {

    public Decision {
        conditions = List.copyOf(conditions);
    }

    /** The ScalingLimited reason: ScaleUpLimit, ScaleDownLimit, TooFewReplicas, TooManyReplicas, DesiredWithinRange. */
    public String limitReason() {
        return condition(Condition.SCALING_LIMITED).reason();
    }

    /** The AbleToScale reason: ReadyForNewScale, ScaleUpStabilized or ScaleDownStabilized. */
    public String stabilizationReason() {
        return condition(Condition.ABLE_TO_SCALE).reason();
    }

    private Condition condition(String type) {
        for (Condition c : conditions) {
            if (c.type().equals(type)) {
                return c;
            }
        }
        throw new IllegalStateException("no " + type + " condition");
    }
}
