package dev.trafficengineer.draft.refine;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.fix.UnifiedDiff;
import dev.trafficengineer.review.Review;
import java.util.List;

/**
 * What {@link ManifestRefiner} did with feedback: the refined YAML (every byte outside the edits as it was), each
 * change made, each intent it could not carry out and why, the review of the result, and the findings the result
 * has that the original did not.
 */
public record RefineOutcome(String original, String yaml, List<Change> changes, List<NotDone> notDone,
        Review review, List<Finding> introduced) {

    public RefineOutcome {
        changes = List.copyOf(changes);
        notDone = List.copyOf(notDone);
        introduced = List.copyOf(introduced);
    }

    /** One change to one object: {@code object} is {@code Kind/namespace/name}. */
    public record Change(Intent intent, String object, String description) {}

    /** An intent not carried out, and why (what to do instead, where there is something). */
    public record NotDone(Intent intent, String reason) {}

    public boolean changed() {
        return !original.equals(yaml);
    }

    /** The change as a unified diff of {@code path}. */
    public String diff(String path) {
        return UnifiedDiff.of(path, original, yaml);
    }
}
