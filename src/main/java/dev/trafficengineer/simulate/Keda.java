package dev.trafficengineer.simulate;

import java.util.ArrayList;
import java.util.List;

/**
 * What KEDA adds on top of the HPA controller (research keda.md §9–12). KEDA owns activation (0 ↔ 1, or idle ↔ min)
 * and leaves 1 ↔ N to the HPA it generates; it also stands in for a failing scaler with a fallback metric.
 * <ol>
 *   <li>{@link #generatedHpa}: the HPA KEDA creates, one metric per trigger;</li>
 *   <li>{@link #activity}: whether the ScaledObject is active and whether a scaler is in error, at each polling
 *       interval;</li>
 *   <li>{@link #scaleLoop}: the executor's decision for that poll (scale from zero or idle, cooldown to zero or
 *       idle, fallback replicas, raise to min);</li>
 *   <li>{@link #fallbackMetricMilli}: the synthetic metric served to the HPA once a scaler has failed more than
 *       {@code failureThreshold} times in a row.</li>
 * </ol>
 */
public final class Keda {

    private Keda() {
    }

    /**
     * The HPA KEDA generates (controllers/keda/hpa.go): minReplicas is minReplicaCount when above zero, else 1 (KEDA
     * itself handles zero); maxReplicas defaults to 100; behavior is copied verbatim. cpu/memory triggers become
     * Resource (or ContainerResource) metrics; every other trigger an External metric named {@code s<i>-<type>}
     * with an AverageValue target, or Value where the trigger's metricType says so. Metrics keep trigger order.
     */
    public static HpaSpec generatedHpa(ScaledObjectSpec so) {
        List<MetricSpec> metrics = new ArrayList<>();
        for (int i = 0; i < so.triggers().size(); i++) {
            metrics.add(metricFor(i, so.triggers().get(i)));
        }
        int min = so.minReplicaCount() != null && so.minReplicaCount() > 0 ? so.minReplicaCount() : 1;
        return new HpaSpec(min, so.maxReplicas(), metrics, so.behavior());
    }

    static MetricSpec metricFor(int index, KedaTrigger t) {
        if (t.isResource()) {
            MetricTarget target = t.metricType() == MetricTargetType.UTILIZATION
                    ? MetricTarget.utilization(t.targetUtilization())
                    : MetricTarget.averageValue(t.target());
            return t.containerName() == null ? MetricSpec.resource(t.type(), target)
                    : MetricSpec.containerResource(t.type(), t.containerName(), target);
        }
        String name = "s" + index + "-" + t.type();
        MetricTarget target = t.metricType() == MetricTargetType.VALUE ? MetricTarget.value(t.target())
                : MetricTarget.averageValue(t.target());
        return MetricSpec.external(name, target);
    }

    /** One trigger's reading at a poll: its value, or that the scaler failed. */
    public record TriggerReading(KedaTrigger trigger, boolean failed, double value) {
    }

    /** The ScaledObject's state after a poll: any trigger active, any scaler in error. */
    public record Activity(boolean active, boolean error) {
    }

    /**
     * Activity at a poll (scale_handler.go getScaledObjectState): a trigger is active when its value is strictly
     * above its activation threshold; cpu/memory triggers never count, except that a ScaledObject with only
     * cpu/memory triggers is always active (it cannot scale to zero).
     */
    public static Activity activity(List<TriggerReading> readings) {
        boolean active = false;
        boolean error = false;
        int resource = 0;
        for (TriggerReading r : readings) {
            if (r.trigger().isResource()) {
                resource++;
                continue;
            }
            if (r.failed()) {
                error = true;
            } else if (r.value() > r.trigger().activationThreshold()) {
                active = true;
            }
        }
        if (resource == readings.size()) {
            active = true;
        }
        return new Activity(active, error);
    }

    /** What KEDA's scale loop keeps between polls. {@code lastActiveMillis} is null until the first activity. */
    public record State(Long lastActiveMillis, long createdMillis) {

        public static State createdAt(long millis) {
            return new State(null, millis);
        }
    }

    /**
     * One poll's decision. {@code replicas} is the count KEDA writes to the scale target, or -1 when it leaves the
     * target alone; {@code reason} says why in a word.
     */
    public record Step(int replicas, String reason, State next) {
    }

