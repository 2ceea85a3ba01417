package dev.countersign.app.review;

import dev.countersign.app.cache.Outbox;
import dev.countersign.app.cache.OutboxEntry;
import dev.countersign.app.cache.ProposalCache;
import dev.countersign.app.sync.GatewayClient;
import dev.countersign.app.sync.GatewayException;
import dev.countersign.app.sync.GatewayUnavailableException;
import dev.countersign.app.sync.OutboxSender;
import dev.countersign.app.sync.ReviewerSessions;
import dev.countersign.model.Decision;
import dev.countersign.model.Proposal;
import dev.countersign.model.ProposalContext;
import dev.countersign.model.api.NonceGrant;
import dev.countersign.model.api.ProposalView;
import dev.countersign.model.crypto.Signer;
import dev.countersign.model.json.Digests;
import dev.countersign.model.record.DecisionRecords;
import dev.countersign.model.record.DsseEnvelope;
import dev.countersign.model.record.Statement;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a reviewer's choice into a signed decision record, puts it in the outbox (committed to the cache file before
 * anything is sent) and sends it. The digests are computed here from the proposal and context the console showed,
 * never taken from the gateway; the nonce binds the record to one use. With the gateway reachable the nonce is fresh
 * from it; without, it is the one fetched ahead for this proposal, and the decision waits in the outbox. Blocking:
 * run it on the task runner.
 */
public final class DecisionSubmitter {
    private static final Logger LOG = LoggerFactory.getLogger(DecisionSubmitter.class);

    private final GatewayClient client;
    private final ReviewerSessions sessions;
    private final ProposalCache cache;
    private final Outbox outbox;
    private final OutboxSender sender;
    private final Clock clock;
    private final String consoleVersion;

    public DecisionSubmitter(GatewayClient client, ReviewerSessions sessions, ProposalCache cache, Outbox outbox,
            OutboxSender sender, Clock clock, String consoleVersion) {
        this.client = client;
        this.sessions = sessions;
        this.cache = cache;
        this.outbox = outbox;
        this.sender = sender;
        this.clock = clock;
        this.consoleVersion = consoleVersion;
    }

    /**
     * Where the signed decision stands: recorded or refused by the gateway, or still in the outbox ({@code notSent}
     * says why), with the proposal as it stands afterwards when it could be read.
     */
    public record Submitted(OutboxEntry entry, ProposalView latest, GatewayException notSent) {}

    public Submitted submit(ProposalView shown, DecisionDraft draft, String reviewer, Signer signer)
            throws GatewayException, GeneralSecurityException, NoNonceOfflineException {
        Proposal proposal = shown.proposal();
        Nonce nonce = nonce(proposal.id(), reviewer, signer);
        Decision decision = decision(proposal, shown.context(), draft, reviewer, signer, nonce.value());
        DsseEnvelope envelope = sign(proposal, decision, signer);
        OutboxEntry entry = outbox.add("decision-" + UUID.randomUUID(), envelope, decision,
                cache.gatewayKeyId().orElse(null), clock.instant());
        LOG.info("outbox {}: {} on {} signed and stored", entry.seq(), draft.verdict().json(), proposal.id());
        if (nonce.offline() != null) {
            return new Submitted(entry, null, nonce.offline()); // the next round sends it, once the gateway is back
        }
        try {
            entry = sender.send(entry.idempotencyKey());
        } catch (GatewayException e) {
            LOG.info("outbox {}: not sent now ({}); it waits in the outbox", entry.seq(), e.getMessage());
            return new Submitted(entry, null, e);
        }
        ProposalView latest = null;
        try {
            latest = client.proposal(proposal.id());
        } catch (GatewayException e) {
            LOG.debug("could not re-read {} after the decision: {}", proposal.id(), e.getMessage());
        }
        return new Submitted(entry, latest, null);
    }

    /**
     * A fresh nonce from the gateway (opening the session with the unlocked key if needed); if the gateway cannot be
     * reached, the one fetched ahead for this proposal.
     */
    private Nonce nonce(String proposalId, String reviewer, Signer signer)
            throws GatewayException, NoNonceOfflineException {
        try {
            sessions.ensure(reviewer, signer);
            return new Nonce(client.issueNonce(proposalId, "nonce-" + UUID.randomUUID()).nonce(), null);
        } catch (GatewayUnavailableException offline) {
            Optional<NonceGrant> ahead = cache.nonce(proposalId).filter(n -> n.expiresAt().isAfter(clock.instant()));
            if (ahead.isEmpty()) {
                throw new NoNonceOfflineException(offline);
            }
            LOG.info("gateway unreachable: signing {} with the nonce fetched ahead", proposalId);
            return new Nonce(ahead.get().nonce(), offline);
        }
    }

    /** A nonce, and why it came from the cache (null: fresh from the gateway). */
    private record Nonce(String value, GatewayUnavailableException offline) {}

    /** The proposal as it stands now, with its context. */
    public ProposalView latest(String proposalId) throws GatewayException {
        return client.proposal(proposalId);
    }

    /** The signed record for this proposal and context as shown. Visible for tests. */
    DsseEnvelope sign(Proposal proposal, ProposalContext context, DecisionDraft draft, String reviewer, Signer signer,
            String nonce) throws GeneralSecurityException {
        return sign(proposal, decision(proposal, context, draft, reviewer, signer, nonce), signer);
    }

    private static DsseEnvelope sign(Proposal proposal, Decision decision, Signer signer)
            throws GeneralSecurityException {
        Statement statement = DecisionRecords.statement(proposal.subjectName(),
                DecisionRecords.proposalDigest(proposal), decision);
        return DecisionRecords.sign(statement, signer);
    }

    private Decision decision(Proposal proposal, ProposalContext context, DecisionDraft draft, String reviewer,
            Signer signer, String nonce) {
        return new Decision(
                proposal.id(),
                proposal.version(),
                Digests.canonicalSha256(context),
                draft.verdict(),
                draft.reasonCode(),
                draft.reasonText().strip(),
                draft.conditions(),
                reviewer,
                signer.keyId(),
                nonce,
                clock.instant(),
                proposal.agent().id(),
                context.policyBasis().policyId(),
                context.policyBasis().policyVersion(),
                consoleVersion);
    }
}
