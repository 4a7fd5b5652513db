package dev.trafficengineer.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trafficengineer.draft.DraftReport;
import dev.trafficengineer.draft.DraftResult;
import dev.trafficengineer.review.report.JsonReport;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The draft report with the model's part added: which model, how many rounds and tokens, the findings of each
 * round, and, when it fell back, why. With no model the draft report is unchanged.
 */
public final class LlmReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LlmReport() {}

    public static List<String> trailer(DraftResult r, AssistedResult a) {
        List<String> lines = new ArrayList<>();
        if (a != null) {
            lines.addAll(model(a));
            lines.add("");
        }
        lines.addAll(DraftReport.trailer(r));
        return lines;
    }

    public static String yaml(DraftResult r, AssistedResult a) {
        StringBuilder out = new StringBuilder(r.yaml()).append('\n');
        for (String line : trailer(r, a)) {
            out.append(line.isEmpty() ? "#" : "# " + line).append('\n');
        }
        return out.toString();
    }

    private static List<String> model(AssistedResult a) {
        List<String> lines = new ArrayList<>();
        lines.add("Model " + a.model() + ": " + a.rounds().size() + " round" + (a.rounds().size() == 1 ? "" : "s")
                + ", " + a.inputTokens() + " input and " + a.outputTokens() + " output tokens"
                + (a.fellBack() ? "; fell back: " + a.why() : "; its manifests passed the review"));
        for (Round r : a.rounds()) {
            lines.add("  round " + r.number() + ": " + r.errors() + " error" + (r.errors() == 1 ? "" : "s") + ", "
                    + (r.findings().size() - r.errors()) + " other finding"
                    + (r.findings().size() - r.errors() == 1 ? "" : "s"));
            r.notes().forEach(n -> lines.add("    " + n));
            r.findings().forEach(f -> lines.add("    " + f.severity().label() + " " + f.ruleId() + " (line "
                    + f.range().line() + "): " + f.message()));
        }
        return lines;
    }

    public static String json(DraftResult r, AssistedResult a) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(DraftReport.json(r));
            if (a != null) {
                ObjectNode m = root.putObject("llm");
                m.put("model", a.model());
                m.put("rounds", a.rounds().size());
                m.put("inputTokens", a.inputTokens());
                m.put("outputTokens", a.outputTokens());
                m.put("fellBack", a.fellBack());
                if (a.why() == null) {
                    m.putNull("why");
                } else {
                    m.put("why", a.why());
                }
                ArrayNode rounds = m.putArray("roundFindings");
                for (Round round : a.rounds()) {
                    ObjectNode n = rounds.addObject();
                    n.put("round", round.number());
                    n.put("inputTokens", round.inputTokens());
                    n.put("outputTokens", round.outputTokens());
                    ArrayNode notes = n.putArray("notes");
                    round.notes().forEach(notes::add);
                    n.set("findings", JsonReport.findings(round.findings()));
                }
            }
            return JSON.writeValueAsString(root) + "\n";
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
