package dev.trafficengineer.rules;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.manifest.KubeObject;
import java.util.List;
import java.util.Set;

/**
 * One check. A rule looks at one object at a time, and at the others through {@link RuleContext#index()}; it
 * returns findings and never changes its input. Rules are pure: no I/O, no clock.
 */
public interface Rule {

    RuleInfo info();

    /** Further finding ids this rule reports besides {@link #info()}, documented in the catalogue too. */
    default List<RuleInfo> alsoReports() {
        return List.of();
    }

    /**
     * Ids of generic findings that this rule's findings replace when both are on the same object and pointer: the
     * rule reports the same mistake more precisely (the upstream error text, a fix), so the reviewer reports it once.
     * The generic finding stays when this rule's finding is suppressed or disabled, so silencing one rule never hides
     * a rejection that another rule sees.
     */
    default Set<String> supersedes() {
        return Set.of();
    }

    /** Whether {@link #check} has anything to say about this object; cheap, called for every object. */
    boolean appliesTo(KubeObject object);

    List<Finding> check(KubeObject object, RuleContext context);
}
