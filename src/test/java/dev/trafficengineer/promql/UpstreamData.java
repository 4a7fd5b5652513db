package dev.trafficengineer.promql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** The upstream test data under {@code upstream/promql/} (see its README for source and licence). */
final class UpstreamData {

    private UpstreamData() {}

    static Path dir() {
        Path base = Path.of(System.getProperty("project.basedir", "."));
        Path dir = base.resolve("upstream/promql");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("upstream data not found at " + dir.toAbsolutePath());
        }
        return dir;
    }

    static JsonNode json(String name) {
        try {
            return new ObjectMapper().readTree(dir().resolve(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The non-comment lines of a query file, each a query. */
    static List<String> queries(String name) {
        try {
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(dir().resolve(name), StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The UTF-8 bytes of a case's input: the exact bytes when the input is not valid UTF-8. */
    static byte[] inputBytes(JsonNode c) {
        if (c.has("inputBase64")) {
            return Base64.getDecoder().decode(c.get("inputBase64").asText());
        }
        return c.get("input").asText().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Converts an upstream byte offset to a code-point offset. An invalid byte counts as one code point, as the
     * U+FFFD that replaces it in the case's {@code input}.
     */
    static int codePointOffset(byte[] utf8, int byteOffset) {
        int cp = 0;
        int i = 0;
        while (i < byteOffset && i < utf8.length) {
            int b = utf8[i] & 0xff;
            int len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 1;
            boolean valid = i + len <= utf8.length;
            for (int k = 1; valid && k < len; k++) {
                valid = (utf8[i + k] & 0xc0) == 0x80;
            }
            i += valid ? len : 1;
            cp++;
        }
        return cp;
    }
}
