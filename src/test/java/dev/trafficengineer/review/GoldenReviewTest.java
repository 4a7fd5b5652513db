package dev.trafficengineer.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.testing.Cli;
import dev.trafficengineer.testing.Golden;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs `review` over each golden/review/<case>/ and compares the text and JSON reports byte for byte. */
class GoldenReviewTest {

    @TestFactory
    Stream<DynamicTest> goldenCases() throws IOException {
        List<Path> cases = Golden.cases("review");
        assertThat(cases).isNotEmpty();
        return Golden.eachCase(cases, GoldenReviewTest::check);
    }

    private static void check(Path dir) throws IOException {
        List<String> inputs = Golden.inputs(dir);
        List<String> extra = Golden.lines(dir.resolve("args"));
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
