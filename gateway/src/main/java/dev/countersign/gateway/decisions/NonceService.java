package dev.countersign.gateway.decisions;

import dev.countersign.gateway.common.Ids;
import dev.countersign.gateway.problem.ProblemException;
import dev.countersign.gateway.problem.ProblemType;
import dev.countersign.gateway.proposals.ProposalRow;
import dev.countersign.gateway.proposals.ProposalService;
import dev.countersign.gateway.proposals.ProposalStore;
import dev.countersign.gateway.store.Writer;
import dev.countersign.model.ProposalStatus;
import dev.countersign.model.api.NonceGrant;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Issues single-use decision nonces for pending proposals; each is valid until the proposal expires. */
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
            ProposalStatus status = row.statusAt(now);
            if (status == ProposalStatus.EXPIRED) {
                throw ProblemException.aboutProposal(ProblemType.PROPOSAL_EXPIRED,
                        "Proposal " + proposalId + " expired at " + row.expiresAt() + "; no decision can be made.",
                        proposalId, status);
            }
            if (status != ProposalStatus.PENDING) {
                throw ProblemException.aboutProposal(ProblemType.PROPOSAL_CLOSED,
                        "Proposal " + proposalId + " is already " + status.json() + ".", proposalId, status);
            }
            String nonce = ids.token();
            nonces.issue(tx, nonce, proposalId, now.truncatedTo(ChronoUnit.SECONDS), row.expiresAt());
            return new NonceGrant(nonce, proposalId, row.expiresAt());
        });
    }
}
