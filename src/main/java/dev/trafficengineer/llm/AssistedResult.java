package dev.trafficengineer.llm;

import dev.trafficengineer.draft.DraftResult;
import java.util.List;

/**
 * A draft or refinement made with a model: the result that passed (or the fallback), every round, and whether the
 * loop fell back to the deterministic result and why.
 */
public record AssistedResult(DraftResult result, String model, List<Round> rounds, boolean fellBack, String why) {

    public AssistedResult {
        rounds = List.copyOf(rounds);
    }

    public int inputTokens() {
        return rounds.stream().mapToInt(Round::inputTokens).sum();
    }

    public int outputTokens() {
        return rounds.stream().mapToInt(Round::outputTokens).sum();
    }
}
