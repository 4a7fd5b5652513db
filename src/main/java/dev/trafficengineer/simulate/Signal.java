package dev.trafficengineer.simulate;

/**
 * What a metric measures in the simulated world. Resource metrics read the pods' resource usage; the rest read the
 * traffic: the arrival rate (e.g. {@code sum(rate(http_requests_total[1m]))}), the backlog (queue length, consumer
 * lag), a daily schedule (a cron trigger) or the latency the pods answer with (a {@code histogram_quantile} query).
 */
public sealed interface Signal {

    /**
     * Units arriving per second times {@code factor}; as a Pods metric, each ready pod's share. The factor is 1 for a
     * rate; a PromQL {@code increase(x[2m])} counts the arrivals of its 2-minute window, so its factor is 120.
     */
    record Demand(double factor) implements Signal {
        public Demand {
            if (!(factor > 0) || !Double.isFinite(factor)) {
                throw new IllegalArgumentException("a demand factor must be a positive number, got " + factor);
            }
        }

        public Demand() {
            this(1);
        }
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

    /**
     * A latency percentile (e.g. p95) as a function of the per-pod utilization {@code ρ} (work received per ready
     * pod over its capacity), the way a queue behaves: {@code base / max(ε, 1 − ρ)} with {@code ε} =
     * {@value #EPSILON}. An idle pod answers in {@code base}; at half load in twice that; as ρ nears 1 the latency
     * grows without bound, and a saturated pod (ρ ≥ 0.95, including overload) reports {@code 20 × base}, where real
     * services time out. {@code base} is in the metric's own unit (seconds for {@code _seconds} histograms).
     */
    record Latency(double base) implements Signal {

        /** The smallest headroom {@code 1 − ρ} counted: it caps the latency of a saturated pod at 20 × base. */
        public static final double EPSILON = 0.05;

        public Latency {
            if (!(base > 0) || !Double.isFinite(base)) {
                throw new IllegalArgumentException("a base latency must be a positive number, got " + base);
            }
        }

        /** The latency at utilization {@code rho} (0 idle, 1 at capacity; above 1 when overloaded). */
        public double at(double rho) {
            return base / Math.max(EPSILON, 1 - Math.max(0, rho));
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
