package dev.countersign.app.review;

import dev.countersign.app.queue.QueueRow;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.json.Digests;
import dev.countersign.model.record.DecisionRecords;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;

/**
 * The proposal being reviewed: follows the selected queue row (and its updates), and checks that the digests the
 * gateway served match the ones the console computes from what it shows.
 */
public final class ReviewViewModel {
    private final ReadOnlyObjectWrapper<ProposalView> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper proposalDigest = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper contextDigest = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper digestsMatch = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper expiry = new ReadOnlyStringWrapper();
    private final ChangeListener<ProposalView> follow = (obs, old, latest) -> setShown(latest);
    private QueueRow row;

    public ReviewViewModel(ReadOnlyObjectProperty<QueueRow> selection) {
        selection.addListener((obs, old, selected) -> show(selected));
        show(selection.get());
    }

    private void show(QueueRow selected) {
        if (row != null) {
            row.viewProperty().removeListener(follow);
        }
        row = selected;
        status.unbind();
        expiry.unbind();
        if (row != null) {
            row.viewProperty().addListener(follow);
            status.bind(row.statusProperty());
            expiry.bind(row.expiryProperty());
        } else {
            status.set(null);
            expiry.set(null);
        }
        setShown(row == null ? null : row.view());
    }

    private void setShown(ProposalView view) {
        if (view == null) {
            proposalDigest.set(null);
            contextDigest.set(null);
            digestsMatch.set(true);
        } else {
            proposalDigest.set(DecisionRecords.proposalDigest(view.proposal()));
            contextDigest.set(Digests.canonicalSha256(view.context()));
            digestsMatch.set(Digests.equal(proposalDigest.get(), view.proposalDigest())
                    && Digests.equal(contextDigest.get(), view.contextDigest()));
        }
        shown.set(view);
    }

    public ReadOnlyObjectProperty<ProposalView> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ProposalView shown() {
        return shown.get();
    }

    /** Pending, "1 of 2 approvals", Approved…: kept current by the queue's timer. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** "in 3h 20m" or "expired 5m ago": kept current by the queue's timer. */
    public ReadOnlyStringProperty expiryProperty() {
        return expiry.getReadOnlyProperty();
    }

    /** The sha256 the console computed from the proposal it shows; what a decision will be bound to. */
    public ReadOnlyStringProperty proposalDigestProperty() {
        return proposalDigest.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty contextDigestProperty() {
        return contextDigest.getReadOnlyProperty();
    }

    /** False if the gateway's served digests differ from the console's: a decision would then be refused. */
    public ReadOnlyBooleanProperty digestsMatchProperty() {
        return digestsMatch.getReadOnlyProperty();
    }
}
