package dev.trafficengineer.mcp;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspace of one call: the roots the client announces (asked with {@code roots/list} at the call, so a folder
 * the user opened since is seen), or, when the client has no roots capability, the {@code --workspace} directories,
 * else the server's working directory — unless that is the filesystem root or the home directory (where a client
 * such as Claude Desktop may start servers), which would open far more than a project.
 */
final class ClientRoots {

    private static final Logger LOG = LoggerFactory.getLogger(ClientRoots.class);

    private ClientRoots() {}

    static Workspace workspace(McpSyncServerExchange exchange, Workspace fallback) {
        McpSchema.ClientCapabilities caps = exchange == null ? null : exchange.getClientCapabilities();
        if (caps == null || caps.roots() == null) {
            return fallback;
        }
        McpSchema.ListRootsResult listed;
        try {
            listed = exchange.listRoots();
        } catch (RuntimeException e) {
            // the client said it has roots but did not list them: keep to the documented default
            LOG.warn("roots/list failed ({}); using the default workspace {}", e.toString(), fallback.roots());
            return fallback;
        }
        List<Path> dirs = new ArrayList<>();
        for (McpSchema.Root r : listed.roots()) {
            Path p = fileRoot(r.uri());
            if (p == null) {
                LOG.warn("ignoring a workspace root that is not a local directory: {}", r.uri());
            } else {
                dirs.add(p);
            }
        }
        return Workspace.of(dirs, dirs.isEmpty() ? "the client announced no local workspace folder"
                : "the workspace roots the client announced");
    }

    /**
     * The workspace when the client announces none: the configured directories, else the working directory if it
     * is narrower than the whole filesystem or the home directory.
     */
    static Workspace fallback(List<Path> configured, Path workingDirectory, Path home) {
        if (!configured.isEmpty()) {
            return Workspace.of(configured, "the --workspace directories");
        }
        Path cwd = workingDirectory.toAbsolutePath().normalize();
        if (cwd.getParent() == null || home != null && cwd.equals(home.toAbsolutePath().normalize())) {
            return Workspace.of(List.of(), "the server was started in " + cwd + ", too wide to be a workspace;"
                    + " start it with --workspace DIR or from the project's directory");
        }
        return Workspace.of(List.of(cwd), "the server's working directory");
    }

    /** The directory of a {@code file:} root URI, or null for any other scheme or a malformed URI. */
    static Path fileRoot(String uri) {
        try {
            URI u = URI.create(uri);
            return "file".equalsIgnoreCase(u.getScheme()) ? Path.of(u) : null;
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }
}
