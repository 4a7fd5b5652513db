package dev.trafficengineer.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * Golden files: exact expected output kept in the repository. They are rewritten only on purpose, with
 * {@code mvn verify -Dgolden.update=true}, and the change is reviewed in the diff.
 */
public final class Golden {

    private Golden() {}

    public static boolean updating() {
        return Boolean.getBoolean("golden.update");
    }

    /** The repository root (tests run there under Maven; the property makes it explicit). */
    public static Path root() {
        return Path.of(System.getProperty("project.basedir", ""));
    }

    /** The case folders of golden/{@code area}/, in name order. */
    public static List<Path> cases(String area) throws IOException {
        try (Stream<Path> s = Files.list(root().resolve("golden").resolve(area))) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    /** One dynamic test per case folder, named after it. */
    public static Stream<DynamicTest> eachCase(List<Path> cases, ThrowingConsumer<Path> check) {
        return DynamicTest.stream(cases.stream(), dir -> dir.getFileName().toString(), check);
    }

    /** A case's {@code input*} files in name order, as paths from the repository root: what a command is given. */
    public static List<String> inputs(Path dir) throws IOException {
        Path base = root().toAbsolutePath();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("input")).sorted()
                    .map(p -> base.relativize(p.toAbsolutePath()).toString()).toList();
        }
    }

    /** The non-blank lines of a case's optional file (such as {@code args}); none when it is absent. */
    public static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList() : List.of();
    }

    public static void assertMatches(Path expected, String actual) {
        try {
            if (updating()) {
                Files.createDirectories(expected.toAbsolutePath().getParent());
                Files.writeString(expected, actual, StandardCharsets.UTF_8);
                return;
            }
            assertThat(Files.exists(expected))
                    .as("golden file %s is missing; create it with -Dgolden.update=true", expected)
                    .isTrue();
            assertThat(actual).as("output differs from golden file %s (regenerate with -Dgolden.update=true"
                    + " and review the diff)", expected).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