    /**
     * The executor (scale_scaledobjects.go RequestScale) for one poll. Active: scale from zero (or from idle below
     * min) to minReplicaCount or 1, and remember the time; a scaler error while active changes nothing. Not active:
     * with an error and fallback replicas, go to the fallback count; with an error and no fallback, hold; otherwise
     * scale to idle (or min, or zero) once cooldownPeriod has passed since the last activity
     * (initialCooldownPeriod since creation if never active); with no idle count, raise a target below min to min.
     */
    public static Step scaleLoop(ScaledObjectSpec so, State state, Activity activity, int currentReplicas,
            long nowMillis) {
        int min = so.minReplicas();
        Integer idle = so.idleReplicaCount();
        if (activity.active()) {
            if ((idle != null && currentReplicas < min) || currentReplicas == 0) {
                return new Step(min > 0 ? min : 1, "KedaActivated", new State(nowMillis, state.createdMillis()));
            }
            if (activity.error()) {
                return new Step(-1, "KedaScalerError", state);
            }
            return new Step(-1, "KedaActive", new State(nowMillis, state.createdMillis()));
        }
        ScaledObjectSpec.Fallback fallback = so.fallback();
        if (activity.error() && fallback != null && fallback.replicas() != 0) {
            return new Step(fallbackReplicas(fallback, currentReplicas), "KedaFallback", state);
        }
        if (activity.error() && fallback == null) {
            return new Step(-1, "KedaScalerError", state);
        }
        if ((idle != null && currentReplicas > idle) || (currentReplicas > 0 && min == 0)) {
            boolean cooled = state.lastActiveMillis() == null
                    ? state.createdMillis() + so.initialCooldownPeriodSeconds() * 1000L < nowMillis
                    : state.lastActiveMillis() + so.cooldownPeriodSeconds() * 1000L < nowMillis;
            if (cooled) {
                int to = idle != null ? idle : so.minReplicaCount() == null ? 0 : so.minReplicaCount();
                return new Step(to, idle != null ? "KedaIdle" : "KedaDeactivated", state);
            }
            return new Step(-1, "KedaCoolingDown", state);
        }
        if (currentReplicas < min && idle == null) {
            return new Step(min, "KedaMinReplicas", state);
        }
        return new Step(-1, "KedaInactive", state);
    }

    /** The replica count a fallback stands for (fallback.go): fixed, the current count, or the larger/smaller. */
    public static int fallbackReplicas(ScaledObjectSpec.Fallback fallback, int currentReplicas) {
        FallbackBehavior b = fallback.behavior() == null ? FallbackBehavior.STATIC : fallback.behavior();
        return switch (b) {
            case STATIC -> fallback.replicas();
            case CURRENT_REPLICAS -> currentReplicas;
            case CURRENT_REPLICAS_IF_HIGHER -> Math.max(currentReplicas, fallback.replicas());
            case CURRENT_REPLICAS_IF_LOWER -> Math.min(currentReplicas, fallback.replicas());
        };
    }

    /** HasValidFallback: a fallback with a non-negative threshold and replica count. */
    public static boolean hasValidFallback(ScaledObjectSpec so) {
        return so.fallback() != null && so.fallback().failureThreshold() >= 0 && so.fallback().replicas() >= 0;
    }

    /**
     * The synthetic value served instead of a failing scaler's, built so the HPA arrives at the fallback count:
     * {@code target × replicas} for AverageValue, {@code target × replicas / readyReplicas} for Value. Returns -1
     * when a Value target has no ready pods to divide by (KEDA then reports an error).
     */
    public static long fallbackMetricMilli(MetricTarget target, int replicas, int readyReplicas) {
        if (target.averageValue() != null) {
            return (long) (target.averageValue().approximateDouble() * 1000 * replicas);
        }
        if (readyReplicas <= 0) {
            return -1;
        }
        return (long) (target.value().approximateDouble() * 1000 * replicas / readyReplicas);
    }

    /** A scaler's float value as KEDA's metrics server hands it to the HPA: milli-units, truncated. */
    public static long metricMilli(double value) {
        return (long) (value * 1000);
    }
}
