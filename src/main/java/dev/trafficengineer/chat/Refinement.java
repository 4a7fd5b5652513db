package dev.trafficengineer.chat;

import dev.trafficengineer.draft.Requirements;

/** What a model proposes for a request the offline rules did not understand. */
public sealed interface Refinement {

    /** Changed requirements (preferred: the drafter then drafts them, and every value keeps its reason). */
    record NewRequirements(Requirements requirements, String note) implements Refinement {}

    /** Edited manifests, for changes requirements cannot express; they go through the same review. */
    record NewManifests(String yaml, String note) implements Refinement {}
}
