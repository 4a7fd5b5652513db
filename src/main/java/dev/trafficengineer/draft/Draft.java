package dev.trafficengineer.draft;

import java.util.ArrayList;
import java.util.List;

/** The drafted manifests with the requirements and plan they came from. */
public record Draft(Resolved resolved, Plan plan, List<Document> documents) {

    public Draft {
        documents = List.copyOf(documents);
    }

    /** The manifests as one multi-document YAML text, each value with its reason; assumptions on top. */
    public String yaml() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < documents.size(); i++) {
            List<String> header = new ArrayList<>();
            if (i == 0) {
                header.addAll(header());
            } else {
                out.append("---\n");
            }
            out.append(YamlTree.write(documents.get(i).tree(), header));
        }
        return out.toString();
    }

    private List<String> header() {
        Resolved.Workload w = resolved.workload();
        List<String> h = new ArrayList<>();
        h.add("Drafted by traffic-engineer for " + w.kind() + " " + w.namespace() + "/" + w.name() + " ("
                + describe(w.type()) + "). Each value says why it is what it is.");
        if (!resolved.assumptions().isEmpty()) {
            h.add("");
            h.add("Assumed (not stated; state them to change the draft):");
            for (Assumption a : resolved.assumptions()) {
                h.add("- " + a.field() + ": " + a.value() + " (" + a.reason() + ")");
            }
        }
        if (!plan.notes().isEmpty()) {
            h.add("");
            h.add("Notes:");
            plan.notes().forEach(n -> h.add("- " + n));
        }
        return h;
    }

    private static String describe(Resolved.WorkloadType t) {
        return switch (t) {
            case HTTP -> "an HTTP API";
            case QUEUE -> "a queue consumer";
            case STREAM -> "a stream consumer";
            case BATCH -> "batch work";
        };
    }
}
