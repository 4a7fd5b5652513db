package dev.trafficengineer.schema.gen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The upstream copies are byte-for-byte what upstream/SHA256SUMS lists, and it lists every one of them. */
class UpstreamChecksumsTest {

    @Test
    void everyUpstreamFileMatchesItsChecksum() throws Exception {
        Path upstream = SchemasAreFreshTest.basedir().resolve("upstream");
        TreeMap<String, String> listed = new TreeMap<>();
        for (String line : Files.readAllLines(upstream.resolve("SHA256SUMS"))) {
            if (!line.isBlank()) {
                String[] parts = line.split("\\s+", 2);
                listed.put(parts[1], parts[0]);
            }
        }
        TreeMap<String, String> actual = new TreeMap<>();
        for (String folder : List.of("kubernetes", "keda", "vpa")) {
            try (Stream<Path> files = Files.walk(upstream.resolve(folder))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
                    actual.put(upstream.relativize(f).toString().replace('\\', '/'), HexFormat.of().formatHex(digest));
                }
            }
        }
        assertThat(actual).isEqualTo(listed);
    }
}
