package dev.trafficengineer.chat;

import dev.trafficengineer.draft.Requirements;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A scripted model: answers what a test sets, and records what it was asked. */
class FakeAssistant implements Assistant {

    Requirements extraction;
    Refinement refinement;
    AssistantException failure;
    final List<String> asked = new ArrayList<>();

    @Override
    public String name() {
        return "the model";
    }

    @Override
    public boolean online() {
        return true;
    }

    @Override
    public Optional<Requirements> extract(String text, Requirements known) throws AssistantException {
        asked.add("extract: " + text);
        if (failure != null) {
            throw failure;
        }
        return Optional.ofNullable(extraction);
    }

    @Override
    public Optional<Refinement> refine(String request, Requirements current, String manifests)
            throws AssistantException {
        asked.add("refine: " + request);
        if (failure != null) {
            throw failure;
        }
        return Optional.ofNullable(refinement);
    }
}
