package dev.trafficengineer.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.source.JsonPointer;
import dev.trafficengineer.source.SourceText;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two drafts, value by value ("HorizontalPodAutoscaler/checkout: spec.maxReplicas 19 → 20"),
 * so that after the first draft a change shows in a few lines instead of the whole manifests again. Comments are
 * not compared: they follow the values.
 */
final class DraftChanges {

    /** Beyond this many lines the list ends with "… and N more". */
    static final int MAX_LINES = 12;

    private DraftChanges() {}

    static List<String> between(ManifestLoader loader, String before, String after) {
        Map<String, JsonNode> a = objects(loader, before);
        Map<String, JsonNode> b = objects(loader, after);
        List<String> lines = new ArrayList<>();
        for (String id : a.keySet()) {
            if (!b.containsKey(id)) {
                lines.add("removed " + id);
            }
        }
        for (Map.Entry<String, JsonNode> e : b.entrySet()) {
            JsonNode old = a.get(e.getKey());
            if (old == null) {
                lines.add("added " + e.getKey());
                continue;
            }
            List<String> diffs = new ArrayList<>();
            diff(old, e.getValue(), JsonPointer.ROOT, diffs);
            for (String d : diffs) {
                lines.add(e.getKey() + ": " + d);
            }
        }
        if (lines.size() > MAX_LINES) {
            int more = lines.size() - MAX_LINES + 1;
            lines = new ArrayList<>(lines.subList(0, MAX_LINES - 1));
            lines.add("… and " + more + " more (/show prints the manifests)");
        }
        return lines;
    }

    private static Map<String, JsonNode> objects(ManifestLoader loader, String yaml) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (yaml == null) {
            return out;
        }
        for (KubeObject o : loader.load(new SourceText("draft.yaml", yaml), false).objects()) {
            out.put(o.kind() + "/" + o.name(), o.tree());
        }
        return out;
    }

    private static void diff(JsonNode a, JsonNode b, JsonPointer at, List<String> out) {
        if (a.isObject() && b.isObject()) {
            for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!b.has(k)) {
                    out.add(at.child(k).fieldPath() + " removed (was " + shown(a.get(k)) + ")");
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode old = a.get(e.getKey());
                if (old == null) {
                    out.add(at.child(e.getKey()).fieldPath() + " " + shown(e.getValue()) + " (new)");
                } else {
                    diff(old, e.getValue(), at.child(e.getKey()), out);
                }
            }
        } else if (a.isArray() && b.isArray()) {
            int common = Math.min(a.size(), b.size());
            for (int i = 0; i < common; i++) {
                diff(a.get(i), b.get(i), at.child(i), out);
            }
            for (int i = common; i < a.size(); i++) {
                out.add(at.child(i).fieldPath() + " removed (was " + shown(a.get(i)) + ")");
            }
            for (int i = common; i < b.size(); i++) {
                out.add(at.child(i).fieldPath() + " " + shown(b.get(i)) + " (new)");
            }
        } else if (!a.equals(b)) {
            out.add(at.fieldPath() + " " + shown(a) + " → " + shown(b));
        }
    }

    private static String shown(JsonNode n) {
        String s = n.isTextual() ? n.asText() : n.toString();
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
