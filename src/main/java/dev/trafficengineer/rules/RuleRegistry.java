package dev.trafficengineer.rules;

import dev.trafficengineer.finding.RuleInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rule catalogue: the rules that check objects, and the documented ids of findings produced elsewhere (input,
 * schema, PromQL parsing). Sorted by id; an id may appear once.
 */
public final class RuleRegistry {

    private final List<Rule> rules;
    private final List<RuleInfo> catalogue;
    private final Map<String, RuleInfo> byId = new HashMap<>();

    public RuleRegistry(List<Rule> rules, List<RuleInfo> otherFindings) {
        List<RuleInfo> all = new ArrayList<>(otherFindings);
        rules.forEach(r -> {
            all.add(r.info());
            all.addAll(r.alsoReports());
        });
        for (RuleInfo info : all) {
            if (byId.putIfAbsent(info.id(), info) != null) {
                throw new IllegalStateException("duplicate rule id " + info.id());
            }
        }
        this.rules = rules.stream().sorted(Comparator.comparing(r -> r.info().id())).toList();
        this.catalogue = all.stream().sorted(Comparator.comparing(RuleInfo::id)).toList();
    }

    /** The rules that check objects, by id. */
    public List<Rule> rules() {
        return rules;
    }

    /** Every documented finding id, by id. */
    public List<RuleInfo> catalogue() {
        return catalogue;
    }

    public Optional<RuleInfo> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
