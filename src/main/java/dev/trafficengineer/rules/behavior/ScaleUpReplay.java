package dev.trafficengineer.rules.behavior;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Replays the HPA controller's scale-up under a load that jumps, at time 0, to need {@code to} replicas from a
 * steady {@code from}: one reconcile every sync period, each doing what normalizeDesiredReplicasWithBehaviors does
 * (research k8s-hpa.md §4.6). Only controller time is counted; pods still have to start.
 *
 * <ul>
 *   <li>Stabilization: the recommendation is the minimum over the scale-up window, and the reconciles before the
 *       jump recommended {@code from}; the last of them, one sync period before the jump, leaves the window (the
 *       comparison is strict) once {@code t - window >= -sync}.</li>
 *   <li>Rate: each policy counts the replicas added by scale events strictly within its period.</li>
 * </ul>
 */
final class ScaleUpReplay {

    /** @param seconds when {@code to} was reached, or the horizon when it was not */
    record Result(boolean reached, long seconds) {}

    private record Event(long at, long change) {}

    private ScaleUpReplay() {}

    static Result timeToReach(long from, long to, ScalingRules up, int syncSeconds, long horizonSeconds) {
        if (from >= to) {
            return new Result(true, 0);
        }
        long current = from;
        Deque<Event> events = new ArrayDeque<>();
        int window = up.windowSeconds();
        for (long t = 0; t <= horizonSeconds; t += syncSeconds) {
            long now = t;
            long stabilized = now - window < -syncSeconds ? from : to;
            if (stabilized > current) {
                long limit = Math.max(current, up.limit(current, period -> addedWithin(events, now, period), p -> 0));
                long next = Math.min(stabilized, Math.min(to, limit));
                if (next != current) {
                    events.addLast(new Event(now, next - current));
                    current = next;
                }
            }
            if (current >= to) {
                return new Result(true, t);
            }
            while (!events.isEmpty() && events.peekFirst().at() <= now - up.longestPeriod()) {
                events.removeFirst(); // no policy looks this far back any more
            }
        }
        return new Result(false, horizonSeconds);
    }

    /** getReplicasChangePerPeriod: the changes of events strictly after now - period. */
    private static long addedWithin(Deque<Event> events, long now, int period) {
        long sum = 0;
        for (Event e : events) {
            if (e.at() > now - period) {
                sum += e.change();
            }
        }
        return sum;
    }
}
