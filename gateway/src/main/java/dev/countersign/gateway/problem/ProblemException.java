package dev.countersign.gateway.problem;

import dev.countersign.model.ProposalStatus;

/**
 * A request the gateway refuses, for a cause with a stable {@link ProblemType}. The message is the problem's
 * {@code detail}: written for the person who sent the request, never holding secrets.
 */
public final class ProblemException extends RuntimeException {
    private final ProblemType type;
    private final String proposalId;
    private final ProposalStatus proposalStatus;
    private final String path;

    private ProblemException(ProblemType type, String detail, String proposalId, ProposalStatus proposalStatus,
            String path, Throwable cause) {
        super(detail, cause, false, false);
        this.type = type;
        this.proposalId = proposalId;
        this.proposalStatus = proposalStatus;
        this.path = path;
    }

    public static ProblemException of(ProblemType type, String detail) {
        return new ProblemException(type, detail, null, null, null, null);
    }

    public static ProblemException atPath(ProblemType type, String path, String detail) {
        return new ProblemException(type, detail, null, null, path, null);
    }

    public static ProblemException aboutProposal(ProblemType type, String detail, String proposalId,
            ProposalStatus status) {
        return new ProblemException(type, detail, proposalId, status, null, null);
    }

    public ProblemType type() {
        return type;
    }

    public String detail() {
        return getMessage();
    }

    public String proposalId() {
        return proposalId;
    }

    public ProposalStatus proposalStatus() {
        return proposalStatus;
    }

    public String path() {
        return path;
    }
}
