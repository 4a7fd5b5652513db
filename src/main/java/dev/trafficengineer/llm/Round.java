package dev.trafficengineer.llm;

import dev.trafficengineer.finding.Finding;
import java.util.List;

/**
 * One exchange with the model: what it answered (the manifests found in it, after safe fixes), the findings the
 * review made of them, the tokens it cost, and anything the loop changed or noticed on the way.
 */
public record Round(int number, String yaml, List<Finding> findings, int inputTokens, int outputTokens,
        List<String> notes) {

    public Round {
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }

    public long errors() {
        return findings.stream().filter(f -> f.severity() == dev.trafficengineer.finding.Severity.ERROR).count();
    }
}
