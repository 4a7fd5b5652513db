package dev.trafficengineer.draft;

import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.manifest.LoadedFile;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.review.Review;
import dev.trafficengineer.review.Reviewer;
import dev.trafficengineer.simulate.ManifestScenario;
import dev.trafficengineer.source.SourceText;
import java.util.ArrayList;
import java.util.List;

/**
 * Drafting as the front ends use it: requirements (and the workload's manifest, when given) in; the draft, its
 * review and its simulation out. Every draft goes through the same review as any manifest.
 */
public final class DraftService {

    /** The name the draft carries in its review's findings. */
    public static final String DRAFT_FILE = "draft.yaml";

    private final Reviewer reviewer;
    private final ManifestLoader loader;

    public DraftService(Reviewer reviewer, ManifestLoader loader) {
        this.reviewer = reviewer;
        this.loader = loader;
    }

    /**
     * Drafts from requirements. {@code workload} is the workload's loaded manifest file, or null; its objects are
     * reviewed with the draft, so cross-object rules (targets, requests) see them.
     */
    public DraftResult draft(Requirements requirements, LoadedFile workload) throws RequirementsException {
        Resolved resolved = Resolver.resolve(WorkloadManifest.fill(requirements, workload));
        Draft draft = Drafter.draft(resolved);
        return review(draft, draft.yaml(), workload);
    }

    /** Reviews (and simulates) drafted YAML; the LLM loop calls this for the model's drafts too. */
    public DraftResult review(Draft draft, String yaml, LoadedFile workload) {
        LoadedFile drafted = loader.load(new SourceText(DRAFT_FILE, yaml), false);
        List<LoadedFile> files = new ArrayList<>();
        files.add(drafted);
        if (workload != null) {
            files.add(workload);
        }
        Review review = reviewer.review(files);
        DraftSimulation sim = null;
        if (draft != null && drafted.problems().isEmpty()) {
            List<KubeObject> objects = new ArrayList<>(drafted.objects());
            if (workload != null) {
                // its requests shape the simulated pods; an autoscaler it also holds is what the draft replaces
                workload.objects().stream().filter(o -> ManifestScenario.autoscalers(List.of(o)).isEmpty())
                        .forEach(objects::add);
            }
            sim = DraftSimulator.simulate(draft, objects);
        }
        return new DraftResult(draft, yaml, review, sim);
    }
}
