package dev.trafficengineer.review;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.manifest.LoadedFile;
import dev.trafficengineer.manifest.ObjectIndex;
import dev.trafficengineer.rules.ReviewOptions;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import dev.trafficengineer.rules.RuleRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The review every manifest goes through, from the batch reviewer and from drafting alike: the problems found while
 * loading, then every rule over every object, then suppressions and the config's severities, in report order.
 */
public final class Reviewer {

    public static final RuleInfo INTERNAL_ERROR = RuleInfo.builder("review/internal-error", Severity.ERROR)
            .summary("A rule failed while checking an object")
            .rationale("A rule that throws is a bug in traffic-engineer. The other rules still run, and the failure"
                    + " is reported on the object instead of ending the review.")
            .example("(any object that triggers the bug)")
            .remedy("Report it with the object that triggers it; check the object by hand meanwhile.")
            .source("This tool's review engine.")
            .build();

    private final RuleRegistry registry;
    private final ReviewOptions options;
    private final Config config;
    private final Supersession supersession;

    public Reviewer(RuleRegistry registry, ReviewOptions options, Config config) {
        this.registry = registry;
        this.options = options;
        this.config = config;
        this.supersession = Supersession.of(registry.rules());
    }

    public RuleRegistry registry() {
        return registry;
    }

    public ReviewOptions options() {
        return options;
    }

    public Review review(List<LoadedFile> files) {
        List<KubeObject> objects = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (LoadedFile f : files) {
            objects.addAll(f.objects());
            findings.addAll(f.problems());
        }
        RuleContext ctx = new RuleContext(new ObjectIndex(objects), options);
        List<Rule> rules = registry.rules().stream().filter(r -> !disablesAll(r)).toList();
        // objects are independent given the index, and rules are pure: spread them over the cores
        objects.parallelStream()
                .map(o -> check(o, rules, ctx))
                .sequential()
                .forEachOrdered(findings::addAll);
        List<Finding> out = new ArrayList<>(new LinkedHashSet<>(findings).size());
        for (Finding f : new LinkedHashSet<>(findings)) {
            if (config.disables(f.ruleId())) {
                continue;
            }
            Optional<Severity> s = config.severityOf(f.ruleId());
            out.add(s.isPresent() ? f.withSeverity(s.get()) : f);
        }
        out.sort(Finding.ORDER);
        return new Review(files, out, Summary.of(files.size(), objects.size(), out));
    }

    /** A rule is skipped when the config disables every id it reports; otherwise its disabled ids are dropped. */
    private boolean disablesAll(Rule r) {
        return config.disables(r.info().id()) && r.alsoReports().stream().allMatch(i -> config.disables(i.id()));
    }

    /** A rule that throws is a bug of ours: say so on the object and go on with the other rules. */
    private static List<Finding> run(Rule r, KubeObject o, RuleContext ctx) {
        try {
            return r.check(o, ctx);
        } catch (RuntimeException | StackOverflowError e) {
            return List.of(o.finding(INTERNAL_ERROR, dev.trafficengineer.source.JsonPointer.ROOT, true,
                    "The rule " + r.info().id() + " failed on this object (" + e.getClass().getSimpleName()
                            + "); please report it, and check this object by hand meanwhile.", null));
        }
    }

    private List<Finding> check(KubeObject o, List<Rule> rules, RuleContext ctx) {
        Set<String> ignored = Suppressions.of(o);
        List<Finding> out = new ArrayList<>(Suppressions.unknown(o, ignored, registry));
        for (Rule r : rules) {
            if (!r.appliesTo(o)) {
                continue;
            }
            for (Finding f : run(r, o, ctx)) {
                if (!Suppressions.suppressed(ignored, f.ruleId()) && !config.disables(f.ruleId())) {
                    out.add(f);
                }
            }
        }
        // after suppression: a generic finding gives way only to a specific one that is actually reported
        return supersession.apply(out);
    }
}
