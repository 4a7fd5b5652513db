package dev.trafficengineer.simulate;

/**
 * What a metric measures in the simulated world. Resource metrics read the pods' resource usage; the rest read the
 * traffic: the arrival rate (e.g. {@code sum(rate(http_requests_total[1m]))}), the backlog (queue length, consumer
 * lag) or a daily schedule (a cron trigger).
 */
public sealed interface Signal {

    /** Units arriving per second; as a Pods metric, each ready pod's share. */
    record Demand() implements Signal {
    }

    /**
     * Units waiting plus those in flight: consumer lag counts messages fetched but not yet committed, about
     * {@code arrival rate × inFlightSeconds} (e.g. the commit interval). With 0, a consumer group that keeps up
     * shows no lag at all, and a lag-only trigger then lets KEDA deactivate it. As a Pods metric, each ready pod's
     * share.
     */
    record Backlog(double inFlightSeconds) implements Signal {
        public Backlog() {
            this(0);
        }
    }

    /** A pod's usage of a resource, from {@link PodModel#resources()}. */
    record ResourceUsage(String resource) implements Signal {
    }

    /** {@code inside} from {@code fromSecondOfDay} until {@code toSecondOfDay} every day, {@code outside} otherwise. */
    record Daily(int fromSecondOfDay, int toSecondOfDay, double inside, double outside) implements Signal {

        double valueAt(long seconds) {
            long s = Math.floorMod(seconds, 86_400L);
            boolean in = fromSecondOfDay <= toSecondOfDay ? s >= fromSecondOfDay && s < toSecondOfDay
                    : s >= fromSecondOfDay || s < toSecondOfDay;
            return in ? inside : outside;
        }
    }

    /** The natural signal of a metric: resource usage for Resource metrics, the arrival rate for the rest. */
    static Signal defaultFor(MetricSpec spec) {
        return switch (spec.source()) {
            case RESOURCE, CONTAINER_RESOURCE -> new ResourceUsage(spec.name());
            default -> new Demand();
        };
    }
}
