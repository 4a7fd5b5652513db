package dev.trafficengineer.simulate;

import java.util.ArrayList;
import java.util.List;

/**
 * The HPA controller's decision for one reconcile, as horizontal.go makes it, without its clock, maps and metric
 * fetching. {@link #reconcile} runs the whole pipeline:
 * <ol>
 *   <li>record the first-seen replica count as the initial recommendation ({@code recordInitialRecommendation});</li>
 *   <li>the guards that skip metrics: target at zero with minReplicas above zero (scaling disabled), current above
 *       maxReplicas or below minReplicas (go straight to the bound);</li>
 *   <li>the proposal of each metric ({@link ReplicaCalculator}), and {@link #maxOverMetrics};</li>
 *   <li>{@link #normalize}, which is the pure core the {@code decide} command exposes:
 *     <ol type="a">
 *       <li>without behavior (the legacy path): {@link #stabilizeLegacy} (a rolling maximum over the downscale
 *           window) then {@link #limitLegacy} (scale-up capped at max(2 × current, 4), then min/max);</li>
 *       <li>with behavior: {@link #stabilizeWithBehavior} (current clamped into [lowest recommendation of the
 *           scale-up window, highest of the scale-down window]) then {@link #limitWithBehavior} (the policies over
 *           the scale events of their periods, {@link #scaleUpLimit}/{@link #scaleDownLimit}, then min/max);</li>
 *     </ol></li>
 *   <li>on a rescale, {@link #recordScaleEvent} (behavior only).</li>
 * </ol>
 * Each stage returns the conditions that explain it, with the controller's reason words. Time is milliseconds on the
 * caller's timeline; comparisons are strict as Go's {@code Before}/{@code After}, so a recommendation or event
 * exactly one window old is out of the window.
 */
public final class HorizontalController {

    private static final String MSG_WITHIN_RANGE = "the desired count is within the acceptable range";
    private static final String MSG_TOO_FEW = "the desired replica count is less than the minimum replica count";
    private static final String MSG_TOO_MANY = "the desired replica count is more than the maximum replica count";
    private static final String MSG_UP_LIMIT =
            "the desired replica count is increasing faster than the maximum scale rate";
    private static final String MSG_DOWN_LIMIT =
            "the desired replica count is decreasing faster than the maximum scale rate";

    /** horizontal.go scaleUpLimitFactor and scaleUpLimitMinimum, used only on the legacy path. */
    static final double SCALE_UP_LIMIT_FACTOR = 2.0;
    static final double SCALE_UP_LIMIT_MINIMUM = 4.0;

    private HorizontalController() {
    }

    /** What normalization reads: the current count, the proposal from metrics, the bounds and the behavior. */
    public record Normalization(int currentReplicas, int proposedReplicas, int minReplicas, int maxReplicas,
            Behavior behavior) {
    }

    /** A stage's replica count and why. */
    record Limited(int replicas, String reason, String message) {
    }

    /** A stabilization result and the recommendation list to keep. */
    record Stabilized(int replicas, String reason, String message, List<Recommendation> recommendations) {
    }

    /** The max over metrics: {@code replicas} is -1 when the controller must not scale. */
    public record MetricsMax(int replicas, Condition scalingActive) {
    }

    /**
     * The whole reconcile's result: the count to write (equal to the current one when {@code rescale} is false),
     * the conditions in pipeline order and the history to keep.
     */
    public record Reconciliation(int desiredReplicas, boolean rescale, List<Condition> conditions,
            ScalerHistory history) {

        public Reconciliation {
            conditions = List.copyOf(conditions);
        }

        /** The reason that best explains this reconcile's count, for a timeline. */
        public String headline() {
            String stabilized = null;
            for (Condition c : conditions) {
                if (c.type().equals(Condition.SCALING_LIMITED) && c.status()) {
                    return c.reason();
                }
                if (c.type().equals(Condition.SCALING_ACTIVE) && !c.status()) {
                    return c.reason();
                }
                if (c.type().equals(Condition.ABLE_TO_SCALE) && !c.reason().equals("ReadyForNewScale")) {
                    stabilized = c.reason();
                }
            }
            if (stabilized != null) {
                return stabilized;
            }
            return conditions.isEmpty() ? "" : conditions.get(conditions.size() - 1).reason();
        }
    }

