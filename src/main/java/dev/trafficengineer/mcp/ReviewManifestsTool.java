package dev.trafficengineer.mcp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trafficengineer.kube.KubernetesVersion;
import dev.trafficengineer.manifest.LoadedFile;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.review.Review;
import dev.trafficengineer.review.Reviewer;
import dev.trafficengineer.review.report.JsonReport;
import dev.trafficengineer.review.report.TextReport;
import dev.trafficengineer.rules.ReviewOptions;
import dev.trafficengineer.source.SourceText;
import java.util.ArrayList;
import java.util.List;

/** {@code review_manifests}: the batch review over YAML text or workspace files, as {@code review --format json}. */
final class ReviewManifestsTool implements McpTool {

    /** The name YAML text given inline carries in findings. */
    static final String INLINE = "manifests.yaml";

    private final Engine engine;

    ReviewManifestsTool(Engine engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return "review_manifests";
    }

    @Override
    public String title() {
        return "Review autoscaling manifests";
    }

    @Override
    public String description() {
        return "Review Kubernetes autoscaling manifests (HorizontalPodAutoscaler, KEDA ScaledObject/ScaledJob/"
                + "TriggerAuthentication, VPA, and the Deployments/StatefulSets they scale) the way the API server, "
                + "KEDA's admission webhooks and a careful reviewer would: JSON Schemas, exact API validation, "
                + "cross-object rules (targets, requests, behavior windows, conflicting autoscalers) and PromQL in "
                + "triggers. Give the manifests as `yaml` text or as workspace `paths`. Every finding has a rule id "
                + "(explain_rule documents it), a severity (error: rejected or broken; warning: risky or wasteful; "
                + "info: advice), file:line:column and often a fix. Read-only: nothing is written. Call it on every "
                + "manifest before proposing it.";
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
        String yaml = args.text("yaml");
        List<String> paths = args.texts("paths");
        if ((yaml == null) == (paths == null)) {
            throw new ToolException("give the manifests either as `yaml` text or as `paths` (files or directories"
                    + " in the workspace), not " + (yaml == null ? "neither" : "both"));
        }
        Reviewer reviewer = reviewer(args);
        ManifestLoader loader = engine.loader();
        List<LoadedFile> files = new ArrayList<>();
        List<String> skipped = List.of();
        if (yaml != null) {
            files.add(loader.load(new SourceText(INLINE, yaml), false));
        } else {
            Workspace.Selection selection = context.workspace().select(paths);
            for (Workspace.Target t : selection.files()) {
                files.add(loader.load(t.file(), t.display()));
            }
            skipped = selection.skipped();
        }
        context.read(files);
        Review review = reviewer.review(files);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("findings", JsonReport.findings(review.findings()));
        out.set("summary", JsonReport.summary(review.summary()));
        String text = new TextReport(false).render(review);
        if (!skipped.isEmpty()) {
            ArrayNode list = out.putArray("skipped");
            skipped.forEach(list::add);
            text += "Not read (outside the workspace): " + String.join(", ", skipped) + "\n";
        }
        return new ToolOutput(text, out);
    }

    private Reviewer reviewer(Args args) {
        ReviewOptions options = engine.options();
        String version = args.text("kubernetesVersion");
        if (version != null) {
            try {
                options = options.withKubernetesVersion(KubernetesVersion.parse(version));
            } catch (IllegalArgumentException e) {
                throw new ToolException("`kubernetesVersion`: " + e.getMessage());
            }
        }
        if (args.has("requireTargets")) {
            options = options.withRequireTargets(args.flag("requireTargets"));
        }
        return engine.reviewer(options);
    }
}
