package dev.trafficengineer.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.Fix;
import dev.trafficengineer.finding.FixAvailability;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.Edits;
import dev.trafficengineer.manifest.InputRules;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.review.Config;
import dev.trafficengineer.review.Reviewer;
import dev.trafficengineer.rules.ReviewOptions;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import dev.trafficengineer.rules.RuleRegistry;
import dev.trafficengineer.source.JsonPointer;
import dev.trafficengineer.source.SourceText;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixerTest {

    /** A rule with a careless fix: it replaces `mode` with whatever text it is given. */
    private record Replacing(String replacement) implements Rule {
        static final RuleInfo INFO = RuleInfo.builder("test/mode", Severity.WARNING).summary("Test rule")
                .rationale("Test.").example("mode: x").remedy("Test.").source("Test.").fix(FixAvailability.SAFE)
                .build();

        @Override
        public RuleInfo info() {
            return INFO;
        }

        @Override
        public boolean appliesTo(KubeObject o) {
            return o.tree().at("/data/mode").asText().equals("x");
        }

        @Override
        public List<Finding> check(KubeObject o, RuleContext ctx) {
            JsonPointer p = JsonPointer.parse("/data/mode");
            return List.of(o.finding(INFO, p, false, "Mode x.",
                    Fix.safe("replace", Edits.replaceValue(o, p, replacement))));
        }
    }

    private static Fixer.FileResult fix(String replacement) {
        RuleRegistry registry = new RuleRegistry(List.of(new Replacing(replacement)), InputRules.ALL);
        ManifestLoader loader = new ManifestLoader("default");
        var file = loader.load(new SourceText("c.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n"
                + "data:\n  mode: x\n"), false);
        return new Fixer(new Reviewer(registry, ReviewOptions.DEFAULT, Config.EMPTY), loader)
                .fix(List.of(file), false).files().get(0);
    }

    @Test
    void appliesAGoodFix() {
        Fixer.FileResult r = fix("y");
        assertThat(r.refused()).isNull();
        assertThat(r.changed()).isTrue();
        assertThat(r.fixed()).endsWith("  mode: y\n");
    }

    @Test
    void refusesAFixThatBreaksTheFile() {
        Fixer.FileResult r = fix("[unclosed");
        assertThat(r.changed()).isFalse();
        assertThat(r.applied()).isEmpty();
        assertThat(r.refused()).contains("new error").contains("input/yaml-syntax");
    }
}
