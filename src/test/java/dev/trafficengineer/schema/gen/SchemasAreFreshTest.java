package dev.trafficengineer.schema.gen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code schemas/} must be exactly what {@link SchemaGenerator} makes from {@code upstream/} and the additions.
 * With {@code -Dgolden.update=true} this test rewrites them instead (see {@link SchemaGenerator#COMMAND}).
 */
class SchemasAreFreshTest {

    static Path basedir() {
        return Path.of(System.getProperty("project.basedir", System.getProperty("user.dir")));
    }

    @Test
    void schemasMatchWhatTheGeneratorMakes() throws IOException {
        Path basedir = basedir();
        SortedMap<String, String> expected = SchemaGenerator.generate(basedir);
        if (Boolean.getBoolean("golden.update")) {
            SchemaGenerator.write(basedir, expected);
        }
        Path dir = basedir.resolve(SchemaGenerator.SCHEMAS);
        TreeSet<String> present = new TreeSet<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.forEach(p -> present.add(p.getFileName().toString()));
            }
        }
        List<String> problems = new ArrayList<>();
        for (var e : expected.entrySet()) {
            Path file = dir.resolve(e.getKey());
            if (!Files.exists(file)) {
                problems.add("schemas/" + e.getKey() + " is missing");
            } else if (!Files.readString(file, StandardCharsets.UTF_8).equals(e.getValue())) {
                problems.add("schemas/" + e.getKey() + " is stale");
            }
        }
        for (String name : present) {
            if (!expected.containsKey(name) && !SchemaGenerator.HandWritten.is(name)) {
                problems.add("schemas/" + name + " is not generated (delete it)");
            }
        }
        assertThat(problems)
                .as("schemas/ differs from the generator's output; regenerate with: " + SchemaGenerator.COMMAND)
                .isEmpty();
    }
}
