package dev.countersign.app.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.AppComposition;
import dev.countersign.app.keys.SoftwareKeyFile;
import dev.countersign.app.settings.ReviewerSettings;
import dev.countersign.app.settings.SavedFilterStore;
import dev.countersign.app.settings.SettingsStore;
import dev.countersign.app.support.ConsoleDriver;
import dev.countersign.app.support.Observer;
import dev.countersign.app.sync.GatewayClient;
import dev.countersign.model.ActionType;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.RiskTier;
import dev.countersign.model.api.ProposalView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Working the queue in the real console window against its real embedded gateway, as a reviewer does. */
class QueueWorkUiTest {
    static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    Path dataDir;
    ConsoleDriver console;
    FxRobot robot;

    @BeforeEach
    void anExistingKey() throws Exception {
        new SoftwareKeyFile(dataDir.resolve(AppComposition.KEY_FILE)).create(PASSPHRASE.toCharArray());
        new SettingsStore(dataDir.resolve(AppComposition.SETTINGS_FILE)).save(
                new ReviewerSettings("queue@northwind.example", "Queue Reviewer", AppComposition.DEMO_ROLES));
    }

    @AfterEach
    void stop() throws Exception {
        if (console != null) {
            console.stop();
        }
    }

    @Test
    void eachFilterNarrowsTheTableWithItsCountsAndCombinesWithSearch() throws Exception {
        start();
        QueueViewModel queue = queue();
        int all = queue.rows().size();
        int critical = count(r -> r.summary().riskTier() == RiskTier.CRITICAL);
        assertTrue(countText().endsWith(" in all"), countText());

        robot.clickOn("#filterTier");
        pick("Critical (" + critical + ")");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shown().stream().allMatch(r -> r.summary().riskTier() == RiskTier.CRITICAL));
        assertEquals(critical, shown().size());
        assertEquals(critical + " shown of " + all + " · " + queue.openCountProperty().get() + " open", countText());
        assertEquals("Tier · 1", robot.lookup("#filterTier").queryLabeled().getText());

        robot.clickOn("#filterTier");
        pick("High (" + count(r -> r.summary().riskTier() == RiskTier.HIGH) + ")");
        WaitForAsyncUtils.waitForFxEvents();
        int criticalOrHigh = count(r -> r.summary().riskTier().compareTo(RiskTier.HIGH) >= 0);
        assertEquals(criticalOrHigh, shown().size());

        robot.clickOn("#filterEnvironment");
        pick("prod");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(count(r -> r.summary().riskTier().compareTo(RiskTier.HIGH) >= 0
                && r.summary().environment().equals("prod")), shown().size());
        assertTrue(shown().size() > 0);

        robot.clickOn("#queueSearch").write("rotate");
        WaitForAsyncUtils.waitForFxEvents();
        List<QueueRow> rotations = shown();
        assertFalse(rotations.isEmpty());
        assertTrue(rotations.stream().allMatch(r -> r.summary().actionType() == ActionType.ROTATE_CREDENTIAL
                && r.summary().environment().equals("prod") && r.summary().riskTier().compareTo(RiskTier.HIGH) >= 0),
                "search words and filter choices together");
        assertTrue(countText().startsWith(rotations.size() + " shown of " + all), countText());
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", robot.lookup("#queueSearch").queryTextInputControl().getText(), "Escape clears the search");

        robot.clickOn("#clearFilters");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(all, shown().size());
        assertTrue(countText().endsWith(" in all"), countText());

        robot.clickOn("#filterAction");
        pick("Revoke key");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(count(r -> r.summary().actionType() == ActionType.REVOKE_KEY), shown().size());
        robot.clickOn("#clearFilters");

        String agent = queue.rows().get(0).summary().agentId();
        robot.clickOn("#filterAgent");
        pick(agent); // the menu names the agent by its whole id
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(count(r -> r.summary().agentId().equals(agent)), shown().size());
        robot.clickOn("#clearFilters");

