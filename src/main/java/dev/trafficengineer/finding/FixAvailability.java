package dev.trafficengineer.finding;

/** Whether a rule's findings come with fixes, and of which kind; the fix harness holds rules to what they declare. */
public enum FixAvailability {
    NONE,
    /** Every finding has a safe fix. */
    SAFE,
    /** Some findings have a fix (safe or not): where the right change is unique. */
    SOMETIMES,
    /** Every finding has a fix that changes behaviour and is applied only with --unsafe-fixes. */
    UNSAFE
}
