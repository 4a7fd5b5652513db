package dev.trafficengineer.simulate;

import java.util.Optional;

/** {@code HPAScalingRules.selectPolicy}: Max picks the policy allowing the biggest change, Min the smallest. */
public enum SelectPolicy {
    MAX("Max"),
    MIN("Min"),
    DISABLED("Disabled");

    private final String apiName;

    SelectPolicy(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<SelectPolicy> fromApiName(String name) {
        for (SelectPolicy t : values()) {
            if (t.apiName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