    /**
     * One reconcile of one HPA (reconcileAutoscaler, research §4.2), given each metric's outcome for this sync.
     *
     * @param minReplicas null means omitted, which the API server defaults to 1
     * @param behavior as written; null takes the legacy path
     */
    public static Reconciliation reconcile(int specReplicas, Integer minReplicas, int maxReplicas, Behavior behavior,
            List<MetricSpec> metrics, List<MetricOutcome> outcomes, ScalerHistory history, long nowMillis,
            ControllerConfig config) {
        Behavior defaulted = Behavior.defaulted(behavior);
        int min = minReplicas == null ? 1 : minReplicas;
        ScalerHistory h = history.recommendations().isEmpty()
                ? history.withRecommendations(List.of(new Recommendation(specReplicas, nowMillis)))
                : history;
        List<Condition> conditions = new ArrayList<>();
        int desired;
        if (specReplicas == 0 && min != 0) {
            // "implicit maintenance mode": someone scaled the target to zero; the HPA leaves it alone
            conditions.add(new Condition(Condition.SCALING_ACTIVE, false, "ScalingDisabled",
                    "scaling is disabled since the replica count of the target is zero"));
            return new Reconciliation(specReplicas, false, conditions, h);
        } else if (specReplicas > maxReplicas) {
            desired = maxReplicas;
            conditions.add(new Condition(Condition.SCALING_LIMITED, true, "TooManyReplicas",
                    "Current number of replicas above Spec.MaxReplicas"));
        } else if (specReplicas < min) {
            desired = min;
            conditions.add(new Condition(Condition.SCALING_LIMITED, true, "TooFewReplicas",
                    "Current number of replicas below Spec.MinReplicas"));
        } else {
            MetricsMax max = maxOverMetrics(metrics, outcomes, specReplicas);
            conditions.add(max.scalingActive());
            if (max.replicas() < 0) {
                return new Reconciliation(specReplicas, false, conditions, h);
            }
            Decision decision = normalize(
                    new Normalization(specReplicas, Math.max(0, max.replicas()), min, maxReplicas, defaulted),
                    h, nowMillis, config);
            conditions.addAll(decision.conditions());
            h = decision.history();
            desired = decision.desiredReplicas();
        }
        boolean rescale = desired != specReplicas;
        if (rescale) {
            h = recordScaleEvent(h, defaulted, specReplicas, desired, nowMillis);
        }
        return new Reconciliation(rescale ? desired : specReplicas, rescale, conditions, h);
    }

    /**
     * The largest proposal over the valid metrics (computeReplicasForMetrics). If every metric failed, or some failed
     * and the valid ones would scale down, the controller does not scale: it never scales down on partial data.
     */
    public static MetricsMax maxOverMetrics(List<MetricSpec> metrics, List<MetricOutcome> outcomes,
            int specReplicas) {
        int replicas = 0;
        int invalid = 0;
        Condition firstFailure = null;
        String chosen = null;
        for (int i = 0; i < outcomes.size(); i++) {
            MetricOutcome outcome = outcomes.get(i);
            if (outcome instanceof MetricOutcome.Failure f) {
                if (invalid == 0) {
                    firstFailure = new Condition(Condition.SCALING_ACTIVE, false, failureReason(metrics.get(i)),
                            f.message());
                }
                invalid++;
            } else if (outcome instanceof MetricOutcome.Proposal p && (replicas == 0 || p.replicas() > replicas)) {
                replicas = p.replicas();
                chosen = metrics.get(i).describe();
            }
        }
        if (invalid >= outcomes.size() || (invalid > 0 && replicas < specReplicas)) {
            return new MetricsMax(-1, firstFailure != null ? firstFailure
                    : new Condition(Condition.SCALING_ACTIVE, false, "InvalidMetricSourceType",
                            "the HPA has no metrics to compute a replica count from"));
        }
        return new MetricsMax(replicas, new Condition(Condition.SCALING_ACTIVE, true, "ValidMetricFound",
                "the HPA was able to successfully calculate a replica count from " + chosen));
    }

