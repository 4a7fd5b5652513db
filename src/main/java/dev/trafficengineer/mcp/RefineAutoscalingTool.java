package dev.trafficengineer.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.fix.UnifiedDiff;
import dev.trafficengineer.llm.ModelClient;
import dev.trafficengineer.llm.OpenAiModelClient;
import dev.trafficengineer.llm.RefineReport;
import dev.trafficengineer.llm.Refinement;
import dev.trafficengineer.llm.UsageListener;
import dev.trafficengineer.manifest.LoadedFile;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.review.report.JsonReport;
import dev.trafficengineer.source.SourceText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code refine_autoscaling}: feedback in words ("scale-down is too aggressive", "max 20 replicas") applied to
 * existing manifests as {@code refine} does it ({@link Refinement}: exact offline edits for what the refiner
 * understands, the model for the rest when one is configured), then reviewed. The answer is
 * {@code refine --format json} with the diff, whether anything changed, and the findings the change introduced;
 * nothing is written.
 */
final class RefineAutoscalingTool implements McpTool {

    private static final ObjectMapper JSON = new ObjectMapper();

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
                + "starts\", \"target 60% CPU\", \"add a VPA\". What the offline refiner understands becomes "
                + "minimal edits (comments and layout kept); the rest goes to the model when the server has one, "
                + "and is otherwise listed in `notDone` with the reason — say so to the user, never pretend. The "
                + "result is reviewed. Returns the refined `yaml`, a `diff`, the `changes`, the `review` and the "
                + "findings the change `introduced`. Give the manifests as `yaml` or a workspace `path`; nothing is "
                + "written. Show before and after with simulate_scaling (`compareYaml`).";
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
        ModelClient model = engine.llm().enabled() ? new OpenAiModelClient(engine.llm(), UsageListener.NONE) : null;
        Refinement.Refined refined = new Refinement(engine.reviewer(), engine.loader(), model,
                engine.llm().maxRounds()).refine(yaml, feedback);
        String diff = UnifiedDiff.of(name, yaml, refined.yaml());
        ObjectNode out = parse(RefineReport.json(refined));
        out.put("changed", !yaml.equals(refined.yaml()));
        out.put("diff", diff);
        // the offline refiner's own comparison; a model's manifests are judged by their review alone
        out.set("introduced", JsonReport.findings(refined.assisted() == null ? refined.offline().introduced()
                : List.of()));
        String text = String.join("\n", RefineReport.trailer(refined)) + "\n" + (diff.isEmpty() ? "" : "\n" + diff);
        if (!context.secrets().isEmpty()) {
            String note = "Secret values in the manifests are shown as [redacted]: apply the diff, or the changed"
                    + " autoscalers only, not this YAML as a whole.";
            out.put("note", note);
            text += note + "\n";
        }
        return new ToolOutput(text, out);
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("the refine report is JSON by construction", e);
        }
    }
}
