package dev.trafficengineer.simulate;

import java.util.List;

/**
 * Demand over time, in work units per second (requests or messages), from second 0 to {@link #durationSeconds()}.
 * Either measured points or one of the generated patterns.
 */
public sealed interface TrafficProfile {

    double SECONDS_PER_DAY = 86_400;

    /** The arrival rate at {@code seconds} after the start. */
    double rateAt(double seconds);

    long durationSeconds();

    /** A short description for reports, e.g. "diurnal 50–400/s, peak at 14:00". */
    String describe();

    /** One measured point. */
    record Point(double seconds, double rate) {
    }

    /** Measured points, linearly interpolated; the first rate holds before them and the last after them. */
    record Points(List<Point> points, long durationSeconds) implements TrafficProfile {

        public Points {
            points = List.copyOf(points);
            if (points.isEmpty()) {
                throw new IllegalArgumentException("a traffic profile needs at least one point");
            }
            for (int i = 1; i < points.size(); i++) {
                if (points.get(i).seconds() <= points.get(i - 1).seconds()) {
                    throw new IllegalArgumentException("traffic points must be in increasing time order: "
                            + points.get(i).seconds() + " s comes after " + points.get(i - 1).seconds() + " s");
                }
            }
        }

        /** Points that last until the last one. */
        public static Points of(List<Point> points) {
            return new Points(points, (long) Math.ceil(points.get(points.size() - 1).seconds()));
        }

        @Override
        public double rateAt(double seconds) {
            if (seconds <= points.get(0).seconds()) {
                return points.get(0).rate();
            }
            int lo = 0;
            int hi = points.size() - 1;
            if (seconds >= points.get(hi).seconds()) {
                return points.get(hi).rate();
            }
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                if (points.get(mid).seconds() <= seconds) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            Point a = points.get(lo);
            Point b = points.get(hi);
            return a.rate() + (b.rate() - a.rate()) * (seconds - a.seconds()) / (b.seconds() - a.seconds());
        }

        @Override
        public String describe() {
            return points.size() + " measured points";
        }
    }

    /** The same rate throughout. */
    record Steady(double rate, long durationSeconds) implements TrafficProfile {
        @Override
        public double rateAt(double seconds) {
            return rate;
        }

        @Override
        public String describe() {
            return "steady " + Format.number(rate) + "/s";
        }
    }

    /** A daily cosine between {@code minRate} at night and {@code maxRate} at {@code peakHour} (0–24). */
    record Diurnal(double minRate, double maxRate, double peakHour, long durationSeconds) implements TrafficProfile {
        @Override
        public double rateAt(double seconds) {
            double phase = 2 * Math.PI * (seconds - peakHour * 3600) / SECONDS_PER_DAY;
            return minRate + (maxRate - minRate) * (1 + Math.cos(phase)) / 2;
        }

        @Override
        public String describe() {
            return "diurnal " + Format.number(minRate) + "–" + Format.number(maxRate) + "/s, peak at "
                    + Format.clock((long) (peakHour * 3600));
        }
    }

    /**
     * {@code baseRate}, then a spike to {@code peakRate} starting at {@code startSeconds}: it rises over
     * {@code rampSeconds}, holds for {@code holdSeconds} and falls back over {@code rampSeconds}.
     */
    record Spike(double baseRate, double peakRate, long startSeconds, long rampSeconds, long holdSeconds,
            long durationSeconds) implements TrafficProfile {
        @Override
        public double rateAt(double seconds) {
            double t = seconds - startSeconds;
            if (t < 0 || t > 2 * rampSeconds + holdSeconds) {
                return baseRate;
            }
            double up = rampSeconds == 0 ? 1 : Math.min(1, t / rampSeconds);
            double down = rampSeconds == 0 ? 1 : Math.min(1, (2 * rampSeconds + holdSeconds - t) / rampSeconds);
            return baseRate + (peakRate - baseRate) * Math.min(up, down);
        }

        @Override
        public String describe() {
            return "spike " + Format.number(baseRate) + "→" + Format.number(peakRate) + "/s at "
                    + Format.clock(startSeconds) + " for " + Format.duration(holdSeconds + 2 * rampSeconds);
        }
    }

    /**
     * {@code fromRate} until {@code startSeconds}, then a straight climb to {@code toRate} over {@code rampSeconds},
     * which holds to the end.
     */
    record Ramp(double fromRate, double toRate, long startSeconds, long rampSeconds, long durationSeconds)
            implements TrafficProfile {

        /** A climb over the whole duration. */
        public Ramp(double fromRate, double toRate, long durationSeconds) {
            this(fromRate, toRate, 0, durationSeconds, durationSeconds);
        }

        @Override
        public double rateAt(double seconds) {
            double t = seconds - startSeconds;
            double f = rampSeconds == 0 ? (t < 0 ? 0 : 1) : Math.min(1, Math.max(0, t / rampSeconds));
            return fromRate + (toRate - fromRate) * f;
        }

        @Override
        public String describe() {
            String line = "ramp " + Format.number(fromRate) + "→" + Format.number(toRate) + "/s";
            return startSeconds == 0 && rampSeconds == durationSeconds ? line
                    : line + " from " + Format.clock(startSeconds) + " over " + Format.duration(rampSeconds);
        }
    }

    /**
     * Another profile with no traffic in daily idle windows, given as seconds of the day {@code [from, to)} (a
     * window may wrap past midnight): offices closed, batch windows over.
     */
    record WithIdle(TrafficProfile base, List<int[]> windows, String windowText) implements TrafficProfile {
        public WithIdle {
            windows = List.copyOf(windows);
        }

        @Override
        public double rateAt(double seconds) {
            long s = Math.floorMod((long) Math.floor(seconds), 86_400L);
            for (int[] w : windows) {
                boolean in = w[0] <= w[1] ? s >= w[0] && s < w[1] : s >= w[0] || s < w[1];
                if (in) {
                    return 0;
                }
            }
            return base.rateAt(seconds);
        }

        @Override
        public long durationSeconds() {
            return base.durationSeconds();
        }

        @Override
        public String describe() {
            return base.describe() + ", idle " + windowText;
        }
    }
}
