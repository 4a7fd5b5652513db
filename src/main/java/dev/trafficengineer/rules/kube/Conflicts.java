package dev.trafficengineer.rules.kube;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;

/**
 * How sure a conflict between two objects is. Objects of one file are applied together, so a conflict between them
 * is certain; objects of different files (alternative variants of one example, modules of a workshop) may never
 * meet in one cluster, so a conflict between them is reported as a warning that names the other file.
 */
public final class Conflicts {

    private Conflicts() {}

    public static Finding scoped(Finding f, KubeObject self, KubeObject other) {
        if (self.file().equals(other.file()) || !f.severity().atLeast(Severity.WARNING)) {
            return f;
        }
        String path = other.file();
        String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
        String body = f.message().endsWith(".") ? f.message().substring(0, f.message().length() - 1) : f.message();
        String message = body + " (this holds when `" + name + "` is applied together with this file).";
        return new Finding(f.ruleId(), Severity.WARNING, message, f.file(), f.range(), f.pointer(), f.object(),
                f.fix());
    }
}
