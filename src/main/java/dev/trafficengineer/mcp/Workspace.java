package dev.trafficengineer.mcp;

import dev.trafficengineer.manifest.ManifestLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The directories a tool may read from: the roots the client announced, or the server's default workspace. A path
 * is inside when its real path (every symlink resolved) is under the real path of a root; anything else is refused
 * with a message, before a byte of it is read. Only manifest files are read (*.yaml, *.yml, *.json, by the name
 * given and the name of the real file), so a path cannot turn a review into a reader of .env files or keys. Nothing
 * here writes.
 */
final class Workspace {

    /** A file to read: its real path, and the name reports show (relative to its root). */
    record Target(Path file, String display) {}

    /** The files under the given paths, and the ones left out because they resolve to outside the workspace. */
    record Selection(List<Target> files, List<String> skipped) {}

    /** Real paths of the roots. */
    private final List<Path> roots;
    /** The roots as announced (absolute, normalized), for the check by name before anything is resolved. */
    private final List<Path> announced;
    private final String why;

    private Workspace(List<Path> roots, List<Path> announced, String why) {
        this.roots = List.copyOf(roots);
        this.announced = List.copyOf(announced);
        this.why = why;
    }

    /** A workspace of these directories; those that do not exist are dropped. */
    static Workspace of(List<Path> directories, String origin) {
        List<Path> real = new ArrayList<>();
        List<Path> announced = new ArrayList<>();
        for (Path d : directories) {
            try {
                Path a = d.toAbsolutePath().normalize();
                Path r = a.toRealPath();
                if (Files.isDirectory(r) && !real.contains(r)) {
                    real.add(r);
                    announced.add(a);
                }
            } catch (IOException e) {
                // a root that does not exist holds nothing to read
            }
        }
        return new Workspace(real, announced, origin);
    }

    List<Path> roots() {
        return roots;
    }

    /**
     * The manifest files under {@code paths} (files, or directories searched for *.yaml, *.yml, *.json). Relative
     * paths are relative to the first root.
     *
     * @throws ToolException when a given path is outside the workspace or does not exist
     */
    Selection select(List<String> paths) {
        if (roots.isEmpty()) {
            throw new ToolException("no workspace to read from (" + why + "); pass the manifests as `yaml` text"
                    + " instead of `paths`");
        }
        List<Target> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String given : paths) {
            Path real = confine(given);
            if (!Files.isDirectory(real)) {
                requireManifestName(given, real);
            }
            List<Path> expanded;
            try {
                expanded = ManifestLoader.expand(List.of(real));
            } catch (IOException e) {
                throw new ToolException("cannot list `" + given + "`: " + e.getMessage());
            }
            for (Path p : expanded) {
                // a directory may hold symlinks that lead out of the workspace: each file is checked again
                Path file = realPathInside(p);
                if (file == null) {
                    skipped.add(display(p) + " (resolves to outside the workspace, or to a file that is not a"
                            + " manifest)");
                } else if (files.stream().noneMatch(t -> t.file().equals(file))) {
                    files.add(new Target(file, display(file)));
                }
            }
        }
        if (files.isEmpty()) {
            throw new ToolException("no manifests (*.yaml, *.yml, *.json) under " + String.join(", ", paths)
                    + (skipped.isEmpty() ? "" : "; left out: " + String.join(", ", skipped)));
        }
        return new Selection(files, skipped);
    }

    /** The real path of one manifest file the caller named, refused unless it is inside a root. */
    Path file(String given) {
        Path real = confine(given);
        if (!Files.isRegularFile(real)) {
            throw new ToolException("`" + given + "` is not a file");
        }
        requireManifestName(given, real);
        return real;
    }

    private static void requireManifestName(String given, Path real) {
        Path named = Path.of(given).getFileName();
        if (named == null || !ManifestLoader.isManifestName(named) || !ManifestLoader.isManifestName(real)) {
            throw new ToolException("`" + given + "` is not a manifest file: only *.yaml, *.yml and *.json files"
                    + " are read");
        }
    }

    /** The real path of one file or directory the caller named, refused unless it is inside a root. */
    Path confine(String given) {
        if (given == null || given.isBlank()) {
            throw new ToolException("an empty path was given");
        }
        Path p;
        try {
            p = Path.of(given);
        } catch (InvalidPathException e) {
            throw new ToolException("`" + given + "` is not a valid path: " + e.getReason());
        }
        Path absolute = (p.isAbsolute() ? p : announced.get(0).resolve(p)).normalize();
        // refuse on the name alone first: what lies outside is not even looked at
        if (!inside(absolute) && announced.stream().noneMatch(absolute::startsWith)) {
            throw outside(given);
        }
        Path real;
        try {
            real = absolute.toRealPath();
        } catch (IOException e) {
            throw new ToolException("no such file or directory in the workspace: `" + given + "`");
        }
        if (!inside(real)) {
            throw new ToolException("`" + given + "` is a symbolic link (or lies under one) that leads outside the"
                    + " workspace (" + describeRoots() + "); it is not read");
        }
        return real;
    }

    private Path realPathInside(Path p) {
        try {
            Path real = p.toRealPath();
            return inside(real) && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)
                    && ManifestLoader.isManifestName(real) ? real : null;
        } catch (IOException e) {
            return null;
        }
    }

    private boolean inside(Path real) {
        return roots.stream().anyMatch(real::startsWith);
    }

    private String display(Path p) {
        for (Path r : roots) {
            if (p.startsWith(r)) {
                Path rel = r.relativize(p);
                return roots.size() == 1 && !rel.toString().isEmpty() ? rel.toString() : p.toString();
            }
        }
        return p.toString();
    }

    private ToolException outside(String given) {
        return new ToolException("`" + given + "` is outside the workspace (" + describeRoots() + "); only files"
                + " under it are read. Pass the manifest as `yaml` text if the user wants it reviewed.");
    }

    private String describeRoots() {
        List<String> names = roots.stream().map(Path::toString).toList();
        return why + ": " + String.join(", ", names);
    }
}
