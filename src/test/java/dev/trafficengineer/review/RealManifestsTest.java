package dev.trafficengineer.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.source.SourceText;
import dev.trafficengineer.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reviews every real-world manifest in ../shared/upstream/real-manifests/ when that folder exists: no exception,
 * no internal error, every finding positioned inside its file. Skipped cleanly elsewhere.
 */
class RealManifestsTest {

    /** Next to the repository, or next to the folder of worktrees. */
    private static final Path CORPUS = java.util.stream.Stream.of("../shared", "../../shared")
            .map(s -> Golden.root().toAbsolutePath().resolve(s).resolve("upstream/real-manifests").normalize())
            .filter(Files::isDirectory).findFirst().orElse(Path.of("/nonexistent"));

    @Test
    void reviewsEveryRealManifestWithPositionedFindings() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "no real-manifests corpus next to the repository");
        List<Path> files = ManifestLoader.expand(List.of(CORPUS));
        assertThat(files).isNotEmpty();
        ReviewService service = new ReviewService(
                new Reviewer(RuleCatalog.standard(), dev.trafficengineer.rules.ReviewOptions.DEFAULT, Config.EMPTY),
                new ManifestLoader("default"));
        for (Path file : files) {
            String text = Files.readString(file);
            Review review = service.reviewText(file.getFileName().toString(), text);
            SourceText src = new SourceText(file.toString(), text);
            for (Finding f : review.findings()) {
                assertThat(f.ruleId()).as(file + ": " + f.message()).isNotEqualTo("review/internal-error");
                assertThat(f.range().line()).as(file + " " + f.ruleId()).isBetween(1, Math.max(1, src.lineCount()));
                assertThat(f.range().endLine()).isGreaterThanOrEqualTo(f.range().line());
            }
        }
    }
}
