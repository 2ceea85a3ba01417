package dev.countersign.app.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.countersign.app.cache.ProposalSummary;
import dev.countersign.app.common.Messages;
import dev.countersign.app.common.TimeTexts;
import dev.countersign.model.ActionType;
import dev.countersign.model.NhiKind;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.RiskTier;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/** The queue's filter as a value: each part narrows, parts combine, the search words combine with them. */
class QueueFilterTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private final Messages messages = Messages.load(Locale.ENGLISH);
    private final QueueTexts texts = new QueueTexts(messages, new TimeTexts(messages, ZoneOffset.UTC));
    private final SimpleObjectProperty<Instant> now = new SimpleObjectProperty<>(NOW);

    private final QueueRow criticalProd = row("p1", RiskTier.CRITICAL, ActionType.REVOKE_KEY, "prod",
            "spiffe://northwind/agent/ci-bot", ProposalStatus.PENDING, Duration.ofMinutes(30));
    private final QueueRow highStaging = row("p2", RiskTier.HIGH, ActionType.ROTATE_CREDENTIAL, "staging",
            "spiffe://northwind/agent/rotation-bot", ProposalStatus.PENDING, Duration.ofHours(5));
    private final QueueRow lowDevApproved = row("p3", RiskTier.LOW, ActionType.ROTATE_CREDENTIAL, "dev",
            "spiffe://northwind/agent/rotation-bot", ProposalStatus.APPROVED, Duration.ofMinutes(10));
    private final QueueRow mediumProdExpired = row("p4", RiskTier.MEDIUM, ActionType.CHANGE_PERMISSIONS, "prod",
            "spiffe://northwind/agent/ci-bot", ProposalStatus.PENDING, Duration.ofMinutes(-5));
    private final List<QueueRow> all = List.of(criticalProd, highStaging, lowDevApproved, mediumProdExpired);

    @Test
    void theDefaultFilterHidesNothingAndCostsNothing() {
        assertFalse(QueueFilter.ALL.isActive());
        assertNull(QueueFilter.ALL.predicate(NOW), "no predicate: the list skips the test");
        assertTrue(QueueFilter.ALL.showClosed(), "the queue shows decided and expired rows, as before");
    }

    @Test
    void eachChoiceNarrows() {
        assertEquals(List.of(criticalProd), shown(QueueFilter.ALL.withTiers(Set.of(RiskTier.CRITICAL))));
        assertEquals(List.of(criticalProd, highStaging), shown(QueueFilter.ALL.withTiers(
                Set.of(RiskTier.CRITICAL, RiskTier.HIGH))));
        assertEquals(List.of(highStaging, lowDevApproved), shown(QueueFilter.ALL.withActions(
                Set.of(ActionType.ROTATE_CREDENTIAL))));
        assertEquals(List.of(criticalProd, mediumProdExpired), shown(QueueFilter.ALL.withEnvironments(
                Set.of("prod"))));
        assertEquals(List.of(highStaging, lowDevApproved), shown(QueueFilter.ALL.withAgents(
                Set.of("spiffe://northwind/agent/rotation-bot"))));
        assertEquals(List.of(criticalProd, highStaging), shown(QueueFilter.ALL.withShowClosed(false)));
    }

    @Test
    void expiringSoonIsOpenAndWithinTheWindowNeverExpiredOrDecided() {
        assertEquals(Duration.ofHours(1), QueueFilter.EXPIRING_SOON);
        assertEquals(List.of(criticalProd), shown(QueueFilter.ALL.withExpiringSoon(true)));
        assertTrue(criticalProd.expiringSoonProperty().get());
        assertFalse(highStaging.expiringSoonProperty().get());
        assertFalse(lowDevApproved.expiringSoonProperty().get(), "decided: nothing to hurry for");
        assertFalse(mediumProdExpired.expiringSoonProperty().get(), "already expired");

        now.set(NOW.plus(Duration.ofHours(4).plusMinutes(30))); // the queue's clock moves on
        assertTrue(highStaging.expiringSoonProperty().get());
        assertFalse(criticalProd.expiringSoonProperty().get());
        assertEquals("expired 4h ago", criticalProd.expiryProperty().get());
        assertEquals(List.of(highStaging), shown(QueueFilter.ALL.withExpiringSoon(true), now.get()));
    }

    @Test
    void partsAndSearchWordsCombine() {
        QueueFilter prodRotations = QueueFilter.ALL.withEnvironments(Set.of("prod", "staging"))
                .withActions(Set.of(ActionType.ROTATE_CREDENTIAL));
        assertEquals(List.of(highStaging), shown(prodRotations));
        assertEquals(List.of(criticalProd, mediumProdExpired), shown(QueueFilter.ALL.withText("ci-bot")));
        assertEquals(List.of(criticalProd), shown(QueueFilter.ALL.withText("  CI-bot  ").withTiers(
                Set.of(RiskTier.CRITICAL, RiskTier.LOW))));
        assertEquals(List.of(), shown(QueueFilter.ALL.withText("ci-bot").withShowClosed(false)
                .withTiers(Set.of(RiskTier.MEDIUM))));
        assertTrue(QueueFilter.ALL.withText("x").isActive());
        assertFalse(QueueFilter.ALL.withText("x").narrows(), "search words alone do not narrow the choices");
        assertFalse(QueueFilter.ALL.withText("x").dependsOnTime());
        assertTrue(QueueFilter.ALL.withExpiringSoon(true).dependsOnTime());
    }

    @Test
    void savesAndRestoresEveryPart() {
        QueueFilter filter = QueueFilter.ALL.withTiers(Set.of(RiskTier.HIGH, RiskTier.CRITICAL))
                .withActions(Set.of(ActionType.REVOKE_KEY)).withEnvironments(Set.of("prod"))
                .withAgents(Set.of("spiffe://northwind/agent/ci-bot")).withExpiringSoon(true).withShowClosed(false)
                .withText("db");
        var saved = filter.saved("  Urgent prod  ");
        assertEquals("Urgent prod", saved.name());
        assertEquals(List.of(RiskTier.HIGH, RiskTier.CRITICAL), saved.tiers(), "in a stable order");
        assertEquals(filter, QueueFilter.of(saved));
    }

    private List<QueueRow> shown(QueueFilter filter) {
        return shown(filter, NOW);
    }

    private List<QueueRow> shown(QueueFilter filter, Instant at) {
        Predicate<QueueRow> p = filter.predicate(at);
        return all.stream().filter(r -> p == null || p.test(r)).toList();
    }

    private QueueRow row(String id, RiskTier tier, ActionType action, String env, String agent, ProposalStatus status,
            Duration expiresIn) {
        Instant created = NOW.minus(Duration.ofHours(1));
        ProposalSummary s = new ProposalSummary(id, 1, status, tier, action, env, "tgt-" + id, "target " + id,
                NhiKind.values()[0], agent, 0, 1, created, NOW.plus(expiresIn), created, created, created);
        return new QueueRow(s, now, texts);
    }
}
