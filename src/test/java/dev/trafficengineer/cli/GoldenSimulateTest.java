package dev.trafficengineer.cli;

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

/**
 * Runs {@code simulate} over each golden/simulate/&lt;case&gt;/ and compares the output byte for byte. A case holds
 * its manifests ({@code input*.yaml}, passed in name order), {@code args} (one argument per line; {@code {dir}}
 * stands for the case directory, for files such as a traffic CSV or a --compare manifest), {@code formats} (the
 * formats to check, default text) and {@code expected.txt} (text), {@code expected.json}, {@code expected.svg}: standard output, then standard error and the exit
 * code for text.
 */
class GoldenSimulateTest {

    @TestFactory
    Stream<DynamicTest> goldenCases() throws IOException {
        List<Path> cases = Golden.cases("simulate");
        assertThat(cases).isNotEmpty();
        return Golden.eachCase(cases, GoldenSimulateTest::check);
    }

    private static void check(Path dir) throws IOException {
        String relative = Golden.root().toAbsolutePath().relativize(dir.toAbsolutePath()).toString();
        List<String> inputs = Golden.inputs(dir);
        List<String> extra = Golden.lines(dir.resolve("args")).stream().map(l -> l.replace("{dir}", relative))
                .toList();
        List<String> formats = Files.exists(dir.resolve("formats"))
                ? List.of(Files.readString(dir.resolve("formats")).strip().split("\\s+"))
                : List.of("text");
        for (String format : formats) {
            List<String> a = new ArrayList<>(List.of("simulate", "--format", format));
            a.addAll(extra);
            a.addAll(inputs);
            Cli.Result r = Cli.run(a.toArray(String[]::new));
            String actual = format.equals("text")
                    ? r.out() + (r.err().isEmpty() ? "" : "stderr:\n" + r.err()) + "exit " + r.exit() + "\n"
                    : r.out();
            if (!format.equals("text")) {
                assertThat(r.err()).isEmpty();
                assertThat(r.exit()).isZero();
            }
            Golden.assertMatches(dir.resolve("expected." + (format.equals("text") ? "txt" : format)), actual);
        }
    }
}
