package dev.trafficengineer.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trafficengineer.draft.refine.RefineOutcome;
import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.review.report.JsonReport;
import dev.trafficengineer.review.report.TextReport;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A refinement for people (the manifests, then what changed and the review as comments) or for tools (JSON). */
public final class RefineReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RefineReport() {}

    public static List<String> trailer(Refinement.Refined r) {
        List<String> lines = new ArrayList<>();
        if (r.assisted() == null) {
            lines.add(r.offline().changes().isEmpty() ? "Nothing changed." : "Changed:");
            r.offline().changes().forEach(c -> lines.add("  " + c.object() + ": " + c.description()));
            for (RefineOutcome.NotDone n : r.offline().notDone()) {
                lines.add("Not done: " + n.reason());
            }
        } else {
            AssistedResult a = r.assisted();
            lines.add("Model " + a.model() + ": " + a.rounds().size() + " round" + (a.rounds().size() == 1 ? "" : "s")
                    + (a.fellBack() ? "; fell back: " + a.why() : "; its manifests passed the review"));
        }
        lines.add("Review: " + TextReport.summary(r.review().summary()));
        for (Finding f : r.review().findings()) {
            lines.add("  " + f.file() + ":" + f.range().line() + ":" + f.range().column() + ": "
                    + f.severity().label() + " " + f.ruleId() + ": " + f.message());
        }
        return lines;
    }

    public static String yaml(Refinement.Refined r) {
        StringBuilder out = new StringBuilder(r.yaml());
        if (!r.yaml().endsWith("\n")) {
            out.append('\n');
        }
        out.append('\n');
        for (String line : trailer(r)) {
            out.append("# ").append(line).append('\n');
        }
        return out.toString();
    }

    public static String json(Refinement.Refined r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("yaml", r.yaml());
        ArrayNode changes = root.putArray("changes");
        r.offline().changes().forEach(c -> changes.addObject().put("object", c.object())
                .put("description", c.description()));
        ArrayNode notDone = root.putArray("notDone");
        r.offline().notDone().forEach(n -> notDone.add(n.reason()));
        ObjectNode review = root.putObject("review");
        review.set("findings", JsonReport.findings(r.review().findings()));
        review.set("summary", JsonReport.summary(r.review().summary()));
        if (r.assisted() != null) {
            ObjectNode m = root.putObject("llm");
            m.put("model", r.assisted().model());
            m.put("rounds", r.assisted().rounds().size());
            m.put("inputTokens", r.assisted().inputTokens());
            m.put("outputTokens", r.assisted().outputTokens());
            m.put("fellBack", r.assisted().fellBack());
            if (r.assisted().why() != null) {
                m.put("why", r.assisted().why());
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
