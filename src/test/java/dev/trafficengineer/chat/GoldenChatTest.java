package dev.trafficengineer.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.testing.Cli;
import dev.trafficengineer.testing.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conversations of golden/chat/: each case's {@code input.txt} is piped into {@code traffic-engineer chat};
 * the transcript must equal {@code expected.txt} and the final manifests (written with {@code -o})
 * {@code expected.yaml}, with no error in their review.
 */
class GoldenChatTest {

    private static final Path CASES = Golden.root().resolve("golden/chat");

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> conversations() throws IOException {
        List<Path> cases;
        try (Stream<Path> s = Files.list(CASES)) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(5);
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }

    private void check(Path dir) throws IOException {
        String input = Files.readString(dir.resolve("input.txt"), StandardCharsets.UTF_8);
        Path manifests = tmp.resolve(dir.getFileName() + ".yaml");
        Cli.Result r = Cli.runWithInput(input, "chat", "-o", manifests.toString());
        assertThat(r.exit()).isZero();
        Golden.assertMatches(dir.resolve("expected.txt"), r.out());
        if (Files.exists(manifests)) {
            String yaml = Files.readString(manifests, StandardCharsets.UTF_8);
            Golden.assertMatches(dir.resolve("expected.yaml"), yaml);
            assertThat(yaml).contains("# Review: 0 errors");
            assertThat(r.err()).isEqualTo("traffic-engineer: wrote the manifests to " + manifests + "\n");
        } else {
            assertThat(dir.resolve("expected.yaml")).doesNotExist();
        }
    }
}
