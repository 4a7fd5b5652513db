package dev.trafficengineer.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A generated traffic pattern from named parameters, each null for its default; the defaults are those that
 * {@code traffic-engineer simulate --pattern} documents, kept here so every front end draws the same traffic.
 *
 * @param kind steady, diurnal, spike or ramp
 * @param base units/s: the steady rate, the night-time low, the rate around a spike, a ramp's start
 * @param peak units/s: the daily high, the top of a spike, a ramp's end
 * @param peakHour diurnal only: the hour of the day (0–24) of the high
 * @param startSeconds spike only: when the spike starts rising
 * @param rampSeconds spike only: how long it takes to rise, and again to fall
 * @param holdSeconds spike only: how long it stays at the peak
 * @param durationSeconds how long to simulate
 */
public record TrafficPattern(Kind kind, Double base, Double peak, Double peakHour, Long startSeconds,
        Long rampSeconds, Long holdSeconds, Long durationSeconds) {

    public static final double DEFAULT_BASE = 100;
    public static final double DEFAULT_PEAK = 1000;
    public static final double DEFAULT_PEAK_HOUR = 14;
    public static final long DEFAULT_START_SECONDS = 3600;
    public static final long DEFAULT_RAMP_SECONDS = 120;
    public static final long DEFAULT_HOLD_SECONDS = 1800;
    /** The default duration of a diurnal pattern: one day. */
    public static final long DEFAULT_DIURNAL_SECONDS = 86_400;
    /** The default duration of the other patterns: three hours. */
    public static final long DEFAULT_SHORT_SECONDS = 3 * 3600;
    /** The longest simulation: two weeks (80 640 steps at 15 s). */
    public static final long MAX_DURATION_SECONDS = 14 * 86_400;

    /** The four shapes. */
    public enum Kind {
        STEADY, DIURNAL, SPIKE, RAMP;

        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The parameters this shape reads, by the names front ends give them. */
        public List<String> parameters() {
            return switch (this) {
                case STEADY -> List.of("base", "duration");
                case DIURNAL -> List.of("base", "peak", "peak-hour", "duration");
                case SPIKE -> List.of("base", "peak", "start", "ramp", "hold", "duration");
                case RAMP -> List.of("base", "peak", "duration");
            };
        }
    }

    /** The parameters given (not null), by name, in the order of {@link Kind#parameters()}'s union. */
    public List<String> given() {
        List<String> out = new ArrayList<>();
        if (base != null) {
            out.add("base");
        }
        if (peak != null) {
            out.add("peak");
        }
        if (peakHour != null) {
            out.add("peak-hour");
        }
        if (startSeconds != null) {
            out.add("start");
        }
        if (rampSeconds != null) {
            out.add("ramp");
        }
        if (holdSeconds != null) {
            out.add("hold");
        }
        if (durationSeconds != null) {
            out.add("duration");
        }
        return out;
    }

    /** The profile, with defaults for what was not given; parameters the shape does not read are an error. */
    public TrafficProfile profile() {
        for (String p : given()) {
            if (!kind.parameters().contains(p)) {
                throw new SimulationInputException("`" + p + "` does not apply to the " + kind.apiName()
                        + " pattern, which reads " + String.join(", ", kind.parameters()) + "; drop it");
            }
        }
        double b = rate(base, DEFAULT_BASE, "base");
        double p = rate(peak, DEFAULT_PEAK, "peak");
        long duration = durationSeconds != null ? durationSeconds
                : kind == Kind.DIURNAL ? DEFAULT_DIURNAL_SECONDS : DEFAULT_SHORT_SECONDS;
        checkDuration(duration);
        return switch (kind) {
            case STEADY -> new TrafficProfile.Steady(b, duration);
            case DIURNAL -> {
                double hour = peakHour != null ? peakHour : DEFAULT_PEAK_HOUR;
                if (!(hour >= 0 && hour <= 24)) {
                    throw new SimulationInputException("`peak-hour` must be from 0 to 24, got " + hour);
                }
                yield new TrafficProfile.Diurnal(b, p, hour, duration);
            }
            case SPIKE -> new TrafficProfile.Spike(b, p, nonNegative(startSeconds, DEFAULT_START_SECONDS, "start"),
                    nonNegative(rampSeconds, DEFAULT_RAMP_SECONDS, "ramp"),
                    nonNegative(holdSeconds, DEFAULT_HOLD_SECONDS, "hold"), duration);
            case RAMP -> new TrafficProfile.Ramp(b, p, duration);
        };
    }

    /** A duration for any profile, measured points included: positive and at most {@link #MAX_DURATION_SECONDS}. */
    public static void checkDuration(long seconds) {
        if (seconds <= 0 || seconds > MAX_DURATION_SECONDS) {
            throw new SimulationInputException("`duration` must be more than 0 and at most 14d, got " + seconds
                    + "s");
        }
    }

    private static double rate(Double given, double fallback, String name) {
        double r = given != null ? given : fallback;
        if (!(r >= 0) || !Double.isFinite(r)) {
            throw new SimulationInputException("`" + name + "` must be a rate of 0 or more units per second, got "
                    + Format.number(r));
        }
        return r;
    }

    private static long nonNegative(Long given, long fallback, String name) {
        long v = given != null ? given : fallback;
        if (v < 0) {
            throw new SimulationInputException("`" + name + "` must not be negative, got " + v + "s");
        }
        return v;
    }
}
