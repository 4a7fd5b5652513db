package dev.trafficengineer.llm;

import dev.trafficengineer.draft.DraftResult;
import dev.trafficengineer.draft.refine.Intent;
import dev.trafficengineer.draft.refine.ManifestRefiner;
import dev.trafficengineer.draft.refine.RefineOutcome;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.review.Review;
import dev.trafficengineer.review.Reviewer;

/**
 * Refining manifests with the user's words, as every front end does it: the offline refiner carries out what it
 * understands as exact edits; what it does not understand goes to the model, when one is configured, through the
 * same review loop as a draft. Without a model, the offline result is the answer and says what it could not do.
 */
public final class Refinement {

    /**
     * The refined manifests and their review; {@code offline} is what the offline refiner did (always run),
     * {@code assisted} the model's part (null when no model was asked).
     */
    public record Refined(String yaml, Review review, RefineOutcome offline, AssistedResult assisted) {}

    private final Reviewer reviewer;
    private final ManifestLoader loader;
    private final ModelClient model;
    private final int maxRounds;

    /** @param model the model to ask, or null to refine offline only */
    public Refinement(Reviewer reviewer, ManifestLoader loader, ModelClient model, int maxRounds) {
        this.reviewer = reviewer;
        this.loader = loader;
        this.model = model;
        this.maxRounds = maxRounds;
    }

    public Refined refine(String yaml, String feedback) {
        RefineOutcome offline = new ManifestRefiner(reviewer, loader).refine(yaml, feedback);
        if (model == null || understood(offline)) {
            return new Refined(offline.yaml(), offline.review(), offline, null);
        }
        AssistedResult assisted = new AssistedDrafter(model, reviewer, loader, maxRounds).refine(yaml, feedback,
                null, () -> new DraftResult(null, offline.yaml(), offline.review(), null));
        return new Refined(assisted.result().yaml(), assisted.result().review(), offline, assisted);
    }

    /** True when the offline refiner understood every part of the feedback and carried it out. */
    private static boolean understood(RefineOutcome o) {
        return o.notDone().stream().noneMatch(n -> n.intent() instanceof Intent.Unknown) && o.changed();
    }
}
