package dev.trafficengineer.simulate;

import java.util.Optional;

/** An autoscaling/v2 metric source type, with its API spelling. */
public enum MetricSourceType {
    RESOURCE("Resource"),
    CONTAINER_RESOURCE("ContainerResource"),
    PODS("Pods"),
    OBJECT("Object"),
    EXTERNAL("External");

    private final String apiName;

    MetricSourceType(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    /** The type spelled exactly as in a manifest (case-sensitive, as the API server reads it). */
    public static Optional<MetricSourceType> fromApiName(String name) {
        for (MetricSourceType t : values()) {
            if (t.apiName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
