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
 * the user opened since is seen), or the server's working directory when the client has no roots capability.
 */
final class ClientRoots {

    private static final Logger LOG = LoggerFactory.getLogger(ClientRoots.class);

    private ClientRoots() {}

    static Workspace workspace(McpSyncServerExchange exchange, Path workingDirectory) {
        McpSchema.ClientCapabilities caps = exchange == null ? null : exchange.getClientCapabilities();
        if (caps == null || caps.roots() == null) {
            return Workspace.of(List.of(workingDirectory), "the server's working directory");
        }
        McpSchema.ListRootsResult listed;
        try {
            listed = exchange.listRoots();
        } catch (RuntimeException e) {
            // the client said it has roots but did not list them: keep to the documented default
            LOG.warn("roots/list failed ({}); using the working directory {}", e.toString(), workingDirectory);
            return Workspace.of(List.of(workingDirectory), "the server's working directory");
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
