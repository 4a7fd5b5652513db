package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.Fix;
import dev.trafficengineer.source.JsonPointer;

/**
 * Something wrong with a trigger's parameters, found by {@link TriggerAnalysis}; each kind is reported by its own
 * rule, so each finding names the gate it fails at.
 *
 * @param fix a fix, or null
 */
record Problem(Kind kind, JsonPointer at, String message, Fix fix) {

    enum Kind {
        /** A required parameter no source provides: the scaler fails to build. */
        MISSING,
        /** A value the scaler cannot parse or does not accept: the scaler fails to build or to poll. */
        INVALID,
        /** Parameters that exclude each other: the scaler fails to build. */
        CONFLICT,
        /** A parameter KEDA removed and now rejects. */
        REMOVED,
        /** A target that is zero or negative: the HPA KEDA creates is rejected. */
        THRESHOLD,
        /** A parameter written in metadata that KEDA reads only from elsewhere. */
        IGNORED,
        /** A metadata key the scaler does not read, close to one it does. */
        UNKNOWN_KEY
    }
}
