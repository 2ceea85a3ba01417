package dev.countersign.app.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import dev.countersign.app.AppComposition;
import dev.countersign.app.common.Chips;
import dev.countersign.app.common.TimeTexts;
import dev.countersign.app.queue.QueueRow;
import dev.countersign.app.queue.QueueTexts;
import dev.countersign.app.support.ConsoleModels;
import dev.countersign.app.support.FakeDialogService.Answer;
import dev.countersign.app.support.TestGateway;
import dev.countersign.model.ActionType;
import dev.countersign.model.DependentWorkload;
import dev.countersign.model.RiskTier;
import dev.countersign.model.api.DecisionRights;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.api.ReviewerView;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javafx.application.Application;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.scene.shape.CubicCurve;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The four platform-fact panes against the real demo gateway: the graph and the workloads list share one selection,
 * the incident timeline marks recent incidents, and the policy pane says in plain words who may decide.
 */
class PanesUiTest {
    /** The console's today for these tests: incidents from 2026-08-22 on are recent. */
    static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    @TempDir
    static Path dir;
    static TestGateway gateway;
    static ConsoleModels models;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void start() throws Exception {
        gateway = TestGateway.start(dir);
        models = new ConsoleModels(gateway, dir.resolve("reviewer"), "panes.tester@northwind.example");
        models.dialogs.answer(Answer.type("correct horse battery staple"));
        models.connect();
    }

    @AfterAll
    static void stop() {
        models.stop();
        gateway.close();
    }

    @AfterEach
    void closeStages() throws Exception {
        robot.interact(() -> models.queue.selectedProperty().set(null));
        FxToolkit.cleanupStages();
    }

    /** The settlement key rotation: eight workloads at depths 1 and 2, incidents old and recent. */
    private static QueueRow rotation() {
        return models.queue.rows().stream().filter(r -> {
            ProposalView v = models.view(r);
            return v.proposal().actionType() == ActionType.ROTATE_CREDENTIAL
                    && v.proposal().riskTier() == RiskTier.CRITICAL && "prod".equals(v.proposal().environment());
        }).findFirst().orElseThrow();
    }

