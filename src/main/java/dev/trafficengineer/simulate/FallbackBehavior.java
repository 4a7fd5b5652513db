package dev.trafficengineer.simulate;

import java.util.Optional;

/** {@code spec.fallback.behavior} of a ScaledObject: which replica count a failing scaler stands in for. */
public enum FallbackBehavior {
    STATIC("static"),
    CURRENT_REPLICAS("currentReplicas"),
    CURRENT_REPLICAS_IF_HIGHER("currentReplicasIfHigher"),
    CURRENT_REPLICAS_IF_LOWER("currentReplicasIfLower");

    private final String apiName;

    FallbackBehavior(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<FallbackBehavior> fromApiName(String name) {
        for (FallbackBehavior b : values()) {
            if (b.apiName.equals(name)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }
}
