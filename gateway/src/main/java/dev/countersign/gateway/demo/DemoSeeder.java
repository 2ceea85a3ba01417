package dev.countersign.gateway.demo;

import dev.countersign.gateway.inventory.InventoryService;
import dev.countersign.gateway.policy.PolicyService;
import dev.countersign.gateway.proposals.ProposalService;
import dev.countersign.gateway.reviewers.ReviewerService;
import dev.countersign.model.ProposalSubmission;
import dev.countersign.model.RiskTier;
import dev.countersign.model.api.DecisionRights;
import dev.countersign.model.api.EnrollmentRequest;
import dev.countersign.model.crypto.PublicKeys;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills a new database with the demo world: its inventory and policy, every demo proposal submitted as an agent
 * would (expiring that many minutes from now), and a few demo reviewers. The reviewers' key pairs are made in memory
 * and their private halves dropped: they give the queue names for its approvals-required and quorum displays, and
 * nobody can sign as them.
 */
public final class DemoSeeder {
    /** A demo reviewer. */
    public record DemoReviewer(String reviewer, String displayName, List<String> roles, RiskTier maxTier) {}

    public static final List<DemoReviewer> REVIEWERS = List.of(
            new DemoReviewer("amara.okafor@northwind.example", "Amara Okafor", List.of("platform-security"),
                    RiskTier.CRITICAL),
            new DemoReviewer("samir.haddad@northwind.example", "Samir Haddad", List.of("sre"), RiskTier.HIGH),
            new DemoReviewer("ines.moreau@northwind.example", "Inès Moreau", List.of("identity"), RiskTier.MEDIUM),
            new DemoReviewer("kenji.watanabe@northwind.example", "Kenji Watanabe",
                    List.of("platform-security", "identity"), RiskTier.CRITICAL));

    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);

    private final InventoryService inventory;
    private final PolicyService policy;
    private final ProposalService proposals;
    private final ReviewerService reviewers;

    public DemoSeeder(InventoryService inventory, PolicyService policy, ProposalService proposals,
            ReviewerService reviewers) {
        this.inventory = inventory;
        this.policy = policy;
        this.proposals = proposals;
        this.reviewers = reviewers;
    }

    /** Seeds; call inside the write transaction that marks the database initialized. */
    public void seed(DemoWorld world) {
        inventory.replace(world.inventory());
        policy.replace(world.policy());
        for (ProposalSubmission submission : world.proposals()) {
            proposals.submit(submission);
        }
        for (DemoReviewer r : REVIEWERS) {
            reviewers.enroll(new EnrollmentRequest(r.reviewer(), r.displayName(), r.roles(), throwawayPublicKey(),
                    DecisionRights.all(r.maxTier())));
        }
        LOG.info("Seeded the demo world: {} NHIs, {} workloads, {} incidents, {} proposals, {} reviewers",
                world.inventory().document().nhis().size(), world.inventory().document().workloads().size(),
                world.inventory().document().incidents().size(), world.proposals().size(), REVIEWERS.size());
    }

    private static String throwawayPublicKey() {
        try {
            return PublicKeys.toBase64(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make Ed25519 keys", e);
        }
    }
}
