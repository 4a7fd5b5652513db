package dev.trafficengineer.draft;

import dev.trafficengineer.review.Review;

/**
 * A draft and what the deterministic review says of it (the review covers the draft together with the workload
 * manifest, when one was given), and its simulation under the stated traffic (null when it could not run).
 */
public record DraftResult(Draft draft, String yaml, Review review, DraftSimulation simulation) {}
