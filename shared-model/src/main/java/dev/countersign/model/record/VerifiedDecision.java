package dev.countersign.model.record;

import dev.countersign.model.Decision;

/** A decision whose record verified: the decision, the proposal digest it is bound to, and the signing key id. */
public record VerifiedDecision(Decision decision, String subjectName, String proposalDigest, String keyId) {}
