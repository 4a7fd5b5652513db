package dev.trafficengineer.rules.keda;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.rules.BuiltinRules;
import dev.trafficengineer.rules.Rule;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every KEDA and VPA rule class is registered, and every id says which gate it fails at. */
class KedaVpaRegistrationTest {

    @Test
    void everyRuleClassIsInBuiltinRules() {
        Set<String> rules = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.trafficengineer.rules.keda", "dev.trafficengineer.rules.vpa").stream()
                .filter(c -> c.isAssignableTo(Rule.class) && !c.isInterface()
                        && !c.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT))
                .map(JavaClass::getName).collect(Collectors.toSet());
        Set<String> registered = BuiltinRules.all().stream().map(r -> r.getClass().getName())
                .collect(Collectors.toSet());
        assertThat(registered).containsAll(rules);
        assertThat(rules).hasSizeGreaterThan(50);
    }

    @Test
    void errorIdsNameTheirGate() {
        // admission-*: the API server or a webhook rejects it; runtime-*: KEDA or the VPA fails once it runs;
        // anything else is a security error (credentials) or a warning or advice
        for (Rule r : BuiltinRules.all()) {
            List<RuleInfo> infos = new java.util.ArrayList<>(r.alsoReports());
            infos.add(r.info());
            for (RuleInfo i : infos) {
                if (!i.area().equals("keda") && !i.area().equals("vpa")) {
                    continue;
                }
                String name = i.id().substring(i.id().indexOf('/') + 1);
                boolean gated = name.startsWith("admission-") || name.startsWith("runtime-");
                switch (i.severity()) {
                    case ERROR -> assertThat(gated || name.startsWith("credentials-") || name.startsWith("conflicts-"))
                            .as(i.id()).isTrue();
                    default -> assertThat(gated).as(i.id() + " is not an error, so it names no failing gate").isFalse();
                }
            }
        }
    }
}
