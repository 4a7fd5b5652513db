package dev.trafficengineer.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trafficengineer.draft.Assumption;
import dev.trafficengineer.draft.Draft;
import dev.trafficengineer.draft.DraftResult;
import dev.trafficengineer.draft.DraftService;
import dev.trafficengineer.draft.Drafter;
import dev.trafficengineer.draft.Requirements;
import dev.trafficengineer.draft.RequirementsException;
import dev.trafficengineer.draft.Resolved;
import dev.trafficengineer.draft.Resolver;
import dev.trafficengineer.draft.WorkloadManifest;
import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.fix.Fixer;
import dev.trafficengineer.manifest.LoadedFile;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.manifest.Redactor;
import dev.trafficengineer.review.Reviewer;
import dev.trafficengineer.source.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Drafting and refining with a model, judged by the review. Requirements go into a draft prompt (with the workload's
 * manifest redacted and the rules that matter); the manifests in the answer are sanitised, safe-fixed and
 * reviewed; while errors remain and rounds are left, the findings go back in a refine prompt. When the rounds run
 * out, or the model cannot be reached, the deterministic draft is returned with the reason. The model never decides
 * what is valid.
 */
public final class AssistedDrafter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ModelClient model;
    private final DraftService drafts;
    private final Reviewer reviewer;
    private final ManifestLoader loader;
    private final int maxRounds;

    public AssistedDrafter(ModelClient model, Reviewer reviewer, ManifestLoader loader, int maxRounds) {
        this.model = model;
        this.reviewer = reviewer;
        this.loader = loader;
        this.drafts = new DraftService(reviewer, loader);
        this.maxRounds = maxRounds;
    }

    /** Drafts from requirements; the workload's loaded manifest may be null. */
    public AssistedResult draft(Requirements requirements, LoadedFile workload) throws RequirementsException {
        Requirements r = WorkloadManifest.fill(requirements, workload);
        Resolved resolved = Resolver.resolve(r);
        Draft baseline = Drafter.draft(resolved);
        String prompt = Prompt.DRAFT.render(Map.of(
                "requirements", requirementsJson(r, resolved),
                "workload", workload == null || workload.source() == null ? "(not given)"
                        : Redactor.redact(workload),
                "rules", rules(baseline),
                "baseline", baseline.yaml()));
        return loop(prompt, baseline, workload, () -> drafts.review(baseline, baseline.yaml(), workload),
                "the deterministic draft");
    }

    /**
     * Changes manifests as the user asks; {@code offline} is what to return when the model cannot do it (the
     * deterministic refinement, or the manifests unchanged).
     */
    public AssistedResult refine(String yaml, String feedback, LoadedFile workload,
            java.util.function.Supplier<DraftResult> offline) {
        String prompt = Prompt.FEEDBACK.render(Map.of(
                "feedback", Redactor.redactText(feedback),
                "yaml", Redactor.redact(loader.load(new SourceText("manifests.yaml", yaml), false))));
        return loop(prompt, null, workload, offline, "the offline refinement");
    }

    private AssistedResult loop(String firstPrompt, Draft baseline, LoadedFile workload,
            java.util.function.Supplier<DraftResult> fallback, String fallbackName) {
        List<ModelClient.Message> messages = new ArrayList<>();
        messages.add(ModelClient.Message.system(Prompt.SYSTEM.render(Map.of())));
        messages.add(ModelClient.Message.user(firstPrompt));
        List<Round> rounds = new ArrayList<>();
        for (int n = 1; n <= maxRounds; n++) {
            ModelClient.Reply reply;
            try {
                reply = model.chat(messages);
            } catch (LlmException e) {
                return new AssistedResult(fallback.get(), model.name(), rounds, true,
                        e.getMessage() + "; this is " + fallbackName);
            }
            List<String> notes = new ArrayList<>();
            if (reply.truncated()) {
                notes.add("The answer was cut off at the model's output limit.");
            }
            String extracted = YamlExtractor.extract(reply.text());
            if (extracted.isBlank()) {
                notes.add("The answer held no manifests.");
                rounds.add(new Round(n, "", List.of(), reply.inputTokens(), reply.outputTokens(), notes));
                messages.add(ModelClient.Message.assistant(reply.text()));
                messages.add(ModelClient.Message.user("Your answer held no manifests. Answer with the complete"
                        + " manifests as one YAML code block and nothing else."));
                continue;
            }
            ModelOutput.Sanitized clean = ModelOutput.sanitize(extracted, loader);
            notes.addAll(clean.notes());
            String yaml = safeFixed(clean.yaml(), workload);
            DraftResult result = drafts.review(baseline, yaml, workload);
            List<Finding> mine = result.review().findings().stream()
                    .filter(f -> f.file().equals(DraftService.DRAFT_FILE)).toList();
            Round round = new Round(n, yaml, mine, reply.inputTokens(), reply.outputTokens(), notes);
            rounds.add(round);
            if (round.errors() == 0) {
                return new AssistedResult(result, model.name(), rounds, false, null);
            }
            messages.add(ModelClient.Message.assistant(reply.text()));
            messages.add(ModelClient.Message.user(Prompt.REFINE.render(Map.of(
                    "findings", findings(mine),
                    "yaml", yaml))));
        }
        Round last = rounds.isEmpty() ? null : rounds.get(rounds.size() - 1);
        String why = "after " + rounds.size() + " round" + (rounds.size() == 1 ? "" : "s") + " the model's"
                + " manifests still had " + (last == null ? "no manifests" : last.errors() + " error"
                        + (last.errors() == 1 ? "" : "s") + firstError(last)) + "; this is " + fallbackName;
        return new AssistedResult(fallback.get(), model.name(), rounds, true, why);
    }

    /** The model's manifests with the review's safe fixes applied, as `review --fix` would. */
    private String safeFixed(String yaml, LoadedFile workload) {
        LoadedFile drafted = loader.load(new SourceText(DraftService.DRAFT_FILE, yaml), false);
        List<LoadedFile> files = new ArrayList<>(List.of(drafted));
        if (workload != null) {
            files.add(workload);
        }
        Fixer.FileResult fixed = new Fixer(reviewer, loader).fix(files, false).files().get(0);
        return fixed.changed() ? fixed.fixed() : yaml;
    }

    private static String firstError(Round r) {
        return r.findings().stream().filter(f -> f.severity() == Severity.ERROR).findFirst()
                .map(f -> " (first: " + f.ruleId() + " at line " + f.range().line() + ")").orElse("");
    }

    /** Findings as the refine prompt lists them: rule id, severity, field, line, message. */
    static String findings(List<Finding> findings) {
        StringBuilder out = new StringBuilder();
        for (Finding f : findings) {
            out.append("- ").append(f.ruleId()).append(' ').append(f.severity().label()).append(' ')
                    .append(f.pointer().isRoot() ? "(document)" : f.pointer().fieldPath())
                    .append(", line ").append(f.range().line()).append(": ").append(f.message()).append('\n');
        }
        return out.toString().stripTrailing();
    }

    /** What the user stated, and what the draft assumed, as JSON. */
    private static String requirementsJson(Requirements r, Resolved resolved) {
        ObjectNode root = JSON.createObjectNode();
        root.set("stated", JSON.valueToTree(r));
        var assumed = root.putArray("assumed");
        for (Assumption a : resolved.assumptions()) {
            assumed.addObject().put("field", a.field()).put("value", a.value()).put("reason", a.reason());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One line per rule that reviews the kinds this draft holds. */
    private String rules(Draft baseline) {
        List<String> areas = new ArrayList<>(List.of("schema", "api", "promql"));
        for (var d : baseline.documents()) {
            areas.add(switch (d.kind()) {
                case "HorizontalPodAutoscaler" -> "hpa";
                case "VerticalPodAutoscaler" -> "vpa";
                default -> "keda";
            });
        }
        StringBuilder out = new StringBuilder();
        for (RuleInfo r : reviewer.registry().catalogue()) {
            if (areas.contains(r.area()) && r.severity() != Severity.INFO) {
                out.append("- ").append(r.id()).append(": ").append(r.summary()).append('\n');
            }
        }
        return out.toString().stripTrailing();
    }
}
