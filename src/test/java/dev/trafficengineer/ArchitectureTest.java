package dev.trafficengineer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Holds the layers of DESIGN.md: dependencies point one way, and only the front ends touch processes. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.trafficengineer");

    @Test
    void layersPointOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("source").definedBy("dev.trafficengineer.source..", "dev.trafficengineer.kube..",
                        "dev.trafficengineer.metrics..")
                .layer("vocabulary").definedBy("dev.trafficengineer.manifest..", "dev.trafficengineer.promql..",
                        "dev.trafficengineer.finding..")
                .layer("pure").definedBy("dev.trafficengineer.schema..", "dev.trafficengineer.rules..",
                        "dev.trafficengineer.simulate..")
                .layer("review").definedBy("dev.trafficengineer.review..", "dev.trafficengineer.fix..")
                .layer("drafting").definedBy("dev.trafficengineer.draft..", "dev.trafficengineer.llm..",
                        "dev.trafficengineer.chat..")
                .layer("frontends").definedBy("dev.trafficengineer.cli..", "dev.trafficengineer.server..",
                        "dev.trafficengineer.mcp..")
                .whereLayer("frontends").mayNotBeAccessedByAnyLayer()
                .whereLayer("drafting").mayOnlyBeAccessedByLayers("frontends")
                .whereLayer("review").mayOnlyBeAccessedByLayers("drafting", "frontends")
                .whereLayer("pure").mayOnlyBeAccessedByLayers("review", "drafting", "frontends")
                .check(CLASSES);
    }

    /** Kubernetes value types (quantities, versions) sit under every layer, so they may lean on nothing but the JDK. */
    @Test
    void kubernetesValueTypesNeedOnlyTheJdk() {
        classes().that().resideInAPackage("dev.trafficengineer.kube..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.trafficengineer.kube..")
                .check(CLASSES);
    }

    @Test
    void onlyTheDraftingLayerImportsLangchain4j() {
        noClasses().that().resideOutsideOfPackages("dev.trafficengineer.draft..", "dev.trafficengineer.llm..",
                        "dev.trafficengineer.chat..")
                .should().dependOnClassesThat().resideInAPackage("dev.langchain4j..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void onlyFrontEndsExitOrTouchStandardStreams() {
        noClasses().that().resideOutsideOfPackages("dev.trafficengineer.cli..", "dev.trafficengineer.server..",
                        "dev.trafficengineer.mcp..")
                .should().callMethod(System.class, "exit", int.class)
                .orShould().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().accessField(System.class, "in")
                .check(CLASSES);
    }

    @Test
    void theCoreIsPure() {
        noClasses().that().resideInAnyPackage("dev.trafficengineer.schema..", "dev.trafficengineer.rules..",
                        "dev.trafficengineer.simulate..", "dev.trafficengineer.promql..", "dev.trafficengineer.kube..")
                .should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.nio.file..")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(java.time.Instant.class, "now")
                .check(CLASSES);
    }
}
