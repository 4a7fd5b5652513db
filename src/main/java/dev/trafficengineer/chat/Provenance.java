package dev.trafficengineer.chat;

/** Where a requirement's value came from. */
public enum Provenance {
    /** The user said it. */
    STATED,
    /** Read from a manifest the user pasted (the workload's name, namespace, kind, requests). */
    DERIVED,
    /** A default the user accepted (Enter) when asked. */
    ASSUMED
}
