package dev.trafficengineer.llm;

import dev.trafficengineer.draft.DraftResult;
import dev.trafficengineer.draft.DraftService;
import dev.trafficengineer.draft.Requirements;
import dev.trafficengineer.draft.RequirementsException;
import dev.trafficengineer.manifest.LoadedFile;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.review.Reviewer;

/**
 * Drafting from requirements, as every front end does it: with the model when one is configured (its drafts go
 * through the review loop, and the deterministic draft is the fallback), else the deterministic drafter alone.
 */
public final class Drafting {

    /** The draft and its review and simulation; {@code assisted} is the model's part (null when none was asked). */
    public record Drafted(DraftResult result, AssistedResult assisted) {}

    private final Reviewer reviewer;
    private final ManifestLoader loader;
    private final ModelClient model;
    private final int maxRounds;

    /** @param model the model to ask, or null to draft deterministically */
    public Drafting(Reviewer reviewer, ManifestLoader loader, ModelClient model, int maxRounds) {
        this.reviewer = reviewer;
        this.loader = loader;
        this.model = model;
        this.maxRounds = maxRounds;
    }

    /** Drafts from requirements; {@code workload} is the workload's loaded manifest, or null. */
    public Drafted draft(Requirements requirements, LoadedFile workload) throws RequirementsException {
        if (model == null) {
            return new Drafted(new DraftService(reviewer, loader).draft(requirements, workload), null);
        }
        AssistedResult assisted = new AssistedDrafter(model, reviewer, loader, maxRounds).draft(requirements,
                workload);
        return new Drafted(assisted.result(), assisted);
    }
}
