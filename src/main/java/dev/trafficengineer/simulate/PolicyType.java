package dev.trafficengineer.simulate;

import java.util.Optional;

/** {@code HPAScalingPolicy.type}: a change counted in pods or in percent of the replicas at the period start. */
public enum PolicyType {
    PODS("Pods"),
    PERCENT("Percent");

    private final String apiName;

    PolicyType(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<PolicyType> fromApiName(String name) {
        for (PolicyType t : values()) {
            if (t.apiName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
