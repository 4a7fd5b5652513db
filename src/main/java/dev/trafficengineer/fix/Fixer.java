package dev.trafficengineer.fix;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.LoadedFile;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.review.Review;
import dev.trafficengineer.review.Reviewer;
import dev.trafficengineer.source.SourceText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fixes files in rounds: apply the fixes of the current review, review again (a fix may make another possible, or
 * a skipped overlapping fix may now apply), until nothing changes. A file whose fixed text no longer parses or has
 * an error it did not have before keeps its original text, and says why.
 */
public final class Fixer {

    /** Enough for fixes that enable other fixes; a rule whose fix re-creates its finding stops here. */
    static final int MAX_ROUNDS = 5;

    private final Reviewer reviewer;
    private final ManifestLoader loader;

    public Fixer(Reviewer reviewer, ManifestLoader loader) {
        this.reviewer = reviewer;
        this.loader = loader;
    }

    /**
     * One file's outcome. {@code fixed} equals the original text when nothing changed; {@code refused} says why a
     * fixed text was thrown away (null when it was not).
     */
    public record FileResult(String path, SourceText original, String fixed, List<Finding> applied,
            List<TextFixer.Skipped> skipped, String refused) {

        public boolean changed() {
            return original != null && !fixed.equals(original.text());
        }
    }

    /** Every file's outcome, and the review of the files as they are after fixing. */
    public record Result(List<FileResult> files, Review review) {

        public int fixedCount() {
            return files.stream().filter(FileResult::changed).mapToInt(f -> f.applied().size()).sum();
        }
    }

    public Result fix(List<LoadedFile> files, boolean includeUnsafe) {
        Review first = reviewer.review(files);
        List<LoadedFile> current = new ArrayList<>(files);
        Review review = first;
        Map<String, List<Finding>> applied = new HashMap<>();
        Map<String, List<TextFixer.Skipped>> skipped = new HashMap<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean changed = false;
            List<LoadedFile> next = new ArrayList<>();
            for (LoadedFile f : current) {
                if (f.source() == null) {
                    next.add(f);
                    continue;
                }
                TextFixer.Outcome out = TextFixer.apply(f.source(), review.findings(), includeUnsafe);
                skipped.put(f.path(), out.skipped());
                if (out.applied().isEmpty() || out.text().equals(f.source().text())) {
                    next.add(f);
                    continue;
                }
                applied.computeIfAbsent(f.path(), k -> new ArrayList<>()).addAll(out.applied());
                next.add(loader.load(new SourceText(f.path(), out.text()), isJson(f.path())));
                changed = true;
            }
            if (!changed) {
                break;
            }
            current = next;
            review = reviewer.review(current);
        }
        Map<String, String> refused = new LinkedHashMap<>();
        for (int i = 0; i < current.size(); i++) {
            LoadedFile before = files.get(i);
            LoadedFile after = current.get(i);
            if (after == before) {
                continue;
            }
            String why = worse(before, after, first, review);
            if (why != null) {
                refused.put(before.path(), why);
                current.set(i, before);
            }
        }
        if (!refused.isEmpty()) {
            review = reviewer.review(current);
        }
        List<FileResult> results = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            LoadedFile before = files.get(i);
            String path = before.path();
            String fixed = current.get(i).source() == null ? null : current.get(i).source().text();
            results.add(new FileResult(path, before.source(), fixed == null ? "" : fixed,
                    refused.containsKey(path) ? List.of() : applied.getOrDefault(path, List.of()),
                    skipped.getOrDefault(path, List.of()), refused.get(path)));
        }
        return new Result(results, review);
    }

    /** Why the fixed file is worse than the original (it does not parse, or has a new error); null if it is not. */
    private static String worse(LoadedFile before, LoadedFile after, Review first, Review last) {
        Map<String, Integer> was = errorKeys(first, before.path());
        for (Finding f : last.findings()) {
            if (!f.file().equals(after.path()) || f.severity() != Severity.ERROR) {
                continue;
            }
            String key = key(f);
            int left = was.getOrDefault(key, 0);
            if (left == 0) {
                return String.format(Locale.ROOT, "the fixed text would have a new error (%s at %s: %s)",
                        f.ruleId(), f.pointer().isRoot() ? "line " + f.range().line() : f.pointer().fieldPath(),
                        f.message());
            }
            was.put(key, left - 1);
        }
        return null;
    }

    private static Map<String, Integer> errorKeys(Review review, String path) {
        Map<String, Integer> out = new HashMap<>();
        for (Finding f : review.findings()) {
            if (f.file().equals(path) && f.severity() == Severity.ERROR) {
                out.merge(key(f), 1, Integer::sum);
            }
        }
        return out;
    }

    /** What identifies a finding across edits: positions move, the rule, object and field do not. */
    private static String key(Finding f) {
        return f.ruleId() + "|" + (f.object() == null ? "" : f.object().display()) + "|" + f.pointer();
    }

    private static boolean isJson(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(".json");
    }
}
