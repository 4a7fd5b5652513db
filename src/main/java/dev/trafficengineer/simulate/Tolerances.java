package dev.trafficengineer.simulate;

/**
 * How far the usage ratio may stray from 1 before a metric proposes a change (replica_calculator.go Tolerances).
 * Both ends are inclusive: {@code 1 - scaleDown <= ratio <= 1 + scaleUp}. The subtraction and addition are done
 * first, as upstream does; {@code |1 - ratio| <= t} would give different answers at the edges.
 */
public record Tolerances(double scaleDown, double scaleUp) {

    public static Tolerances uniform(double tolerance) {
        return new Tolerances(tolerance, tolerance);
    }

    /**
     * The tolerances of one HPA (horizontal.go tolerancesForHpa): the cluster flag for each direction, replaced by
     * {@code behavior.scaleUp/scaleDown.tolerance} where set (HPAConfigurableTolerance, beta and on since 1.35).
     */
    public static Tolerances forBehavior(Behavior behavior, double clusterTolerance) {
        double down = clusterTolerance;
        double up = clusterTolerance;
        if (behavior != null && behavior.scaleDown() != null && behavior.scaleDown().tolerance() != null) {
            down = behavior.scaleDown().tolerance().approximateDouble();
        }
        if (behavior != null && behavior.scaleUp() != null && behavior.scaleUp().tolerance() != null) {
            up = behavior.scaleUp().tolerance().approximateDouble();
        }
        return new Tolerances(down, up);
    }

    public boolean isWithin(double ratio) {
        return (1.0 - scaleDown) <= ratio && ratio <= (1.0 + scaleUp);
    }
}
