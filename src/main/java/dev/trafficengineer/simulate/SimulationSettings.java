package dev.trafficengineer.simulate;

/**
 * How to run a simulation.
 *
 * @param controller the kube-controller-manager flags (sync period 15 s by default)
 * @param initialReplicas the count at second 0, with every pod warm and ready; null: the autoscaler's minimum
 *     (minReplicas, KEDA's minReplicaCount which may be 0, or the fixed count)
 * @param flapWindowSeconds a scale event reversing the previous one within this window counts as a flap
 */
public record SimulationSettings(ControllerConfig controller, Integer initialReplicas, int flapWindowSeconds) {

    public static final SimulationSettings DEFAULTS = new SimulationSettings(ControllerConfig.DEFAULTS, null, 600);

    public SimulationSettings withInitialReplicas(Integer replicas) {
        return new SimulationSettings(controller, replicas, flapWindowSeconds);
    }
}
