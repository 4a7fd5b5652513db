package dev.trafficengineer.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.review.report.RuleDocs;
import dev.trafficengineer.rules.BuiltinRules;
import dev.trafficengineer.rules.RuleRegistry;
import dev.trafficengineer.testing.Golden;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Meta-tests over the catalogue: the conventions every rule's documentation follows. */
class RuleCatalogTest {

    private final List<RuleInfo> catalogue = RuleCatalog.standard().catalogue();

    @Test
    void everyRuleIsDocumentedInTheHouseStyle() {
        for (RuleInfo r : catalogue) {
            assertThat(r.summary()).as(r.id()).doesNotEndWith(".").isNotBlank();
            assertThat(Character.isUpperCase(r.summary().charAt(0))).as(r.id() + " summary starts uppercase").isTrue();
            assertThat(r.rationale()).as(r.id()).endsWith(".");
            assertThat(r.remedy()).as(r.id()).endsWith(".");
            assertThat(r.source()).as(r.id()).isNotBlank();
        }
    }

    @Test
    void isSortedAndRejectsDuplicateIds() {
        assertThat(catalogue).extracting(RuleInfo::id).isSorted().doesNotHaveDuplicates();
        var rules = BuiltinRules.all();
        assertThatThrownBy(() -> new RuleRegistry(List.of(rules.get(0), rules.get(0)), List.of()))
                .hasMessageContaining("duplicate rule id");
    }

    @Test
    void builtinListIsKeptSorted() {
        assertThat(BuiltinRules.all()).extracting(r -> r.getClass().getSimpleName()).isSorted();
    }

    @Test
    void docsRulesMdIsCurrent() {
        Golden.assertMatches(Golden.root().resolve("docs/rules.md"), RuleDocs.markdown(catalogue));
    }
}
