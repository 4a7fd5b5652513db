package dev.trafficengineer.chat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The current draft as the conversation keeps it: the manifests (with a reason on every value), the review and
 * simulation as lines of text, and the same as JSON for HTTP clients ({@code findings} as {@code review --format
 * json} writes them, {@code summary} the counts, {@code simulation} as {@code draft --format json} writes it, null
 * when the draft could not be simulated). {@code origin} is {@code drafter}, or {@code model} for manifests a
 * model edited (the next change to the requirements redrafts them).
 */
public record DraftSnapshot(String yaml, List<String> report, JsonNode findings, JsonNode summary,
        JsonNode simulation, String origin) {

    public static final String DRAFTER = "drafter";
    public static final String MODEL = "model";

    public DraftSnapshot {
        report = List.copyOf(report);
    }

    /** The manifests followed by the review and simulation as comments, as {@code draft} prints them. */
    public String file() {
        StringBuilder out = new StringBuilder(yaml);
        out.append('\n');
        for (String line : report) {
            out.append(line.isEmpty() ? "#" : "# " + line).append('\n');
        }
        return out.toString();
    }
}
