package dev.countersign.app.queue;

import dev.countersign.app.cache.ProposalSummary;
import dev.countersign.app.common.Messages;
import dev.countersign.app.common.UntrustedText;
import java.util.List;
import java.util.function.Supplier;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a desktop notification over the main window when a sync round brings new critical-tier proposals (the view
 * model decides which are new); clicking it opens the proposal in the review.
 */
public final class CriticalNotificationView {
    private static final Logger LOG = LoggerFactory.getLogger(CriticalNotificationView.class);
    private static final Duration SHOWN_FOR = Duration.seconds(12);

    private final QueueViewModel vm;
    private final Messages messages;
    private final Supplier<Window> owner;

    public CriticalNotificationView(QueueViewModel vm, Messages messages, Supplier<Window> owner) {
        this.vm = vm;
        this.messages = messages;
        this.owner = owner;
        vm.addNewCriticalListener(this::show);
    }

    private static FontIcon icon() {
        FontIcon icon = new FontIcon(MaterialDesignA.ALERT_OCTAGON_OUTLINE);
        icon.getStyleClass().add("notify-critical-icon");
        return icon;
    }

    private void show(List<QueueRow> rows) {
        Window window = owner.get();
        if (window == null || !window.isShowing() || rows.isEmpty()) {
            return;
        }
        QueueRow first = rows.get(0);
        ProposalSummary p = first.summary();
        String text = messages.format("queue.notify.text", vm.texts().action(p.actionType()),
                UntrustedText.reveal(p.targetName()).text(), UntrustedText.reveal(p.environment()).text());
        if (rows.size() > 1) {
            text = text + "\n" + messages.format("queue.notify.more", rows.size() - 1);
        }
        try {
            Notifications.create()
                    .owner(window)
                    .title(messages.format("queue.notify.title", rows.size()))
                    .text(text)
                    .hideAfter(SHOWN_FOR)
                    .graphic(icon())
                    .onAction(e -> vm.reveal(first))
                    .show();
        } catch (RuntimeException e) {
            // a notification is a courtesy: the row is in the queue either way
            LOG.warn("could not show the new-critical notification: {}", e.toString());
        }
    }
}
