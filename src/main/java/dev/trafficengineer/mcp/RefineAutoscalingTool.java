package dev.trafficengineer.mcp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trafficengineer.draft.refine.ManifestRefiner;
import dev.trafficengineer.draft.refine.RefineOutcome;
import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.LoadedFile;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.review.report.JsonReport;
import dev.trafficengineer.review.report.TextReport;
import dev.trafficengineer.source.SourceText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code refine_autoscaling}: feedback in words ("scale-down is too aggressive", "max 20 replicas") applied to
 * existing manifests as minimal text edits by {@link ManifestRefiner}, then reviewed. The refined YAML, the diff,
 * each change, what could not be done and why, and the findings the change introduced come back; nothing is written.
 */
final class RefineAutoscalingTool implements McpTool {

    private final Engine engine;

    RefineAutoscalingTool(Engine engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return "refine_autoscaling";
    }

    @Override
    public String title() {
        return "Refine an autoscaler from feedback";
    }

    @Override
    public String description() {
        return "Change existing HPA or KEDA ScaledObject manifests as the user asks, in their words: \"scale-down is "
                + "too aggressive\", \"scale-up is too slow\", \"max 20 replicas\", \"min 3 replicas\", \"no cold "
                + "starts\", \"target 60% CPU\", \"add a VPA\". Each request becomes minimal edits (comments and "
                + "layout kept), then the result is reviewed. Returns the refined `yaml`, a `diff`, each change, "
                + "what could not be done and why (`notDone`: say so to the user, never pretend), and the findings "
                + "the change introduced. Give the manifests as `yaml` or a workspace `path`; nothing is written. "
                + "Show the simulation of before and after with simulate_scaling (`compareYaml`).";
    }

    @Override
    public ObjectNode inputSchema() {
        return ToolSchemas.input(name());
    }

    @Override
    public ObjectNode outputSchema() {
        return ToolSchemas.output(name());
    }

    @Override
    public ToolOutput call(Args args, CallContext context) {
        String feedback = args.requiredText("feedback");
        String yaml = args.text("yaml");
        String path = args.text("path");
        if ((yaml == null) == (path == null)) {
            throw new ToolException("give the manifests to refine as `yaml` text or as a workspace `path`, not "
                    + (yaml == null ? "neither" : "both"));
        }
        String name = ReviewManifestsTool.INLINE;
        if (path != null) {
            Path real = context.workspace().file(path);
            try {
                if (Files.size(real) > ManifestLoader.MAX_FILE_BYTES) {
                    throw new ToolException("`" + path + "` is larger than the " + ManifestLoader.MAX_FILE_BYTES
                            / 1_048_576 + " MiB a manifest file may be");
                }
                yaml = Files.readString(real, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ToolException("cannot read `" + path + "` as UTF-8 text: " + e.getMessage());
            }
            name = path;
        }
        LoadedFile loaded = engine.loader().load(new SourceText(name, yaml), false);
        context.read(List.of(loaded));
        List<String> errors = new ArrayList<>();
        for (Finding p : loaded.problems()) {
            if (p.severity() == Severity.ERROR) {
                errors.add(name + ":" + p.range().line() + ":" + p.range().column() + ": " + p.message());
            }
        }
        if (!errors.isEmpty()) {
            throw new ToolException("the manifests cannot be read, so they cannot be refined; fix them first:\n  "
                    + String.join("\n  ", errors));
        }
        RefineOutcome outcome = new ManifestRefiner(engine.reviewer(), engine.loader()).refine(yaml, feedback);
        String diff = outcome.diff(name);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("changed", outcome.changed());
        out.put("yaml", outcome.yaml());
        out.put("diff", diff);
        ArrayNode changes = out.putArray("changes");
        for (RefineOutcome.Change c : outcome.changes()) {
            changes.addObject().put("said", c.intent().describe()).put("object", c.object())
                    .put("change", c.description());
        }
        ArrayNode notDone = out.putArray("notDone");
        for (RefineOutcome.NotDone n : outcome.notDone()) {
            notDone.addObject().put("said", n.intent().describe()).put("reason", n.reason());
        }
        ObjectNode review = out.putObject("review");
        review.set("findings", JsonReport.findings(outcome.review().findings()));
        review.set("summary", JsonReport.summary(outcome.review().summary()));
        out.set("introduced", JsonReport.findings(outcome.introduced()));
        if (!context.secrets().isEmpty()) {
            out.put("note", "Secret values in the manifests are shown as [redacted]: apply the diff, or the changed"
                    + " autoscalers only, not this YAML as a whole.");
        }
        return new ToolOutput(text(outcome, diff, out), out);
    }

    private static String text(RefineOutcome outcome, String diff, ObjectNode out) {
        StringBuilder t = new StringBuilder();
        if (outcome.changes().isEmpty()) {
            t.append("No change made.\n");
        }
        for (RefineOutcome.Change c : outcome.changes()) {
            t.append("Changed ").append(c.object()).append(" (").append(c.intent().describe()).append("): ")
                    .append(c.description()).append('\n');
        }
        for (RefineOutcome.NotDone n : outcome.notDone()) {
            t.append("Not done (").append(n.intent().describe()).append("): ").append(n.reason()).append('\n');
        }
        if (!diff.isEmpty()) {
            t.append('\n').append(diff);
        }
        t.append("\nReview of the result: ").append(new TextReport(false).render(outcome.review()));
        if (!outcome.introduced().isEmpty()) {
            t.append("Introduced by the change: ").append(outcome.introduced().size()).append(" finding")
                    .append(outcome.introduced().size() == 1 ? "" : "s").append(" (see `introduced`)\n");
        }
        if (out.has("note")) {
            t.append(out.get("note").asText()).append('\n');
        }
        return t.toString();
    }
}
