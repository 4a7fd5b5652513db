package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.Edit;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.manifest.Located;
import dev.trafficengineer.source.JsonPointer;

/** Text edits the KEDA rules need beyond {@link dev.trafficengineer.manifest.Edits}. */
final class KedaEdits {

    private KedaEdits() {}

    /**
     * Inserts {@code key: value} as a new line just above an existing key of the same block mapping, at its
     * indentation. Null when that key does not start its own line (flow style, or the first key after "- ").
     */
    static Edit insertBefore(KubeObject o, JsonPointer sibling, String entry) {
        Located l = o.locate(sibling);
        if (!l.exact() || l.key() == null) {
            return null;
        }
        String line = o.source().line(l.key().line());
        String before = line.substring(0, line.offsetByCodePoints(0, l.key().column() - 1));
        if (!before.isBlank()) {
            return null;
        }
        return Edit.insert(l.key().line(), 1, before + entry + "\n");
    }
}
