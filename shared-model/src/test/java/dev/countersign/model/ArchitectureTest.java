package dev.countersign.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The pure core: shared-model knows JSON and the JDK's crypto, nothing of UIs, HTTP or databases. */
@AnalyzeClasses(packages = "dev.countersign.model", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule noUi = noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..", "javax.swing..");

    @ArchTest
    static final ArchRule noHttp = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("okhttp3..", "io.javalin..", "org.eclipse.jetty..", "java.net.http..");

    @ArchTest
    static final ArchRule noDatabase = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "javax.sql..", "org.h2..", "org.flywaydb..");

    @ArchTest
    static final ArchRule noOtherProjectModules = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("dev.countersign.gateway..", "dev.countersign.app..");
}
