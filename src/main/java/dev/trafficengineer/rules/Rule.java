package dev.trafficengineer.rules;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.manifest.KubeObject;
import java.util.List;

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

    /** Whether {@link #check} has anything to say about this object; cheap, called for every object. */
    boolean appliesTo(KubeObject object);

    List<Finding> check(KubeObject object, RuleContext context);
}
