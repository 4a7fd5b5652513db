package dev.trafficengineer.manifest;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.source.SourceText;
import java.util.List;

/** What one input yielded: its text (null when it could not be read as text), its objects and its problems. */
public record LoadedFile(String path, SourceText source, List<KubeObject> objects, List<Finding> problems) {

    public LoadedFile {
        objects = List.copyOf(objects);
        problems = List.copyOf(problems);
    }
}
