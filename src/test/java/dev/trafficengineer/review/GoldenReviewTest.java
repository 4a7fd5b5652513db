package dev.trafficengineer.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.testing.Cli;
import dev.trafficengineer.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs `review` over each golden/review/<case>/ and compares the text and JSON reports byte for byte. */
class GoldenReviewTest {

    private static final Path CASES = Golden.root().resolve("golden/review");

    @TestFactory
    Stream<DynamicTest> goldenCases() throws IOException {
        List<Path> cases;
        try (Stream<Path> s = Files.list(CASES)) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(cases).isNotEmpty();
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }

    private static void check(Path dir) throws IOException {
        List<String> inputs = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().startsWith("input")).sorted()
                    .forEach(p -> inputs.add(Golden.root().relativize(p).toString()));
        }
        List<String> extra = Files.exists(dir.resolve("args"))
                ? Files.readAllLines(dir.resolve("args")).stream().filter(l -> !l.isBlank()).toList()
                : List.of();
        Cli.Result text = Cli.run(args(extra, inputs, "text"));
        Cli.Result json = Cli.run(args(extra, inputs, "json"));
        assertThat(text.err()).isEmpty();
        assertThat(text.exit()).isEqualTo(json.exit());
        Golden.assertMatches(dir.resolve("expected.txt"), text.out() + "exit " + text.exit() + "\n");
        Golden.assertMatches(dir.resolve("expected.json"), json.out());
    }

    private static String[] args(List<String> extra, List<String> inputs, String format) {
        List<String> a = new ArrayList<>(List.of("review", "--color", "never", "--format", format));
        a.addAll(extra);
        a.addAll(inputs);
        return a.toArray(String[]::new);
    }
}
