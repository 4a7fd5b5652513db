package dev.trafficengineer.finding;

import java.util.List;

/**
 * A change that resolves a finding, as text edits on the file. A safe fix has one right answer and keeps the
 * meaning the author intended; an unsafe one changes behaviour and is applied only on request.
 */
public record Fix(String description, boolean safe, List<Edit> edits) {

    public Fix {
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("a fix needs a description");
        }
        if (edits.isEmpty()) {
            throw new IllegalArgumentException("a fix needs at least one edit");
        }
        edits = List.copyOf(edits);
    }

    public static Fix safe(String description, Edit... edits) {
        return new Fix(description, true, List.of(edits));
    }

    public static Fix unsafe(String description, Edit... edits) {
        return new Fix(description, false, List.of(edits));
    }
}
