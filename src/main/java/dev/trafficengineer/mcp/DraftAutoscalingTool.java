package dev.trafficengineer.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trafficengineer.draft.DraftResult;
import dev.trafficengineer.draft.Requirements;
import dev.trafficengineer.draft.RequirementsException;
import dev.trafficengineer.draft.RequirementsReader;
import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.llm.AssistedResult;
import dev.trafficengineer.llm.Drafting;
import dev.trafficengineer.llm.LlmReport;
import dev.trafficengineer.llm.ModelClient;
import dev.trafficengineer.llm.OpenAiModelClient;
import dev.trafficengineer.llm.UsageListener;
import dev.trafficengineer.manifest.LoadedFile;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.source.SourceText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code draft_autoscaling}: requirements in; the drafted manifests, the assumptions behind every default, the
 * review and a one-day simulation out, exactly as {@code draft --format json} prints them (with the model's rounds
 * when one is configured, as for {@code draft}). A free-text description is read with the offline feedback parser;
 * what it says is added to the requirements, and what it could not read is reported, never guessed.
 */
final class DraftAutoscalingTool implements McpTool {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The name the workload manifest given as text carries in findings. */
    static final String WORKLOAD = "workload.yaml";

    private final Engine engine;
    private final RequirementsReader requirements = new RequirementsReader();

    DraftAutoscalingTool(Engine engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return "draft_autoscaling";
    }

    @Override
    public String title() {
        return "Draft an autoscaler";
    }

    @Override
    public String description() {
        return "Draft a HorizontalPodAutoscaler, or a KEDA ScaledObject (with a TriggerAuthentication that only "
                + "references Secrets), and a VPA in recommendation mode when asked, from the workload's "
                + "requirements: traffic (baseline, peak, pattern, ramp), capacity per pod, latency SLO, metric "
                + "source (cpu, memory, prometheus-rate, prometheus-latency, kafka, cron), bounds. Every field is "
                + "optional: each default used comes back in `assumptions` — confirm those with the user. The draft "
                + "is reviewed (`review`: fix or explain every error before proposing) and simulated over a day of "
                + "the stated traffic (`simulation`: show it). Pass the workload's Deployment as `workloadYaml` or "
                + "`workloadPath` so its requests are used. The requirements format is the resource "
                + RuleResources.REQUIREMENTS_URI + ".";
    }

    @Override
    public ObjectNode inputSchema() {
        ObjectNode schema = ToolSchemas.input(name());
        ObjectNode req = ToolSchemas.load("/schemas/requirements.schema.json");
        // nested in a tool's schema, a document's own $schema and $id would set a new base: keep the body only
        req.remove("$schema");
        req.remove("$id");
        req.remove("title");
        ((ObjectNode) schema.get("properties")).set("requirements", req);
        return schema;
    }

    @Override
    public ObjectNode outputSchema() {
        return ToolSchemas.output(name());
    }

    @Override
    public ToolOutput call(Args args, CallContext context) {
        JsonNode given = args.raw("requirements");
        String description = args.text("description");
        if (given == null && (description == null || description.isBlank())) {
            throw new ToolException("give the workload's `requirements` (an object in the format of "
                    + RuleResources.REQUIREMENTS_URI + "; every field is optional) or a free-text `description`");
        }
        Requirements req;
        try {
            req = given == null ? Requirements.EMPTY : requirements.fromTree(given);
        } catch (RequirementsException e) {
            throw new ToolException("the requirements cannot be used:\n  " + String.join("\n  ", e.problems()));
        }
        Understanding understanding = null;
        if (description != null && !description.isBlank()) {
            understanding = Understanding.read(description, req, given == null);
            req = understanding.requirements();
        }
        LoadedFile workload = workload(args, context);
        Drafting.Drafted drafted;
        try {
            ModelClient model = engine.llm().enabled() ? new OpenAiModelClient(engine.llm(), UsageListener.NONE)
                    : null;
            drafted = new Drafting(engine.reviewer(), engine.loader(), model, engine.llm().maxRounds())
                    .draft(req, workload);
        } catch (RequirementsException e) {
            throw new ToolException("the requirements cannot be used:\n  " + String.join("\n  ", e.problems()));
        }
        DraftResult result = drafted.result();
        AssistedResult assisted = drafted.assisted();
        ObjectNode out = parse(LlmReport.json(result, assisted));
        String text = LlmReport.yaml(result, assisted);
        if (understanding != null) {
            understanding.addTo(out);
            text = understanding.text() + "\n" + text;
        }
        return new ToolOutput(text, out);
    }

    /** The workload manifest from text or a workspace file, or null; it must parse, like {@code draft --workload}. */
    private LoadedFile workload(Args args, CallContext context) {
        String yaml = args.text("workloadYaml");
        String path = args.text("workloadPath");
        if (yaml != null && path != null) {
            throw new ToolException("give the workload as `workloadYaml` or `workloadPath`, not both");
        }
        ManifestLoader loader = engine.loader();
        LoadedFile file;
        if (yaml != null) {
            file = loader.load(new SourceText(WORKLOAD, yaml), false);
        } else if (path != null) {
            Path real = context.workspace().file(path);
            file = loader.load(real, path);
        } else {
            return null;
        }
        context.read(List.of(file));
        if (!file.problems().isEmpty()) {
            Finding p = file.problems().get(0);
            throw new ToolException("the workload manifest cannot be read: " + p.file() + ":" + p.range().line()
                    + ":" + p.range().column() + ": " + p.message());
        }
        return file;
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("the draft report is JSON by construction", e);
        }
    }
}