    /** The ScalingActive reason a failing metric of this source sets (FailedGet*Metric). */
    static String failureReason(MetricSpec spec) {
        return switch (spec.source()) {
            case RESOURCE -> "FailedGetResourceMetric";
            case CONTAINER_RESOURCE -> "FailedGetContainerResourceMetric";
            case PODS -> "FailedGetPodsMetric";
            case OBJECT -> "FailedGetObjectMetric";
            case EXTERNAL -> "FailedGetExternalMetric";
        };
    }

    /**
     * Stabilization, rate limits and bounds for one proposal (normalizeDesiredReplicas or
     * normalizeDesiredReplicasWithBehaviors). The behavior is defaulted as the API server would have stored it.
     * The history's recommendations gain this proposal; scale events are read, not written.
     */
    public static Decision normalize(Normalization n, ScalerHistory history, long nowMillis,
            ControllerConfig config) {
        Behavior behavior = Behavior.defaulted(n.behavior());
        Stabilized stabilized;
        Limited limited;
        if (behavior == null) {
            stabilized = stabilizeLegacy(n.proposedReplicas(), history.recommendations(), nowMillis,
                    config.downscaleStabilizationMillis());
            limited = limitLegacy(n.currentReplicas(), stabilized.replicas(), n.minReplicas(), n.maxReplicas());
        } else {
            // maybeInitScaleDownStabilizationWindow: the API leaves the scale-down window unset, the flag fills it
            Integer downWindow = behavior.scaleDown().stabilizationWindowSeconds();
            long downMillis = downWindow == null ? config.downscaleStabilizationMillis() : downWindow * 1000L;
            long upMillis = behavior.scaleUp().stabilizationWindowSeconds() * 1000L;
            stabilized = stabilizeWithBehavior(n.currentReplicas(), n.proposedReplicas(), history.recommendations(),
                    nowMillis, upMillis, downMillis);
            limited = limitWithBehavior(n.currentReplicas(), stabilized.replicas(), n.minReplicas(),
                    n.maxReplicas(), behavior, history, nowMillis);
        }
        Condition able = stabilized.replicas() != n.proposedReplicas()
                ? new Condition(Condition.ABLE_TO_SCALE, true, stabilized.reason(), stabilized.message())
                : new Condition(Condition.ABLE_TO_SCALE, true, "ReadyForNewScale",
                        "recommended size matches current size");
        Condition limit = new Condition(Condition.SCALING_LIMITED, limited.replicas() != stabilized.replicas(),
                limited.reason(), limited.message());
        return new Decision(limited.replicas(), stabilized.replicas(), List.of(able, limit),
                history.withRecommendations(stabilized.recommendations()));
    }

    /**
     * Legacy stabilization (stabilizeRecommendation): the highest recommendation not older than the downscale
     * window, this proposal included, so only scale-down is damped. The proposal replaces the last entry older than
     * the window, or is appended.
     */
    static Stabilized stabilizeLegacy(int proposed, List<Recommendation> recommendations, long nowMillis,
            long windowMillis) {
        long cutoff = nowMillis - windowMillis;
        int max = proposed;
        int oldIndex = -1;
        for (int i = 0; i < recommendations.size(); i++) {
            Recommendation rec = recommendations.get(i);
            if (rec.atMillis() < cutoff) {
                oldIndex = i;
            } else if (rec.replicas() > max) {
                max = rec.replicas();
            }
        }
        return new Stabilized(max, "ScaleDownStabilized",
                "recent recommendations were higher than current one, applying the highest recent recommendation",
                store(recommendations, oldIndex, new Recommendation(proposed, nowMillis)));
    }

    /**
     * Legacy limits (convertDesiredReplicasWithRules): at most max(2 × current, 4) in one step, which guards against
     * a bogus usage spike, then the bounds. TooFewReplicas wins over the upper limits.
     */
    static Limited limitLegacy(int current, int desired, int min, int max) {
        int scaleUpLimit = legacyScaleUpLimit(current);
        int maxAllowed;
        String reason;
        String message;
        if (max > scaleUpLimit) {
            maxAllowed = scaleUpLimit;
            reason = "ScaleUpLimit";
            message = MSG_UP_LIMIT;
        } else {
            maxAllowed = max;
            reason = "TooManyReplicas";
            message = MSG_TOO_MANY;
        }
        if (desired < min) {
            return new Limited(min, "TooFewReplicas", MSG_TOO_FEW);
        }
        if (desired > maxAllowed) {
            return new Limited(maxAllowed, reason, message);
        }
        return new Limited(desired, "DesiredWithinRange", MSG_WITHIN_RANGE);
    }

