package dev.countersign.app.queue;

import dev.countersign.model.ProposalStatus;
import dev.countersign.model.api.ProposalView;
import java.time.Instant;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One proposal in the queue. The row object stays the same when the proposal changes, so selection is kept. */
public final class QueueRow {
    private final String id;
    private final ReadOnlyObjectWrapper<ProposalView> view = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper age = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper expiry = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper();

    QueueRow(ProposalView first, Instant now, QueueTexts texts) {
        this.id = first.proposal().id();
        update(first, now, texts);
    }

    void update(ProposalView latest, Instant now, QueueTexts texts) {
        view.set(latest);
        retime(now, texts);
    }

    void retime(Instant now, QueueTexts texts) {
        ProposalView current = view.get();
        age.set(texts.age(current, now));
        expiry.set(texts.expiry(current, now));
        status.set(texts.status(current, now));
        open.set(current.status() == ProposalStatus.PENDING && !current.proposal().isExpiredAt(now));
    }

    public String id() {
        return id;
    }

    public ProposalView view() {
        return view.get();
    }

    public ReadOnlyObjectProperty<ProposalView> viewProperty() {
        return view.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ageProperty() {
        return age.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty expiryProperty() {
        return expiry.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Still pending and not expired: something a reviewer can decide. */
    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }
}
