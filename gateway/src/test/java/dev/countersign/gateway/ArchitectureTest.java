package dev.countersign.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The gateway is headless: it never touches JavaFX, and only its http package knows Javalin. */
class ArchitectureTest {
    private static final JavaClasses GATEWAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.countersign.gateway");

    @Test
    void theGatewayImportsNoJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..").check(GATEWAY);
    }

    @Test
    void onlyTheHttpPackageKnowsJavalinOrJetty() {
        noClasses().that().resideOutsideOfPackage("dev.countersign.gateway.http..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..")
                .check(GATEWAY);
    }
}