    /** calculateScaleUpLimit: {@code int32(max(2.0 × current, 4.0))}. */
    static int legacyScaleUpLimit(int current) {
        return (int) Math.max(SCALE_UP_LIMIT_FACTOR * current, SCALE_UP_LIMIT_MINIMUM);
    }

    /**
     * Stabilization with behavior (stabilizeRecommendationWithBehaviors): the current count clamped into
     * [lowest recommendation within the scale-up window, highest within the scale-down window], this proposal
     * counting in both. One list serves both directions; an entry outside both windows is reused for this proposal.
     */
    static Stabilized stabilizeWithBehavior(int current, int proposed, List<Recommendation> recommendations,
            long nowMillis, long upWindowMillis, long downWindowMillis) {
        long upCutoff = nowMillis - upWindowMillis;
        long downCutoff = nowMillis - downWindowMillis;
        int up = proposed;
        int down = proposed;
        int oldIndex = -1;
        for (int i = 0; i < recommendations.size(); i++) {
            Recommendation rec = recommendations.get(i);
            if (rec.atMillis() > upCutoff) {
                up = Math.min(up, rec.replicas());
            }
            if (rec.atMillis() > downCutoff) {
                down = Math.max(down, rec.replicas());
            }
            if (rec.atMillis() < upCutoff && rec.atMillis() < downCutoff) {
                oldIndex = i;
            }
        }
        int result = current;
        if (result < up) {
            result = up;
        }
        if (result > down) {
            result = down;
        }
        List<Recommendation> kept = store(recommendations, oldIndex, new Recommendation(proposed, nowMillis));
        if (proposed >= current) {
            return new Stabilized(result, "ScaleUpStabilized",
                    "recent recommendations were lower than current one, applying the lowest recent recommendation",
                    kept);
        }
        return new Stabilized(result, "ScaleDownStabilized",
                "recent recommendations were higher than current one, applying the highest recent recommendation",
                kept);
    }

    private static List<Recommendation> store(List<Recommendation> list, int oldIndex, Recommendation rec) {
        List<Recommendation> out = new ArrayList<>(list);
        if (oldIndex >= 0) {
            out.set(oldIndex, rec);
        } else {
            out.add(rec);
        }
        return out;
    }

    /**
     * Rate limits and bounds with behavior (convertDesiredReplicasWithBehaviorRate). Only the direction of the
     * change is checked: a proposal equal to the current count passes untouched even outside the bounds. The rate
     * limit never pushes past the current count (a limit below it while scaling up means "not yet").
     */
    static Limited limitWithBehavior(int current, int desired, int min, int max, Behavior behavior,
            ScalerHistory history, long nowMillis) {
        if (desired > current) {
            int limit = scaleUpLimit(current, history.scaleUpEvents(), history.scaleDownEvents(),
                    behavior.scaleUp(), nowMillis);
            if (limit < current) {
                limit = current;
            }
            if (max > limit) {
                if (desired > limit) {
                    return new Limited(limit, "ScaleUpLimit", MSG_UP_LIMIT);
                }
            } else if (desired > max) {
                return new Limited(max, "TooManyReplicas", MSG_TOO_MANY);
            }
        } else if (desired < current) {
            int limit = scaleDownLimit(current, history.scaleUpEvents(), history.scaleDownEvents(),
                    behavior.scaleDown(), nowMillis);
            if (limit > current) {
                limit = current;
            }
            if (min < limit) {
                if (desired < limit) {
                    return new Limited(limit, "ScaleDownLimit", MSG_DOWN_LIMIT);
                }
            } else if (desired < min) {
                return new Limited(min, "TooFewReplicas", MSG_TOO_FEW);
            }
        }
        return new Limited(desired, "DesiredWithinRange", MSG_WITHIN_RANGE);
    }

