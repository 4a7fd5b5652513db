package dev.trafficengineer.review;

import dev.trafficengineer.manifest.LoadedFile;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.source.SourceText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reviews what the front ends hand over: paths (files and directories), a stream, or text already in memory. */
public final class ReviewService {

    /** How standard input is named in reports. */
    public static final String STDIN = "<stdin>";

    private final Reviewer reviewer;
    private final ManifestLoader loader;

    public ReviewService(Reviewer reviewer, ManifestLoader loader) {
        this.reviewer = reviewer;
        this.loader = loader;
    }

    public Reviewer reviewer() {
        return reviewer;
    }

    public ManifestLoader loader() {
        return loader;
    }

    /** Thrown when not one of the given inputs exists. */
    public static final class NoInputException extends Exception {
        private static final long serialVersionUID = 1L;

        NoInputException(String message) {
            super(message);
        }
    }

    /**
     * Reviews paths; {@code -} reads {@code stdin}. A path that does not exist is a finding on it, unless none
     * exists at all.
     */
    public Review reviewPaths(List<String> args, InputStream stdin) throws NoInputException {
        return reviewer.review(load(args, stdin));
    }

    public List<LoadedFile> load(List<String> args, InputStream stdin) throws NoInputException {
        return load(loader, args, stdin);
    }

    /**
     * Loads paths as {@link #load(List, InputStream)} does, for commands that read manifests without reviewing them
     * (simulate).
     */
    public static List<LoadedFile> load(ManifestLoader loader, List<String> args, InputStream stdin)
            throws NoInputException {
        List<LoadedFile> files = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("-")) {
                files.add(loader.load(STDIN, stdin));
                continue;
            }
            try {
                // files are independent: read and parse them on every core
                files.addAll(ManifestLoader.expand(List.of(Path.of(arg))).parallelStream()
                        .map(p -> loader.load(p, p.toString()))
                        .toList());
            } catch (IOException e) {
                missing.add(arg);
            }
        }
        if (files.isEmpty()) {
            throw new NoInputException(missing.isEmpty() ? "no manifests (*.yaml, *.yml, *.json) under "
                    + String.join(", ", args) : "no such file or directory: " + String.join(", ", missing));
        }
        for (String m : missing) {
            files.add(loader.load(Path.of(m), m)); // an input/unreadable finding on that path
        }
        return files;
    }

    /** Reviews YAML text that is already in memory under a display name. */
    public Review reviewText(String name, String yaml) {
        return reviewer.review(List.of(loader.load(new SourceText(name, yaml), false)));
    }
}
