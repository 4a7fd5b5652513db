package dev.trafficengineer.simulate;

import java.util.Optional;

/** An autoscaling/v2 metric target type, with its API spelling. */
public enum MetricTargetType {
    UTILIZATION("Utilization"),
    VALUE("Value"),
    AVERAGE_VALUE("AverageValue");

    private final String apiName;

    MetricTargetType(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<MetricTargetType> fromApiName(String name) {
        for (MetricTargetType t : values()) {
            if (t.apiName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
