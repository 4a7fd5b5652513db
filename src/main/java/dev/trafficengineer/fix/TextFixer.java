package dev.trafficengineer.fix;

import dev.trafficengineer.finding.Edit;
import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.manifest.Edits;
import dev.trafficengineer.source.SourceText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies the fixes of one file's findings to its text, touching nothing else: every byte outside the edits stays
 * as it was. Fixes are taken in position order; a fix whose edits overlap one already taken is skipped, so the
 * result is the same on every run.
 */
public final class TextFixer {

    private TextFixer() {}

    /** A fix left out, and why. */
    public record Skipped(Finding finding, String reason) {}

    /** The new text, the findings whose fixes went in, and those that did not. */
    public record Outcome(String text, List<Finding> applied, List<Skipped> skipped) {}

    /** Orders fixes by where their first edit starts, then by rule id, so overlap decisions are reproducible. */
    private static final Comparator<Finding> FIX_ORDER = Comparator
            .comparing((Finding f) -> first(f), Edit::compareStart)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    public static Outcome apply(SourceText source, List<Finding> findings, boolean includeUnsafe) {
        List<Finding> candidates = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Finding f : findings) {
            if (f.fix() == null || !f.file().equals(source.path())) {
                continue;
            }
            if (!f.fix().safe() && !includeUnsafe) {
                skipped.add(new Skipped(f, "unsafe: applied only with --unsafe-fixes"));
                continue;
            }
            candidates.add(f);
        }
        candidates.sort(FIX_ORDER);
        List<Edit> taken = new ArrayList<>();
        List<Finding> applied = new ArrayList<>();
        for (Finding f : candidates) {
            Finding conflict = null;
            for (Edit e : f.fix().edits()) {
                for (int i = 0; i < taken.size() && conflict == null; i++) {
                    if (e.overlaps(taken.get(i))) {
                        conflict = applied.get(owner(applied, taken.get(i)));
                    }
                }
            }
            if (conflict != null) {
                skipped.add(new Skipped(f, "overlaps the fix for " + conflict.ruleId() + "; run the fix again"));
                continue;
            }
            taken.addAll(f.fix().edits());
            applied.add(f);
        }
        return new Outcome(Edits.apply(source, taken), applied, skipped);
    }

    private static int owner(List<Finding> applied, Edit e) {
        for (int i = 0; i < applied.size(); i++) {
            if (applied.get(i).fix().edits().contains(e)) {
                return i;
            }
        }
        throw new IllegalStateException("edit without a fix");
    }

    /**
     * Applies a list of edits that belong together (one change made by hand or by a refinement, not findings'
     * fixes), keeping every other byte. Throws when two of them overlap: their order would decide the result.
     */
    public static String applyEdits(SourceText source, List<Edit> edits) {
        for (int i = 0; i < edits.size(); i++) {
            for (int j = i + 1; j < edits.size(); j++) {
                if (edits.get(i).overlaps(edits.get(j))) {
                    throw new IllegalArgumentException("overlapping edits: " + edits.get(i) + " and " + edits.get(j));
                }
            }
        }
        return Edits.apply(source, edits);
    }

    private static Edit first(Finding f) {
        return f.fix().edits().stream().min(Edit::compareStart).orElseThrow();
    }
}
