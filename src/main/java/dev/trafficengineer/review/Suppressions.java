package dev.trafficengineer.review;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.RuleRegistry;
import dev.trafficengineer.source.JsonPointer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The annotation {@code traffic-engineer.dev/ignore: "rule-a,rule-b"} (or {@code all}, or {@code hpa/*}) on an
 * object silences those findings on that object. An id that names no rule is reported, since a misspelt
 * suppression silently suppresses nothing.
 */
public final class Suppressions {

    public static final String ANNOTATION = "traffic-engineer.dev/ignore";

    static final JsonPointer POINTER = JsonPointer.of("metadata", "annotations", ANNOTATION);

    public static final RuleInfo UNKNOWN_ID = RuleInfo.builder("review/unknown-ignore", Severity.WARNING)
            .summary("The ignore annotation names a rule that does not exist")
            .rationale("A misspelt rule id in `" + ANNOTATION + "` suppresses nothing, while the author believes"
                    + " the finding is handled.")
            .example("""
                    metadata:
                      annotations:
                        traffic-engineer.dev/ignore: "hpa/min-replica-one"   # the rule is hpa/min-replicas-one""")
            .remedy("Use the ids that `traffic-engineer rules` lists, `area/*` for a whole area, or `all`.")
            .source("This tool's suppression contract (DESIGN.md, Findings).")
            .build();

    private Suppressions() {}

    /** The ids (or {@code all}, or {@code area/*}) an object suppresses. */
    static Set<String> of(KubeObject o) {
        String v = o.annotations().get(ANNOTATION);
        Set<String> out = new LinkedHashSet<>();
        if (v != null) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    static boolean suppressed(Set<String> ignored, String ruleId) {
        if (ignored.isEmpty()) {
            return false;
        }
        return ignored.contains("all") || ignored.contains(ruleId)
                || ignored.contains(ruleId.substring(0, ruleId.indexOf('/')) + "/*");
    }

    /** Findings for ids in the annotation that match no rule and no area. */
    static List<Finding> unknown(KubeObject o, Set<String> ignored, RuleRegistry registry) {
        List<Finding> out = new ArrayList<>();
        for (String id : ignored) {
            boolean known = id.equals("all") || registry.find(id).isPresent()
                    || id.endsWith("/*") && registry.catalogue().stream()
                            .anyMatch(r -> r.area().equals(id.substring(0, id.length() - 2)));
            if (!known) {
                out.add(o.finding(UNKNOWN_ID, POINTER,
                        "`" + id + "` in " + ANNOTATION + " is not a rule id; use an id that `traffic-engineer"
                                + " rules` lists, `area/*`, or `all`."));
            }
        }
        return out;
    }
}
