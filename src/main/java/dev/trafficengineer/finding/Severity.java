package dev.trafficengineer.finding;

import java.util.Locale;

/** How bad a finding is, most severe first. */
public enum Severity {
    /** The API server or KEDA would reject it, or it cannot work at runtime. */
    ERROR,
    /** It works, but it is risky or wasteful. */
    WARNING,
    /** Advice. */
    INFO;

    /** True when this is at least as severe as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    /** The name used in reports, flags and config: {@code error}, {@code warning}, {@code info}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String label) {
        for (Severity s : values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + label + "' (expected error, warning or info)");
    }
}
