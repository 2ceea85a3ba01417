package dev.countersign.gateway.decisions;

import dev.countersign.gateway.common.Ids;
import dev.countersign.gateway.problem.ProblemException;
import dev.countersign.gateway.problem.ProblemType;
import dev.countersign.gateway.proposals.ProposalRow;
import dev.countersign.gateway.proposals.ProposalService;
import dev.countersign.gateway.proposals.ProposalStore;
import dev.countersign.gateway.store.Tx;
import dev.countersign.gateway.store.Writer;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.api.NonceBatch;
import dev.countersign.model.api.NonceBatchRequest;
import dev.countersign.model.api.NonceGrant;
import dev.countersign.model.api.NonceRefusal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Issues single-use decision nonces for pending proposals, one at a time or in a batch; each is valid until the
 * proposal expires. A nonce is not a credential: it only makes a signed decision single-use. Deciding still takes a
 * signature by an enrolled key, posted in that key's session.
 */
public final class NonceService {
    private final Writer writer;
    private final NonceStore nonces;
    private final ProposalStore proposals;
    private final Ids ids;
    private final Clock clock;

    public NonceService(Writer writer, NonceStore nonces, ProposalStore proposals, Ids ids, Clock clock) {
        this.writer = writer;
        this.nonces = nonces;
        this.proposals = proposals;
        this.ids = ids;
        this.clock = clock;
    }

    public NonceGrant issue(String proposalId) {
        Instant now = clock.instant();
        return writer.write(tx -> {
            ProposalRow row = proposals.find(tx.connection(), proposalId)
                    .orElseThrow(() -> ProposalService.notFound(proposalId));
            Optional<ProblemException> refusal = refusal(row, now);
            if (refusal.isPresent()) {
                throw refusal.get();
            }
            return grant(tx, row, now);
        });
    }

    /**
     * One fresh nonce for each pending proposal named, in one write transaction; each other proposal is refused as
     * {@link #issue} would refuse it. The request bounds the batch ({@link NonceBatchRequest#MAX_IDS}).
     */
    public NonceBatch issueAll(NonceBatchRequest request) {
        Instant now = clock.instant();
        return writer.write(tx -> {
            List<NonceGrant> granted = new ArrayList<>();
            List<NonceRefusal> refused = new ArrayList<>();
            for (String id : request.proposalIds()) {
                Optional<ProposalRow> row = proposals.find(tx.connection(), id);
                Optional<ProblemException> refusal = row.isEmpty() ? Optional.of(ProposalService.notFound(id))
                        : refusal(row.get(), now);
                if (refusal.isPresent()) {
                    refused.add(new NonceRefusal(id, refusal.get().type().slug(), refusal.get().detail()));
                } else {
                    granted.add(grant(tx, row.get(), now));
                }
            }
            return new NonceBatch(granted, refused);
        });
    }

    private NonceGrant grant(Tx tx, ProposalRow row, Instant now) throws SQLException {
        String nonce = ids.token();
        nonces.issue(tx, nonce, row.id(), now.truncatedTo(ChronoUnit.SECONDS), row.expiresAt());
        return new NonceGrant(nonce, row.id(), row.expiresAt());
    }

    /** Why a proposal gets no nonce now, if it does not: it expired or is no longer pending. */
    private static Optional<ProblemException> refusal(ProposalRow row, Instant now) {
        ProposalStatus status = row.statusAt(now);
        if (status == ProposalStatus.EXPIRED) {
            return Optional.of(ProblemException.aboutProposal(ProblemType.PROPOSAL_EXPIRED,
                    "Proposal " + row.id() + " expired at " + row.expiresAt() + "; no decision can be made.",
                    row.id(), status));
        }
        if (status != ProposalStatus.PENDING) {
            return Optional.of(ProblemException.aboutProposal(ProblemType.PROPOSAL_CLOSED,
                    "Proposal " + row.id() + " is already " + status.json() + ".", row.id(), status));
        }
        return Optional.empty();
    }
}
