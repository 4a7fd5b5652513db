package dev.trafficengineer.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
