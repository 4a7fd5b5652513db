package dev.trafficengineer.llm;

import dev.trafficengineer.finding.Edit;
import dev.trafficengineer.manifest.Edits;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.manifest.LoadedFile;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.manifest.YamlReader;
import dev.trafficengineer.source.JsonPointer;
import dev.trafficengineer.source.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the model wrote, made safe to review: only autoscaling objects are kept (a Secret with values, or the
 * workload itself, is dropped), and suppression annotations the model added on its own are removed, because the
 * model cannot silence a finding. Each change is reported.
 */
final class ModelOutput {

    static final Set<String> AUTOSCALING_KINDS = Set.of("HorizontalPodAutoscaler", "ScaledObject", "ScaledJob",
            "TriggerAuthentication", "ClusterTriggerAuthentication", "VerticalPodAutoscaler");
    static final String IGNORE = "traffic-engineer.dev/ignore";

    record Sanitized(String yaml, List<String> notes) {}

    private ModelOutput() {}

    static Sanitized sanitize(String yaml, ManifestLoader loader) {
        List<String> notes = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (String doc : YamlReader.documents(yaml)) {
            LoadedFile f = loader.load(new SourceText("model.yaml", doc), false);
            if (!f.problems().isEmpty() || f.objects().isEmpty()) {
                kept.add(doc); // broken or empty: the review says what is wrong with it
                continue;
            }
            KubeObject o = f.objects().get(0);
            if (f.objects().size() == 1 && !AUTOSCALING_KINDS.contains(o.kind())) {
                boolean secretValues = o.kind().equals("Secret")
                        && (o.tree().has("data") || o.tree().has("stringData"));
                notes.add(secretValues
                        ? "The model wrote a Secret with values (" + o.name() + "); it was dropped: credentials"
                                + " belong in a Secret you create yourself, referenced by a TriggerAuthentication."
                        : "The model wrote a " + o.kind() + " (" + o.name() + "); it was left out: the draft holds"
                                + " autoscaling objects only.");
                continue;
            }
            List<Edit> edits = new ArrayList<>();
            JsonPointer ignore = JsonPointer.of("metadata", "annotations", IGNORE);
            if (!o.at(ignore).isMissingNode()) {
                Edit e = Edits.deleteEntry(o, ignore);
                if (e != null) {
                    edits.add(e);
                    notes.add("The model added `" + IGNORE + ": " + o.at(ignore).asText() + "` to " + o.kind()
                            + "/" + o.name() + "; it was removed: findings are fixed, not silenced.");
                }
            }
            kept.add(edits.isEmpty() ? doc : Edits.apply(f.source(), edits));
        }
        StringBuilder out = new StringBuilder();
        for (String doc : kept) {
            String d = doc.startsWith("---") ? doc : (out.length() > 0 ? "---\n" : "") + doc;
            out.append(d.endsWith("\n") ? d : d + "\n");
        }
        return new Sanitized(out.toString(), notes);
    }
}