    /**
     * The highest count scale-up policies allow now (calculateScaleUpLimitWithScalingRules). Each policy starts from
     * the count at the start of its period (current minus what was added plus what was removed within it); Percent
     * rounds up so that a small deployment can grow at all. Max picks the most permissive policy, Min the least.
     */
    static int scaleUpLimit(int current, List<ScaleEvent> upEvents, List<ScaleEvent> downEvents, ScalingRules rules,
            long nowMillis) {
        if (rules.selectPolicy() == SelectPolicy.DISABLED) {
            return current;
        }
        boolean pickMin = rules.selectPolicy() == SelectPolicy.MIN;
        int result = pickMin ? Integer.MAX_VALUE : Integer.MIN_VALUE;
        for (ScalingPolicy policy : rules.policies()) {
            int periodStart = current - replicaChangeInPeriod(policy.periodSeconds(), upEvents, nowMillis)
                    + replicaChangeInPeriod(policy.periodSeconds(), downEvents, nowMillis);
            int proposed = policy.type() == PolicyType.PODS
                    ? periodStart + policy.value()
                    : (int) Math.ceil(periodStart * (1 + (double) policy.value() / 100));
            result = pickMin ? Math.min(result, proposed) : Math.max(result, proposed);
        }
        return result;
    }

    /**
     * The lowest count scale-down policies allow now (calculateScaleDownLimitWithBehaviors). Percent truncates
     * toward zero. Max (the default) picks the policy allowing the biggest change, which is the lowest count.
     */
    static int scaleDownLimit(int current, List<ScaleEvent> upEvents, List<ScaleEvent> downEvents,
            ScalingRules rules, long nowMillis) {
        if (rules.selectPolicy() == SelectPolicy.DISABLED) {
            return current;
        }
        boolean pickMin = rules.selectPolicy() == SelectPolicy.MIN;
        int result = pickMin ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        for (ScalingPolicy policy : rules.policies()) {
            int periodStart = current - replicaChangeInPeriod(policy.periodSeconds(), upEvents, nowMillis)
                    + replicaChangeInPeriod(policy.periodSeconds(), downEvents, nowMillis);
            int proposed = policy.type() == PolicyType.PODS
                    ? periodStart - policy.value()
                    : (int) (periodStart * (1 - (double) policy.value() / 100));
            result = pickMin ? Math.max(result, proposed) : Math.min(result, proposed);
        }
        return result;
    }

    /** getReplicasChangePerPeriod: the changes strictly newer than {@code periodSeconds} ago, outdated or not. */
    static int replicaChangeInPeriod(int periodSeconds, List<ScaleEvent> events, long nowMillis) {
        long cutoff = nowMillis - periodSeconds * 1000L;
        int sum = 0;
        for (ScaleEvent e : events) {
            if (e.atMillis() > cutoff) {
                sum += e.replicaChange();
            }
        }
        return sum;
    }

    /**
     * storeScaleEvent: after a rescale, with behavior only, the change joins its direction's events. Events older
     * than that direction's longest policy period are marked outdated and the last of them is overwritten, so the
     * list stays short.
     */
    static ScalerHistory recordScaleEvent(ScalerHistory history, Behavior behavior, int previous, int next,
            long nowMillis) {
        if (behavior == null) {
            return history;
        }
        boolean up = next > previous;
        ScalingRules rules = up ? behavior.scaleUp() : behavior.scaleDown();
        List<ScaleEvent> events = up ? history.scaleUpEvents() : history.scaleDownEvents();
        long cutoff = nowMillis - rules.longestPolicyPeriodSeconds() * 1000L;
        List<ScaleEvent> out = new ArrayList<>(events.size() + 1);
        int lastOutdated = -1;
        for (int i = 0; i < events.size(); i++) {
            ScaleEvent e = events.get(i);
            boolean outdated = e.outdated() || e.atMillis() < cutoff;
            out.add(outdated == e.outdated() ? e : new ScaleEvent(e.replicaChange(), e.atMillis(), true));
            if (outdated) {
                lastOutdated = i;
            }
        }
        ScaleEvent event = ScaleEvent.of(Math.abs(next - previous), nowMillis);
        if (lastOutdated >= 0) {
            out.set(lastOutdated, event);
        } else {
            out.add(event);
        }
        return up ? history.withScaleUpEvents(out) : history.withScaleDownEvents(out);
    }
}
