package dev.trafficengineer.review;

import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.manifest.InputRules;
import dev.trafficengineer.rules.BuiltinRules;
import dev.trafficengineer.rules.RuleRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry the tool runs with: the built-in rules plus the ids of findings made while loading and reviewing. The
 * {@code promql/*} ids come with the rule that reports them in a review (keda's PrometheusQuery).
 */
public final class RuleCatalog {

    private RuleCatalog() {}

    public static RuleRegistry standard() {
        List<RuleInfo> other = new ArrayList<>(InputRules.ALL);
        other.add(Reviewer.INTERNAL_ERROR);
        other.add(Suppressions.UNKNOWN_ID);
        return new RuleRegistry(BuiltinRules.all(), other);
    }
}
