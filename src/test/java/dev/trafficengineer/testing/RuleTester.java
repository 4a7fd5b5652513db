package dev.trafficengineer.testing;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.manifest.LoadedFile;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.manifest.ObjectIndex;
import dev.trafficengineer.review.Config;
import dev.trafficengineer.review.Review;
import dev.trafficengineer.review.Reviewer;
import dev.trafficengineer.review.RuleCatalog;
import dev.trafficengineer.rules.ReviewOptions;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import dev.trafficengineer.source.SourceText;
import java.util.ArrayList;
import java.util.List;

/** Runs rules over YAML written in a test, the way the reviewer does. */
public final class RuleTester {

    private RuleTester() {}

    public static LoadedFile load(String yaml) {
        return new ManifestLoader("default").load(new SourceText("test.yaml", yaml), false);
    }

    /** The findings of one rule over every object of the YAML, in report order. */
    public static List<Finding> check(Rule rule, String yaml) {
        return check(rule, yaml, ReviewOptions.DEFAULT);
    }

    public static List<Finding> check(Rule rule, String yaml, ReviewOptions options) {
        LoadedFile f = load(yaml);
        if (!f.problems().isEmpty()) {
            throw new IllegalArgumentException("test YAML does not load: " + f.problems());
        }
        RuleContext ctx = new RuleContext(new ObjectIndex(f.objects()), options);
        List<Finding> out = new ArrayList<>();
        for (KubeObject o : f.objects()) {
            if (rule.appliesTo(o)) {
                out.addAll(rule.check(o, ctx));
            }
        }
        out.sort(Finding.ORDER);
        return out;
    }

    /** The whole review (every rule, suppressions) over the YAML. */
    public static Review review(String yaml) {
        return review(yaml, ReviewOptions.DEFAULT);
    }

    public static Review review(String yaml, ReviewOptions options) {
        return new Reviewer(RuleCatalog.standard(), options, Config.EMPTY).review(List.of(load(yaml)));
    }
}
