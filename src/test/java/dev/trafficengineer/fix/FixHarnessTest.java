package dev.trafficengineer.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.FixAvailability;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.kube.KubernetesVersion;
import dev.trafficengineer.manifest.LoadedFile;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.review.Config;
import dev.trafficengineer.review.Reviewer;
import dev.trafficengineer.review.RuleCatalog;
import dev.trafficengineer.rules.ReviewOptions;
import dev.trafficengineer.rules.RuleRegistry;
import dev.trafficengineer.source.SourceText;
import dev.trafficengineer.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Holds every fix to its promise: over each golden/fix case, the fix converges (a second run changes nothing), the
 * result parses and passes the schemas, and the rules it fixed no longer fire there. Every rule that declares
 * fixes must have a case that exercises them.
 */
class FixHarnessTest {

    private static final RuleRegistry REGISTRY = RuleCatalog.standard();
    private static final ManifestLoader LOADER = new ManifestLoader("default");

    private static List<Path> cases() throws IOException {
        return Golden.cases("fix");
    }

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException {
        return Golden.eachCase(cases(), FixHarnessTest::check);
    }

    /** The flags a case's args file gives: --unsafe-fixes, --kubernetes-version X.Y. */
    private record Args(boolean unsafe, ReviewOptions options) {
        static Args of(Path dir) throws IOException {
            List<String> a = Files.exists(dir.resolve("args"))
                    ? List.of(Files.readString(dir.resolve("args")).trim().split("\\s+")) : List.of();
            ReviewOptions o = ReviewOptions.DEFAULT;
            int v = a.indexOf("--kubernetes-version");
            if (v >= 0) {
                o = o.withKubernetesVersion(KubernetesVersion.parse(a.get(v + 1)));
            }
            return new Args(a.contains("--unsafe-fixes"), o);
        }

        Reviewer reviewer() {
            return new Reviewer(REGISTRY, options, Config.EMPTY);
        }
    }

    private static Fixer.FileResult fixOnce(String path, String text, Args args) {
        LoadedFile f = LOADER.load(new SourceText(path, text), false);
        return new Fixer(args.reviewer(), LOADER).fix(List.of(f), args.unsafe()).files().get(0);
    }

    private static void check(Path dir) throws IOException {
        String path = Golden.root().relativize(dir.resolve("input.yaml")).toString();
        String input = Files.readString(dir.resolve("input.yaml"));
        Args args = Args.of(dir);
        Fixer.FileResult first = fixOnce(path, input, args);
        assertThat(first.refused()).as("refused").isNull();
        assertThat(first.applied()).as("%s fixes something", dir).isNotEmpty();
        Golden.assertMatches(dir.resolve("expected.yaml"), first.fixed());

        Fixer.FileResult second = fixOnce(path, first.fixed(), args);
        assertThat(second.fixed()).as("fixing twice changes nothing").isEqualTo(first.fixed());

        LoadedFile reloaded = LOADER.load(new SourceText(path, first.fixed()), false);
        assertThat(reloaded.problems()).as("the fixed text parses").isEmpty();
        var review = args.reviewer().review(List.of(reloaded));
        Set<String> fixedRules = new TreeSet<>();
        first.applied().forEach(f -> fixedRules.add(f.ruleId()));
        for (Finding f : review.findings()) {
            assertThat(f.ruleId()).as("schema after fix: " + f.message()).doesNotStartWith("schema/");
            assertThat(fixedRules).as("still fires after its fix: " + f.message()).doesNotContain(f.ruleId());
        }
    }

    @Test
    void everyRuleWithFixesHasACase() throws IOException {
        Set<String> exercised = new TreeSet<>();
        for (Path dir : cases()) {
            String path = dir.resolve("input.yaml").toString();
            fixOnce(path, Files.readString(dir.resolve("input.yaml")), Args.of(dir))
                    .applied().forEach(f -> exercised.add(f.ruleId()));
        }
        Set<String> declared = new TreeSet<>();
        for (RuleInfo r : REGISTRY.catalogue()) {
            if (r.fix() != FixAvailability.NONE) {
                declared.add(r.id());
            }
        }
        assertThat(exercised).as("rules that declare fixes but have no golden/fix case")
                .containsAll(declared);
    }
}
