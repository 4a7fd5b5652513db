package dev.trafficengineer.simulate;

import java.util.Optional;

/** A pod's {@code status.phase}. */
public enum PodPhase {
    PENDING("Pending"),
    RUNNING("Running"),
    SUCCEEDED("Succeeded"),
    FAILED("Failed"),
    UNKNOWN("Unknown");

    private final String apiName;

    PodPhase(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<PodPhase> fromApiName(String name) {
        for (PodPhase p : values()) {
            if (p.apiName.equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
