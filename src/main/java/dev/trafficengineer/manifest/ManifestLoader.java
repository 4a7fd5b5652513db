package dev.trafficengineer.manifest;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.source.JsonPointer;
import dev.trafficengineer.source.SourceRange;
import dev.trafficengineer.source.SourceText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads manifests from files, directories and in-memory text into Kubernetes objects with positions. Every problem
 * becomes an {@code input/*} finding on its file; one bad file or document never stops the others.
 */
public final class ManifestLoader {

    /** Larger files are refused unread (the API server's own request limit is 3 MiB). */
    public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    private final ObjectExtractor extractor;

    /** @param defaultNamespace the namespace of objects that name none ({@code default} unless --namespace says) */
    public ManifestLoader(String defaultNamespace) {
        this.extractor = new ObjectExtractor(defaultNamespace);
    }

    /**
     * The files to review under the given paths: files as given, directories walked recursively for {@code *.yaml},
     * {@code *.yml} and {@code *.json} (hidden directories skipped), in a stable order.
     *
     * @throws NoSuchFileException when a path does not exist
     */
    public static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new NoSuchFileException(p.toString());
            }
            if (!Files.isDirectory(p)) {
                out.add(p);
                continue;
            }
            try (Stream<Path> walk = Files.walk(p)) {
                walk.filter(f -> Files.isRegularFile(f) && isManifestName(f) && !hidden(p, f))
                        .sorted()
                        .forEach(out::add);
            }
        }
        return out;
    }

    /** Whether the file name is one the review reads in directories: *.yaml, *.yml or *.json. */
    public static boolean isManifestName(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }

    private static boolean hidden(Path root, Path f) {
        for (Path part : root.relativize(f)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** Reads one file; {@code display} is the path as reports show it. */
    public LoadedFile load(Path file, String display) {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                return problem(display, InputRules.TOO_LARGE.id(), String.format(Locale.ROOT,
                        "This file is %.1f MiB, over the %d MiB this review reads; split it or review its"
                                + " source.", size / 1048576.0, MAX_FILE_BYTES / 1048576));
            }
            return load(display, Files.readAllBytes(file), isJsonName(display));
        } catch (IOException | SecurityException e) {
            return problem(display, InputRules.UNREADABLE.id(),
                    "This file cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                            + "); check the path and its permissions.");
        }
    }

    /** Reads a stream (standard input) up to the size limit. */
    public LoadedFile load(String display, InputStream in) {
        try {
            byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                return problem(display, InputRules.TOO_LARGE.id(), "The input is over the "
                        + MAX_FILE_BYTES / 1048576 + " MiB this review reads; split it.");
            }
            return load(display, bytes, false);
        } catch (IOException e) {
            return problem(display, InputRules.UNREADABLE.id(),
                    "The input cannot be read (" + e.getMessage() + ").");
        }
    }

    /** Reads bytes that have already been read. */
    public LoadedFile load(String display, byte[] bytes, boolean json) {
        InputDecoder.Decoded d = InputDecoder.decode(display, bytes);
        if (d instanceof InputDecoder.Problem p) {
            return new LoadedFile(display, null, List.of(), List.of(p.finding()));
        }
        return load(new SourceText(display, ((InputDecoder.Text) d).text()), json);
    }

    /** Reads text that is already in memory (a draft, an MCP argument). */
    public LoadedFile load(SourceText source, boolean json) {
        YamlReader.Result r = YamlReader.read(source, json || looksLikeJson(source.text()));
        List<KubeObject> objects = new ArrayList<>();
        List<Finding> problems = new ArrayList<>(r.problems());
        for (YamlDocument doc : r.documents()) {
            extractor.extract(doc, objects, problems);
        }
        return new LoadedFile(source.path(), source, objects, problems);
    }

    private static boolean isJsonName(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(".json");
    }

    private static boolean looksLikeJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{' || c == '[';
            }
        }
        return false;
    }

    private static LoadedFile problem(String display, String ruleId, String message) {
        var rule = InputRules.ALL.stream().filter(r -> r.id().equals(ruleId)).findFirst().orElseThrow();
        return new LoadedFile(display, null, List.of(), List.of(new Finding(rule.id(), rule.severity(), message,
                display, SourceRange.START, JsonPointer.ROOT, null, null)));
    }
}
