package dev.trafficengineer.review;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.source.JsonPointer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drops a generic finding when a more specific rule reports the same mistake at the same place
 * ({@link Rule#supersedes()}). A declared relation rather than "any two findings at one pointer": other rules report
 * different things at the same field (`keda/paused` notes the annotation whose non-string value `schema/invalid`
 * rejects), and neither may hide the other.
 */
final class Supersession {

    /** Finding id to the ids its findings replace. */
    private final Map<String, Set<String>> replaces;

    private Supersession(Map<String, Set<String>> replaces) {
        this.replaces = replaces;
    }

    static Supersession of(List<Rule> rules) {
        Map<String, Set<String>> replaces = new HashMap<>();
        for (Rule r : rules) {
            if (r.supersedes().isEmpty()) {
                continue;
            }
            List<RuleInfo> ids = new ArrayList<>(r.alsoReports());
            ids.add(r.info());
            ids.forEach(i -> replaces.put(i.id(), Set.copyOf(r.supersedes())));
        }
        return new Supersession(Map.copyOf(replaces));
    }

    /** The findings of one object without those a more specific finding at the same pointer replaces. */
    List<Finding> apply(List<Finding> findingsOfOneObject) {
        Set<Place> covered = new HashSet<>();
        for (Finding f : findingsOfOneObject) {
            for (String id : replaces.getOrDefault(f.ruleId(), Set.of())) {
                covered.add(new Place(id, f.pointer()));
            }
        }
        if (covered.isEmpty()) {
            return findingsOfOneObject;
        }
        return findingsOfOneObject.stream().filter(f -> !covered.contains(new Place(f.ruleId(), f.pointer())))
                .toList();
    }

    private record Place(String ruleId, JsonPointer pointer) {}
}
