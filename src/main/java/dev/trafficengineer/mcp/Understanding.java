package dev.trafficengineer.mcp;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trafficengineer.draft.Requirements;
import dev.trafficengineer.draft.refine.Feedback;
import dev.trafficengineer.draft.refine.Intent;
import dev.trafficengineer.draft.refine.RequirementsRefiner;
import java.util.ArrayList;
import java.util.List;

/**
 * What a free-text description adds to the requirements, read without a model by the feedback parser ("peak 800
 * rps", "one pod handles 80 rps", "scale on kafka"): the requirements it leads to, each change with the words that
 * made it, and the words that were not understood, so that the assistant asks about them instead of the server
 * guessing.
 */
record Understanding(Requirements requirements, List<RequirementsRefiner.Change> changes,
        List<RequirementsRefiner.NotApplied> notApplied, List<String> notUnderstood) {

    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /**
     * Reads {@code description} onto {@code base}.
     *
     * @param alone no requirements object was given: a description that yields nothing is then a bad call
     */
    static Understanding read(String description, Requirements base, boolean alone) {
        List<Intent> intents = Feedback.parse(description);
        List<String> unknown = Feedback.unknown(intents).stream().map(Intent.Unknown::text).toList();
        RequirementsRefiner.Outcome o = RequirementsRefiner.refine(base, Feedback.understood(intents));
        if (alone && o.changes().isEmpty()) {
            throw new ToolException("nothing in the description could be read without a language model"
                    + (unknown.isEmpty() ? "" : " (not understood: \"" + String.join("\", \"", unknown) + "\")")
                    + ". Ask the user, one question at a time, for the workload's name and type (http, queue,"
                    + " stream, batch), baseline and peak traffic, the rate one pod serves, the latency objective and"
                    + " what to scale on, and pass them as a `requirements` object (format: "
                    + RuleResources.REQUIREMENTS_URI + "). Phrases the offline reader understands: "
                    + String.join("; ", Feedback.examples()) + ".");
        }
        if (!o.problems().isEmpty()) {
            throw new ToolException("with what the description says, the requirements cannot be drafted:\n  "
                    + String.join("\n  ", o.problems()));
        }
        return new Understanding(o.requirements(), o.changes(), o.notApplied(), unknown);
    }

    /** Adds {@code requirements}, {@code understood}, {@code notApplied} and {@code notUnderstood} to a result. */
    void addTo(ObjectNode out) {
        out.set("requirements", JSON.valueToTree(requirements));
        ArrayNode understood = out.putArray("understood");
        for (RequirementsRefiner.Change c : changes) {
            ObjectNode n = understood.addObject().put("said", c.intent().describe()).put("change", c.description());
            ArrayNode fields = n.putArray("fields");
            c.fields().forEach(fields::add);
        }
        ArrayNode skipped = out.putArray("notApplied");
        for (RequirementsRefiner.NotApplied n : notApplied) {
            skipped.addObject().put("said", n.intent().describe()).put("reason", n.reason());
        }
        ArrayNode unknown = out.putArray("notUnderstood");
        notUnderstood.forEach(unknown::add);
    }

    /** The same as lines of YAML comments, to go before the draft. */
    String text() {
        List<String> lines = new ArrayList<>();
        lines.add("# Read from the description (without a model):");
        for (RequirementsRefiner.Change c : changes) {
            lines.add("# - " + c.intent().describe() + ": " + c.description());
        }
        for (RequirementsRefiner.NotApplied n : notApplied) {
            lines.add("# - not applied, " + n.intent().describe() + ": " + n.reason());
        }
        if (!notUnderstood.isEmpty()) {
            lines.add("# Not understood (ask the user): \"" + String.join("\", \"", notUnderstood) + "\"");
        }
        return String.join("\n", lines) + "\n";
    }
}
