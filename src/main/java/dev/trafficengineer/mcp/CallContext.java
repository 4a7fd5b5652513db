package dev.trafficengineer.mcp;

import dev.trafficengineer.manifest.LoadedFile;
import dev.trafficengineer.manifest.SecretValues;
import java.util.List;
import java.util.function.Supplier;

/**
 * What one tool call may use beyond its arguments: the workspace (asked of the client only when a tool reads paths)
 * and a record of the secret values in what it read, which the server scrubs from the answer, errors included.
 */
final class CallContext {

    private final Supplier<Workspace> workspace;
    private Workspace resolved;
    private SecretValues secrets = SecretValues.NONE;

    CallContext(Supplier<Workspace> workspace) {
        this.workspace = workspace;
    }

    Workspace workspace() {
        if (resolved == null) {
            resolved = workspace.get();
        }
        return resolved;
    }

    /** Notes the secret values in files the tool read, so that none of them reaches the answer. */
    void read(List<LoadedFile> files) {
        secrets = secrets.and(SecretValues.of(files));
    }

    SecretValues secrets() {
        return secrets;
    }
}