        robot.clickOn("#filterOpenOnly"); // hide decided and expired
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(queue.openCountProperty().get(), shown().size());
        assertTrue(queue.openCountProperty().get() < all, "the demo approves one by policy");
        robot.clickOn("#filterOpenOnly");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(all, shown().size());
    }

    @Test
    void expiringSoonStandsOutFiltersAndEveryColumnSorts() throws Exception {
        start();
        QueueViewModel queue = queue();
        QueueRow medium = queue.rows().stream().filter(r -> r.summary().riskTier() == RiskTier.MEDIUM)
                .findFirst().orElseThrow();
        String soon = Proposals.submitLike(console.gatewayUri(), console.view(medium), 20);
        ConsoleDriver.await(Duration.ofSeconds(20), () -> queue.row(soon).isPresent());
        QueueRow soonRow = queue.row(soon).orElseThrow();
        assertTrue(soonRow.expiringSoonProperty().get());

        robot.clickOn("#filterExpiringSoon");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shown().contains(soonRow));
        assertTrue(shown().stream().allMatch(r -> r.expiringSoonProperty().get()));
        TableRow<?> row = tableRow(soonRow);
        assertTrue(row.getPseudoClassStates().contains(PseudoClass.getPseudoClass("expiring")),
                "a row expiring within the hour stands out");
        robot.clickOn("#filterExpiringSoon");
        WaitForAsyncUtils.waitForFxEvents();

        TableView<QueueRow> table = robot.lookup("#queueTable").queryTableView();
        List<QueueRow> queueOrder = List.copyOf(table.getItems());
        assertEquals(List.copyOf(queue.rows()), queueOrder, "the queue's own order until a column is sorted");
        clickHeader("Tier");
        assertSorted(table, QueueSort.tier());
        clickHeader("Tier");
        assertSorted(table, QueueSort.tier().reversed()); // second click: descending
        clickHeader("Action · target");
        assertSorted(table, QueueSort.proposal(queue.texts()));
        clickHeader("Agent");
        assertSorted(table, QueueSort.agent(queue.texts()));
        clickHeader("Status");
        assertSorted(table, QueueSort.statusExpiry());
        clickHeader("Status");
        clickHeader("Status"); // third click: back to the queue's order
        assertEquals(List.copyOf(queue.visibleRows()), List.copyOf(table.getItems()));
    }

    @Test
    void aSavedFilterIsPickedAgainAfterARestart() throws Exception {
        start();
        int critical = count(r -> r.summary().riskTier() == RiskTier.CRITICAL);
        robot.clickOn("#filterTier");
        pick("Critical (" + critical + ")");
        robot.clickOn("#savedFilters");
        pick("Save current filter…");
        robot.clickOn("#saveFilterName").write("Critical only");
        robot.push(KeyCode.ENTER);
        ConsoleDriver.await(Duration.ofSeconds(10), () -> Files.exists(dataDir.resolve(SavedFilterStore.FILE)));
        assertTrue(Files.readString(dataDir.resolve(SavedFilterStore.FILE)).contains("\"Critical only\""));
        console.stop();

        start();
        assertEquals(queue().rows().size(), shown().size(), "a restart opens the whole queue");
        robot.clickOn("#savedFilters");
        pick("Critical only");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(critical, shown().size());
        assertTrue(shown().stream().allMatch(r -> r.summary().riskTier() == RiskTier.CRITICAL));

        robot.clickOn("#savedFilters");
        pick("Delete");
        robot.clickOn("#deleteFilter-0");
        ConsoleDriver.await(Duration.ofSeconds(10), () -> queue().queueFilterProperty().get() != null
                && !Files.readString(dataDir.resolve(SavedFilterStore.FILE)).contains("Critical only"));
    }

    @Test
    void aMalformedFiltersFileIsSaidKeptAsideAndTheConsoleStarts() throws Exception {
        Files.writeString(dataDir.resolve(SavedFilterStore.FILE), "{\"version\":1,\"filters\":[{\"name\":");
        start();
        Label problem = console.awaitNode("#savedFiltersProblem", Duration.ofSeconds(10));
        assertTrue(problem.getText().startsWith("The saved filters file filters.json could not be read"),
                problem.getText());
        try (var files = Files.list(dataDir)) {
            Path aside = files.filter(f -> f.getFileName().toString().startsWith("filters.json.unreadable-"))
                    .findFirst().orElseThrow();
            assertEquals("{\"version\":1,\"filters\":[{\"name\":", Files.readString(aside), "kept as it was");
        }
        assertTrue(queue().rows().size() >= 14, "the queue works");
        robot.clickOn("#dismissFiltersProblem");
        ConsoleDriver.await(Duration.ofSeconds(5), () -> !visible("#savedFiltersProblem"));
    }

    @Test
    void keysMoveThroughTheQueueAndNoSingleKeyApproves() throws Exception {
        start();
        QueueViewModel queue = queue();
        TableView<QueueRow> table = robot.lookup("#queueTable").queryTableView();

        robot.clickOn("#queueCount");
        robot.press(KeyCode.SHORTCUT, KeyCode.F).release(KeyCode.F, KeyCode.SHORTCUT);
        assertTrue(robot.lookup("#queueSearch").query().isFocused(), "Shortcut+F goes to the search");
        robot.push(KeyCode.DOWN);
        assertTrue(table.isFocused(), "Down from the search goes to the rows");
        assertSame(table.getItems().get(0), queue.selectedProperty().get());
        robot.push(KeyCode.DOWN);
        assertSame(table.getItems().get(1), queue.selectedProperty().get());
        robot.push(KeyCode.END);
        assertSame(table.getItems().get(table.getItems().size() - 1), queue.selectedProperty().get());
        robot.push(KeyCode.HOME);
        assertSame(table.getItems().get(0), queue.selectedProperty().get());
        robot.push(KeyCode.PAGE_DOWN);
        assertTrue(table.getSelectionModel().getSelectedIndex() > 1, "Page Down moves a page");

        QueueRow pending = table.getItems().stream().filter(r -> r.summary().status() == ProposalStatus.PENDING
                && r.summary().riskTier() == RiskTier.LOW).findFirst().orElseThrow();
        console.select(pending);
        robot.push(KeyCode.ENTER);
        assertSame(pending, queue.selectedProperty().get());
        Node focused = console.stage().getScene().getFocusOwner();
        assertNotNull(focused);
        assertTrue(isInside(focused, console.stage().getScene().lookup("#review")), "Enter goes to the review: "
                + focused);

        List<KeyCode[]> keys = List.of(new KeyCode[] {KeyCode.ENTER}, new KeyCode[] {KeyCode.SPACE},
                new KeyCode[] {KeyCode.A}, new KeyCode[] {KeyCode.Y}, new KeyCode[] {KeyCode.SHORTCUT, KeyCode.ENTER},
                new KeyCode[] {KeyCode.SHORTCUT, KeyCode.A}, new KeyCode[] {KeyCode.SHIFT, KeyCode.ENTER},
                new KeyCode[] {KeyCode.ALT, KeyCode.A});
        for (KeyCode[] combo : keys) {
            console.select(pending);
            robot.push(combo);
            WaitForAsyncUtils.waitForFxEvents();
        }
        Thread.sleep(2500); // a poll's worth: anything signed would have been sent
        WaitForAsyncUtils.waitForFxEvents();
        GatewayClient observer = Observer.signInToEmbedded(console.gatewayUri(), dataDir);
        ProposalView atGateway = observer.proposal(pending.id());
        assertEquals(ProposalStatus.PENDING, atGateway.status());
        assertEquals(0, atGateway.approvals().size(), "no key press in the queue approved anything");
        assertEquals(0, queue.waitingProperty().get(), "and nothing was signed into the outbox");
        assertFalse(robot.lookup("#approveToggle").queryAs(javafx.scene.control.ToggleButton.class).isSelected()
                && robot.lookup("#signSubmit").queryButton().isFocused(), "no approval was even set up");
    }

    @Test
    void selectingSeveralRowsOffersApproveSelectionToTheHandler() throws Exception {
        start();
        QueueViewModel queue = queue();
        List<QueueRow> lows = queue.rows().stream().filter(r -> r.summary().riskTier() == RiskTier.LOW
                && r.summary().status() == ProposalStatus.PENDING).limit(2).toList();
        assertEquals(2, lows.size());

        console.select(lows.get(0));
        robot.press(KeyCode.SHORTCUT);
        try {
            console.select(lows.get(1));
        } finally {
            robot.release(KeyCode.SHORTCUT);
        }
        assertEquals(lows, List.copyOf(queue.selectedRows()));
        assertSame(lows.get(1), queue.selectedProperty().get(), "the review shows the last one selected");
        assertTrue(visible("#approveSelection"), "the console offers the selection to its bulk-approval window");

        List<List<QueueRow>> handed = new CopyOnWriteArrayList<>();
        robot.interact(() -> queue.setBulkApprovalHandler(handed::add));
        ConsoleDriver.await(Duration.ofSeconds(5), () -> visible("#approveSelection"));
        assertEquals("2 selected", robot.lookup("#selectionCount").queryLabeled().getText());
        robot.clickOn("#approveSelection");
        assertEquals(List.of(lows), handed);
        for (QueueRow row : lows) {
            assertEquals(ProposalStatus.PENDING, row.summary().status(), "handing over approves nothing");
        }

        console.select(lows.get(0)); // a plain click: one row again
        assertEquals(1, queue.selectedRows().size());
        ConsoleDriver.await(Duration.ofSeconds(5), () -> !visible("#approveSelection"));
    }

    @Test
    void aNewCriticalProposalIsAnnouncedOnceAndClickingItOpensIt() throws Exception {
        start();
        QueueViewModel queue = queue();
        List<List<String>> heard = new CopyOnWriteArrayList<>();
        robot.interact(() -> queue.addNewCriticalListener(rows -> heard.add(rows.stream().map(QueueRow::id)
                .toList())));
        Thread.sleep(2500); // a round with nothing new
        assertEquals(List.of(), heard, "the first load is not news");

        QueueRow critical = queue.rows().stream().filter(r -> r.summary().riskTier() == RiskTier.CRITICAL)
                .findFirst().orElseThrow();
        String fresh = Proposals.submitLike(console.gatewayUri(), console.view(critical), 90);
        ConsoleDriver.await(Duration.ofSeconds(20), () -> !heard.isEmpty());
        Thread.sleep(4500); // two more rounds
        assertEquals(List.of(List.of(fresh)), heard, "once");

        Node bar = console.awaitNode(".notification-bar", Duration.ofSeconds(5));
        robot.clickOn(bar);
        ConsoleDriver.await(Duration.ofSeconds(5), () -> queue.selectedProperty().get() != null
                && queue.selectedProperty().get().id().equals(fresh));
    }

    @Test
    void aProposalArrivingKeepsTheOpenProposalAndTheHalfWrittenDecision() throws Exception {
        start();
        QueueViewModel queue = queue();
        QueueRow open = queue.rows().stream().filter(r -> r.summary().riskTier() == RiskTier.CRITICAL
                && r.summary().status() == ProposalStatus.PENDING).findFirst().orElseThrow();
        console.select(open);
        robot.clickOn("#reasonText").write("Checked with the owner; waiting for the change ticket.");
        int before = queue.rows().size();

        String fresh = Proposals.submitLike(console.gatewayUri(), console.view(open), 90);
        ConsoleDriver.await(Duration.ofSeconds(20), () -> queue.row(fresh).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + 1, queue.rows().size());
        assertSame(open, queue.selectedProperty().get(), "the review still shows the proposal being decided");
        assertEquals("Checked with the owner; waiting for the change ticket.",
                robot.lookup("#reasonText").queryTextInputControl().getText(), "the reason is not cleared");
    }

    // ---- helpers

    private void start() throws Exception {
        console = ConsoleDriver.start(dataDir, Duration.ofSeconds(2));
        robot = console.robot();
        robot.interact(() -> {
            console.stage().setX(0);
            console.stage().setY(0);
            console.stage().setWidth(1280);
            console.stage().setHeight(800);
        });
        PasswordField passphrase = console.awaitNode("#unlockPassphrase", Duration.ofSeconds(30));
        robot.interact(() -> {
            passphrase.setText(PASSPHRASE);
            robot.lookup("#unlockKey").queryButton().fire();
        });
        console.awaitGone("#unlockDialog", Duration.ofSeconds(30));
        console.awaitQueue(14);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Clicks the item of the open menu with this text (not a table cell that happens to say the same). */
    private void pick(String text) throws Exception {
        ConsoleDriver.await(Duration.ofSeconds(5), () -> menuItem(text) != null);
        robot.clickOn(menuItem(text));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Node menuItem(String text) {
        return robot.lookup(".context-menu .menu-item").match((Node n) -> n.isVisible()
                && n.lookup(".label") instanceof Label l && text.equals(l.getText())).tryQuery().orElse(null);
    }

    private QueueViewModel queue() {
        return console.app().composition().queue();
    }

    private List<QueueRow> shown() {
        return List.copyOf(robot.lookup("#queueTable").<QueueRow>queryTableView().getItems());
    }

    private int count(java.util.function.Predicate<QueueRow> which) {
        return (int) queue().rows().stream().filter(which).count();
    }

    private String countText() {
        return robot.lookup("#queueCount").queryLabeled().getText();
    }

    private TableRow<?> tableRow(QueueRow row) {
        TableView<QueueRow> table = robot.lookup("#queueTable").queryTableView();
        robot.interact(() -> table.scrollTo(row));
        return robot.lookup("#queueTable .table-row-cell")
                .match((Node n) -> n instanceof TableRow<?> r && r.getItem() == row).query();
    }

    private void clickHeader(String title) {
        Node header = robot.lookup("#queueTable .column-header").match((Node n) -> n.lookup(".label")
                instanceof Label l && l.getText().equals(title)).query();
        robot.clickOn(header);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void assertSorted(TableView<QueueRow> table, java.util.Comparator<QueueRow> order) {
        List<QueueRow> items = new ArrayList<>(table.getItems());
        List<QueueRow> expected = new ArrayList<>(items);
        expected.sort(order.thenComparing(QueueViewModel.ORDER));
        assertEquals(expected.stream().map(QueueRow::id).toList(), items.stream().map(QueueRow::id).toList());
    }

    /** Shown on screen: it and every ancestor visible, in a showing window. */
    private boolean visible(String query) {
        return robot.lookup(query).tryQuery().filter(n -> n.getScene() != null && n.getScene().getWindow() != null
                && n.getScene().getWindow().isShowing()).filter(n -> {
                    for (Node p = n; p != null; p = p.getParent()) {
                        if (!p.isVisible()) {
                            return false;
                        }
                    }
                    return true;
                }).isPresent();
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }
}
