package dev.trafficengineer.simulate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Number and time formatting shared by the renderers; locale-independent so output bytes never vary. */
final class Format {

    private Format() {
    }

    /** Up to three decimals, trailing zeros dropped: 12.5, 3, 0.333. */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return "-";
        }
        return BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    /** A fixed number of decimals. */
    static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** Rounded to three decimals, for JSON. */
    static double round3(double v) {
        return BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** Seconds since the start as a clock, with the day when past the first: 14:05:00, d2 03:00:00. */
    static String clock(long seconds) {
        long day = seconds / 86_400;
        long s = seconds % 86_400;
        String hms = String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        return day == 0 ? hms : "d" + (day + 1) + " " + hms;
    }

    /** A duration in the largest sensible unit: 45s, 12m 30s, 3h 5m, 7d 0h. */
    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + "s");
        }
        if (seconds < 86_400) {
            return seconds / 3600 + "h" + (seconds % 3600 / 60 == 0 ? "" : " " + seconds % 3600 / 60 + "m");
        }
        return seconds / 86_400 + "d " + seconds % 86_400 / 3600 + "h";
    }
}
