package dev.trafficengineer.review;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.LoadedFile;
import dev.trafficengineer.source.SourceText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The result of a review: the files read, every finding in report order, and the counts. */
public record Review(List<LoadedFile> files, List<Finding> findings, Summary summary) {

    public Review {
        files = List.copyOf(files);
        findings = List.copyOf(findings);
    }

    /** True when some finding is at least as severe as the threshold. */
    public boolean reaches(Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
    }

    /** The text of each file that could be read, by path, for excerpts and fixes. */
    public Map<String, SourceText> sources() {
        Map<String, SourceText> out = new LinkedHashMap<>();
        for (LoadedFile f : files) {
            if (f.source() != null) {
                out.put(f.path(), f.source());
            }
        }
        return out;
    }
}
