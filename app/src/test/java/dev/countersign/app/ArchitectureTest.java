package dev.countersign.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.countersign.app.common.FxTaskRunner;
import javafx.application.Platform;

/** The layering rules of docs STYLE.md, kept true by the build. */
@AnalyzeClasses(packages = "dev.countersign.app", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Classes that build or show nodes: JavaFX nodes themselves, and the *View / *Dialog / *Window builders. */
    private static final DescribedPredicate<JavaClass> VIEW_LAYER = DescribedPredicate.describe("the view layer",
            c -> c.getPackageName().startsWith("dev.countersign.app") && (c.isAssignableTo(javafx.scene.Node.class)
                    || c.getSimpleName().endsWith("View") || c.getSimpleName().endsWith("Dialog")
                    || c.getSimpleName().endsWith("Window") || c.getSimpleName().endsWith("DialogService")));

    @ArchTest
    static final ArchRule viewModelsDoNotTouchTheSceneGraph = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
            .because("view models are tested without a window; only views build and touch nodes");

    @ArchTest
    static final ArchRule viewModelsDoNotKnowTheirViews = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat(VIEW_LAYER);

    @ArchTest
    static final ArchRule onlyTheFxTaskRunnerHandsWorkToTheUiThread = noClasses()
            .that().areNotAssignableTo(FxTaskRunner.class).and(DescribedPredicate.not(VIEW_LAYER))
            .should().callMethod(Platform.class, "runLater", Runnable.class)
            .because("background work goes through the TaskRunner, whose FX implementation is the only bridge");

    @ArchTest
    static final ArchRule networkSettingsAndIdentityLogicStayOffTheUi = noClasses()
            .that().resideInAnyPackage("..app.sync..", "..app.settings..", "..app.keys..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..");

    @ArchTest
    static final ArchRule noStaticMutableState = fields()
            .that().areStatic().and().areDeclaredInClassesThat().resideInAPackage("dev.countersign.app..")
            .should().beFinal()
            .because("one composition root builds the object graph; no static singletons");

    @ArchTest
    static final ArchRule oneCompositionRootMakesTheTaskRunner = noClasses()
            .that().doNotHaveSimpleName("AppComposition")
            .and().doNotHaveSimpleName("AuditorComposition") // the root of auditor mode (only a bundle's window)
            .should().callConstructor(FxTaskRunner.class);

    @ArchTest
    static final ArchRule onlyTheEmbeddedConnectorReachesIntoTheGateway = noClasses()
            .that().doNotHaveSimpleName("EmbeddedGatewayConnector")
            .and().doNotHaveSimpleName("InspectedCacheFile")
            .should().dependOnClassesThat().resideInAPackage("dev.countersign.gateway..")
            .because("the console talks to every gateway over HTTP; the embedded one is only started in-process,"
                    + " and the cache borrows the gateway store's H2 file inspector");
}
