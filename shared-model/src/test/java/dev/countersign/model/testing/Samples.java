package dev.countersign.model.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.countersign.model.ActionType;
import dev.countersign.model.AgentIdentity;
import dev.countersign.model.BlastRadius;
import dev.countersign.model.Criticality;
import dev.countersign.model.Decision;
import dev.countersign.model.DependentWorkload;
import dev.countersign.model.Failover;
import dev.countersign.model.IncidentSummary;
import dev.countersign.model.MatchedRule;
import dev.countersign.model.NhiKind;
import dev.countersign.model.ParameterChange;
import dev.countersign.model.PolicyBasis;
import dev.countersign.model.PolicyOutcome;
import dev.countersign.model.Proposal;
import dev.countersign.model.ProposalContext;
import dev.countersign.model.ReasonCode;
import dev.countersign.model.RiskTier;
import dev.countersign.model.Severity;
import dev.countersign.model.TargetRef;
import dev.countersign.model.Verdict;
import dev.countersign.model.json.Digests;
import dev.countersign.model.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Fixed domain values for tests in every module. */
public final class Samples {
    public static final Instant CREATED = Instant.parse("2026-11-22T09:00:00Z");

    /** RFC 8032 section 7.1, test 1: a published Ed25519 seed, so signatures are reproducible anywhere. */
    public static final String RFC8032_SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    public static final String RFC8032_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    /** RFC 8032 section 7.1, test 2. */
    public static final String RFC8032_SEED_2 = "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb";

    private Samples() {}

    public static Proposal proposal() {
        return proposal(1, json("{\"keyAlgorithm\":\"RSA-2048\",\"rotationPeriodDays\":90}"),
                json("{\"keyAlgorithm\":\"ECDSA-P256\",\"rotationPeriodDays\":30,\"overlapWindowMinutes\":60}"));
    }

    public static Proposal proposal(int version, JsonNode before, JsonNode after) {
        return new Proposal("prp_sample_0001", version,
                new AgentIdentity("spiffe://northwind.example/agents/credential-rotation-bot", "dana.reyes@northwind.example"),
                ActionType.ROTATE_CREDENTIAL,
                new TargetRef("nhi-aws-payments-batch", "svc-payments-batch", NhiKind.SERVICE_ACCOUNT, "aws-iam"),
                "prod",
                new ParameterChange(before, after),
                "Rotate ahead of the 90-day deadline; consumers pick up the new key from Vault.",
                RiskTier.CRITICAL,
                CREATED,
                CREATED.plusSeconds(4 * 3600));
    }

    public static ProposalContext context(Proposal proposal) {
        return new ProposalContext(proposal.id(), proposal.version(), CREATED,
                new BlastRadius(3, Map.of(Criticality.CRITICAL, 2, Criticality.HIGH, 1, Criticality.MEDIUM, 0,
                        Criticality.LOW, 0), List.of("prod")),
                List.of(new DependentWorkload("wl-settlement-batch", "settlement-batch", "payments-platform@northwind.example",
                        "prod", Criticality.CRITICAL, Failover.NONE, Instant.parse("2026-11-21T23:14:00Z"), 1)),
                List.of(new IncidentSummary("inc-2026-031", LocalDate.parse("2026-08-14"), Severity.SEV2,
                        "Settlement batch stalled for 40 minutes after an unannounced key rotation.")),
                new PolicyBasis("northwind-nhi-change-policy", "2026.11.1",
                        List.of(new MatchedRule("prod-high-privilege", "Any change to a high-privilege prod identity",
                                RiskTier.CRITICAL)),
                        RiskTier.CRITICAL, PolicyOutcome.NEEDS_REVIEW, 2, List.of("platform-security")));
    }

    public static Decision decision(Proposal proposal, String keyId, String nonce) {
        return new Decision(proposal.id(), proposal.version(), Digests.canonicalSha256(context(proposal)),
                Verdict.APPROVE, ReasonCode.CHANGE_TICKET_VERIFIED, "Rotation matches CHG-4821; overlap window covers the batch.",
                null, "amara.okafor@northwind.example", keyId, nonce, Instant.parse("2026-11-22T09:30:00Z"),
                proposal.agent().id(), "northwind-nhi-change-policy", "2026.11.1", "0.1.0-test");
    }

    /** The RFC 8032 test-1 key pair, generated from its published seed (no key material is stored in the repo). */
    public static KeyPair rfc8032KeyPair() {
        return ed25519FromSeed(RFC8032_SEED);
    }

    /** The RFC 8032 test-2 key pair, from its published seed: a second fixed key (a rotation's new key). */
    public static KeyPair rfc8032KeyPair2() {
        return ed25519FromSeed(RFC8032_SEED_2);
    }

    private static KeyPair ed25519FromSeed(String seedHex) {
        byte[] seed = HexFormat.of().parseHex(seedHex);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new FixedRandom(seed));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair freshEd25519() {
        return generate("Ed25519", null);
    }

    public static KeyPair freshP256() {
        return generate("EC", new java.security.spec.ECGenParameterSpec("secp256r1"));
    }

    private static KeyPair generate(String algorithm, java.security.spec.AlgorithmParameterSpec spec) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (spec != null) {
                generator.initialize(spec);
            }
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException | java.security.InvalidAlgorithmParameterException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(String text) {
        return Json.tree(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Hands out fixed bytes: makes key generation reproducible from a seed. */
    private static final class FixedRandom extends SecureRandom {
        private final byte[] bytes;

        FixedRandom(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] out) {
            System.arraycopy(bytes, 0, out, 0, out.length);
        }
    }
}