    private void showReview(QueueRow row) throws Exception {
        FxToolkit.registerPrimaryStage();
        TimeTexts time = new TimeTexts(models.messages, ZoneOffset.UTC);
        FxToolkit.setupStage(stage -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            ReviewView view = new ReviewView(models.review, models.decision, models.authority, models.messages,
                    new QueueTexts(models.messages, time), new Chips(models.messages), time, TODAY);
            Scene scene = new Scene(view, 1280, 800);
            scene.getStylesheets().add(AppComposition.class.getResource("app.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
        robot.interact(() -> models.queue.selectedProperty().set(row));
    }

    private Node node(String query) {
        return robot.lookup(query).query();
    }

    private static boolean selected(Node node) {
        return node.getPseudoClassStates().contains(SELECTED);
    }

    @Test
    void clickingAGraphNodeSelectsTheWorkloadInTheListAndBack() throws Exception {
        QueueRow row = rotation();
        ProposalView view = models.view(row);
        showReview(row);
        List<DependentWorkload> workloads = view.context().dependentWorkloads();
        assertEquals(workloads.size(), robot.lookup(".graph-node").queryAll().size() - 1, "one node each, and the target");
        DependentWorkload depthTwo = workloads.stream().filter(w -> w.depth() == 2 && !w.via().isEmpty())
                .findFirst().orElseThrow();

        robot.clickOn("#workloadNode-" + depthTwo.id());
        assertEquals(depthTwo.id(), models.review.selectedWorkloadProperty().get());
        assertTrue(selected(node("#workloadRow-" + depthTwo.id())), "the list selects the clicked node's workload");
        assertTrue(selected(node("#workloadNode-" + depthTwo.id())));
        assertTrue(robot.lookup(".graph-edge-active").queryAll().stream().allMatch(e -> e instanceof CubicCurve));
        assertEquals(depthTwo.via().size(), robot.lookup(".graph-edge-active").queryAll().size(),
                "the edges to what it depends on light up");

        DependentWorkload other = workloads.stream().filter(w -> w.depth() == 1).findFirst().orElseThrow();
        Node listRow = node("#workloadRow-" + other.id());
        robot.interact(listRow::requestFocus);
        robot.type(KeyCode.SPACE);
        assertEquals(other.id(), models.review.selectedWorkloadProperty().get());
        assertTrue(selected(node("#workloadNode-" + other.id())), "the graph highlights the list's selection");
        assertFalse(selected(node("#workloadNode-" + depthTwo.id())));
        assertFalse(selected(node("#workloadRow-" + depthTwo.id())));

        QueueRow another = models.queue.rows().stream().filter(r -> !r.id().equals(row.id())).findFirst().orElseThrow();
        robot.interact(() -> models.queue.selectedProperty().set(another));
        assertNull(models.review.selectedWorkloadProperty().get(), "another proposal starts with nothing selected");
    }

    @Test
    void theWorkloadsListBreaksFirstOnTopAndMarksMissingFailover() throws Exception {
        QueueRow row = rotation();
        showReview(row);
        VBox list = robot.lookup("#dependentWorkloads").queryAs(VBox.class);
        List<String> shown = list.getChildren().stream().map(Node::getId).toList();
        List<String> expected = models.view(row).context().dependentWorkloads().stream()
                .sorted(WorkloadOrder.BREAKS_FIRST).map(w -> "workloadRow-" + w.id()).toList();
        assertEquals(expected, shown);
        assertTrue(list.getChildren().stream().anyMatch(n -> n.getStyleClass().contains("workload-no-failover")));
    }

    @Test
    void theIncidentTimelineMarksRecentIncidents() throws Exception {
        QueueRow row = rotation();
        ProposalView view = models.view(row);
        showReview(row);
        VBox timeline = robot.lookup("#incidentTimeline").queryAs(VBox.class);
        assertEquals(view.context().incidents().size(), timeline.getChildren().size());
        List<IncidentTimeline.Entry> entries = IncidentTimeline.of(view.context().incidents(), TODAY);
        assertTrue(entries.stream().anyMatch(IncidentTimeline.Entry::recent), "the demo has a recent incident");
        assertTrue(entries.stream().anyMatch(e -> !e.recent()), "and an old one");
        for (IncidentTimeline.Entry entry : entries) {
            Node item = node("#incident-" + entry.incident().id());
            assertEquals(entry.recent(), item.getStyleClass().contains("timeline-recent"), entry.incident().id());
            assertEquals(entry.recent(), robot.lookup("#incidentRecent-" + entry.incident().id()).tryQuery()
                    .isPresent());
        }
        assertEquals("#incident-" + entries.get(0).incident().id(), "#" + timeline.getChildren().get(0).getId(),
                "newest first");
    }

    @Test
    void thePolicyPaneSaysWhetherThisReviewerMayDecide() throws Exception {
        QueueRow row = rotation();
        showReview(row);
        assertEquals("You may decide: as platform-security, you may decide critical-tier changes in prod (your "
                + "rights go up to critical).", robot.lookup("#policyAuthority").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#policyAuthority").queryAs(Label.class).getStyleClass().contains("tone-success"));

        // a second pane for a reviewer who holds another role
        SimpleObjectProperty<ReviewerView> oncall = new SimpleObjectProperty<>(new ReviewerView(
                "sam@northwind.example", "Sam", List.of("sre-oncall"), List.of(), DecisionRights.all(RiskTier.CRITICAL)));
        AuthorityViewModel authority = new AuthorityViewModel(models.messages, models.review.shownProperty(), oncall);
        FxToolkit.setupStage(stage -> {
            PolicyBasisPane pane = new PolicyBasisPane(models.review.shownProperty(), authority, models.messages,
                    new Chips(models.messages));
            pane.setId("otherPolicy");
            stage.setScene(new Scene(pane, 320, 500));
        });
        Label sentence = robot.lookup("#otherPolicy #policyAuthority").queryAs(Label.class);
        assertEquals("You may not decide: critical-tier changes in prod need the role platform-security; you hold "
                + "sre-oncall.", sentence.getText());
        assertTrue(sentence.getStyleClass().contains("tone-warning"));
    }

    @Test
    void everyRefusalNamesWhatIsNeededAndWhatIsHeld() {
        ProposalView view = models.view(rotation());
        AuthoritySentence sentence = new AuthoritySentence(models.messages);
        assertEquals("Your roles are not known yet, so whether you may decide is not known.",
                sentence.explain(null, view));
        assertEquals("You may not decide: critical-tier changes in prod need the role platform-security; you hold "
                + "no role.", sentence.explain(reviewer(List.of(), DecisionRights.all(RiskTier.CRITICAL)), view));
        assertEquals("You may not decide: you hold platform-security, but no decision rights.",
                sentence.explain(reviewer(List.of("platform-security"), null), view));
        assertEquals("You may not decide: this is a critical-tier change and your rights stop at high.",
                sentence.explain(reviewer(List.of("platform-security"), DecisionRights.all(RiskTier.HIGH)), view));
        assertEquals("You may not decide: your rights do not cover Rotate credential (they cover Revoke key).",
                sentence.explain(reviewer(List.of("platform-security"),
                        new DecisionRights(List.of(ActionType.REVOKE_KEY), null, RiskTier.CRITICAL)), view));
        assertEquals("You may not decide: your rights do not cover prod (they cover lab).",
                sentence.explain(reviewer(List.of("platform-security"),
                        new DecisionRights(null, List.of("lab"), RiskTier.CRITICAL)), view));
    }

    private static ReviewerView reviewer(List<String> roles, DecisionRights rights) {
        return new ReviewerView("x@northwind.example", "X", roles, List.of(), rights);
    }
}
