package dev.trafficengineer.draft;

/** A value the draft used that the user did not state: the field, the value, and why it is a reasonable default. */
public record Assumption(String field, String value, String reason) {

    @Override
    public String toString() {
        return field + " = " + value + " (" + reason + ")";
    }
}
