package dev.trafficengineer.rules.behavior;

/**
 * One scaling policy as the controller applies it: at most {@code value} pods, or {@code value} percent of the
 * replicas at the start of the period, every {@code periodSeconds}.
 *
 * @param index the policy's position in {@code policies}, for pointers and messages
 */
public record Policy(int index, Type type, int value, int periodSeconds) {

    public enum Type { PODS, PERCENT }

    /**
     * The replica count this policy allows, from {@code start} replicas at the beginning of its period, in the
     * controller's arithmetic (horizontal.go calculateScaleUpLimitWithScalingRules and
     * calculateScaleDownLimitWithBehaviors): Percent rounds up when scaling up and truncates toward zero when
     * scaling down, in IEEE doubles, then converts to int32.
     */
    public long proposal(Direction d, long start) {
        if (type == Type.PODS) {
            return d == Direction.UP ? start + value : start - value;
        }
        if (d == Direction.UP) {
            return goInt32(Math.ceil(start * (1 + (double) value / 100)));
        }
        return goInt32(start * (1 - (double) value / 100));
    }

    /** Go's {@code int32(f)} for the values that occur here: truncation toward zero, saturated instead of wrapped. */
    private static long goInt32(double f) {
        if (f >= Integer.MAX_VALUE) {
            return Integer.MAX_VALUE;
        }
        if (f <= Integer.MIN_VALUE) {
            return Integer.MIN_VALUE;
        }
        return (long) f;
    }

    /** {@code 4 pods every 15 s} or {@code 100% of pods every 15 s}, as messages say it. */
    public String describe() {
        String amount = type == Type.PODS ? value + (value == 1 ? " pod" : " pods") : value + "% of pods";
        return amount + " every " + periodSeconds + " s";
    }

    /** The policy as written: {@code Pods 4 / 15 s}. */
    public String written() {
        return "`" + (type == Type.PODS ? "Pods" : "Percent") + " " + value + "` per " + periodSeconds + " s";
    }
}
