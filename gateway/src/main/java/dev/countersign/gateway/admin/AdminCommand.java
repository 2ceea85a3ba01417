package dev.countersign.gateway.admin;

import dev.countersign.model.ActionType;
import dev.countersign.model.RiskTier;
import dev.countersign.model.api.DecisionRights;
import dev.countersign.model.api.EnrollmentReceipt;
import dev.countersign.model.api.EnrollmentRequest;
import dev.countersign.model.api.ReviewerList;
import dev.countersign.model.api.ReviewerView;
import dev.countersign.model.api.RightsGrant;
import dev.countersign.model.crypto.PublicKeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code countersign-gateway admin enroll|revoke|grant|list}: manage reviewers of a running gateway over its admin
 * API. The gateway's address and admin token come from {@code --url} and {@code --token-file}, else from
 * {@code gateway.url} and {@code admin.token} in {@code --data-dir}.
 */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Manage reviewers of a running gateway: enroll keys, revoke keys, grant rights, list.",
        subcommands = {AdminCommand.Enroll.class, AdminCommand.Revoke.class, AdminCommand.Grant.class,
                AdminCommand.ListReviewers.class})
public final class AdminCommand implements Callable<Integer> {
    static final int FAILED = 1;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return CommandLine.ExitCode.USAGE;
    }

    /** Where the gateway is and how to authenticate. */
    static final class Target {
        @Option(names = "--data-dir", paramLabel = "DIR",
                description = "The gateway's data folder, for gateway.url and admin.token. Default: ${DEFAULT-VALUE}.")
        Path dataDir = Path.of(System.getProperty("user.home"), ".countersign", "gateway");

        @Option(names = "--url", paramLabel = "URL",
                description = "The gateway's address (default: read <data-dir>/gateway.url).")
        URI url;

        @Option(names = "--token-file", paramLabel = "FILE",
                description = "File holding the admin token (default: <data-dir>/admin.token).")
        Path tokenFile;

        AdminClient client() throws AdminException {
            URI base = url != null ? url : URI.create(read(dataDir.resolve("gateway.url"), "the gateway's address"
                    + " (is the gateway running on this data folder? or give --url)"));
            String token = read(tokenFile != null ? tokenFile : dataDir.resolve("admin.token"), "the admin token");
            return new AdminClient(base, token);
        }
    }

    /** Decision rights as options. */
    static final class RightsOptions {
        @Option(names = "--action-types", split = ",", paramLabel = "TYPE",
                description = "Action types the reviewer may decide (default: all).")
        List<String> actionTypes;

        @Option(names = "--environments", split = ",", paramLabel = "ENV",
                description = "Environments the reviewer may decide in (default: all).")
        List<String> environments;

        @Option(names = "--max-tier", paramLabel = "TIER", description = "Highest risk tier: low, medium, high or"
                + " critical.")
        String maxTier;

        boolean given() {
            return actionTypes != null || environments != null || maxTier != null;
        }

        DecisionRights rights() throws AdminException {
            if (maxTier == null) {
                throw new AdminException("Give --max-tier with --action-types or --environments.");
            }
            return new DecisionRights(actionTypes == null ? null : actionTypes.stream().map(RightsOptions::action)
                    .toList(), environments, tier(maxTier));
        }

        private static RiskTier tier(String text) throws AdminException {
            for (RiskTier t : RiskTier.values()) {
                if (t.json().equals(text)) {
                    return t;
                }
            }
            throw new AdminException("--max-tier must be low, medium, high or critical, not " + text + ".");
        }

        private static ActionType action(String text) {
            return Arrays.stream(ActionType.values()).filter(a -> a.json().equals(text)).findFirst().orElseThrow(() ->
                    new CommandLine.ParameterException(new CommandLine(new AdminCommand()), "Unknown action type "
                            + text + "; one of " + Arrays.stream(ActionType.values()).map(ActionType::json).toList()));
        }
    }

    /** The shape of every subcommand: run, print, turn a failure into a message and exit status 1. */
    abstract static class Sub implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Target target = new Target();

        abstract void run(AdminClient client, PrintWriter out) throws AdminException;

        @Override
        public Integer call() {
            try {
                run(target.client(), spec.commandLine().getOut());
                spec.commandLine().getOut().flush();
                return 0;
            } catch (AdminException e) {
                spec.commandLine().getErr().println("countersign-gateway admin: " + e.getMessage());
                spec.commandLine().getErr().flush();
                return FAILED;
            }
        }
    }

    @Command(name = "enroll", mixinStandardHelpOptions = true,
            description = "Enroll a reviewer's public key (and set their rights when given).")
    static final class Enroll extends Sub {
        @Option(names = "--reviewer", required = true, description = "The reviewer, e.g. amara@northwind.example.")
        String reviewer;

        @Option(names = "--display-name", required = true, description = "The name people see.")
        String displayName;

        @Option(names = "--roles", split = ",", required = true, description = "Roles, comma-separated.")
        List<String> roles;

        @Option(names = "--public-key", required = true, paramLabel = "FILE.pem",
                description = "The reviewer's public key (PEM SubjectPublicKeyInfo; Ed25519 or ECDSA P-256).")
        Path publicKey;

        @Mixin
        RightsOptions rights = new RightsOptions();

        @Override
        void run(AdminClient client, PrintWriter out) throws AdminException {
            String key;
            try {
                key = PublicKeys.toBase64(PublicKeys.fromPem(read(publicKey, "the public key")));
            } catch (IllegalArgumentException e) {
                throw new AdminException(publicKey + " is not a usable public key: " + e.getMessage());
            }
            EnrollmentReceipt receipt = client.post("v1/admin/reviewers", new EnrollmentRequest(reviewer, displayName,
                    roles, key, rights.given() ? rights.rights() : null), EnrollmentReceipt.class);
            out.println("Enrolled key " + receipt.keyId() + " for " + receipt.reviewer() + ".");
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a reviewer's key; its open sessions end at once.")
    static final class Revoke extends Sub {
        @Option(names = "--key-id", required = true, description = "The key id (sha256 of the public key).")
        String keyId;

        @Override
        void run(AdminClient client, PrintWriter out) throws AdminException {
            ReviewerView r = client.post("v1/admin/keys/" + path(keyId) + "/revoke", null, ReviewerView.class);
            out.println("Revoked key " + keyId + " of " + r.reviewer() + "; its sessions have ended.");
        }
    }

    @Command(name = "grant", mixinStandardHelpOptions = true,
            description = "Replace a reviewer's decision rights (and roles, when given).")
    static final class Grant extends Sub {
        @Option(names = "--reviewer", required = true, description = "The reviewer.")
        String reviewer;

        @Option(names = "--roles", split = ",", description = "Replace the reviewer's roles too.")
        List<String> roles;

        @Mixin
        RightsOptions rights = new RightsOptions();

        @Override
        void run(AdminClient client, PrintWriter out) throws AdminException {
            ReviewerView r = client.post("v1/admin/reviewers/" + path(reviewer) + "/rights",
                    new RightsGrant(rights.rights(), roles), ReviewerView.class);
            out.println("Rights of " + r.reviewer() + ": " + ReviewerTexts.rights(r.rights()) + "; roles "
                    + String.join(", ", r.roles()) + ".");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List reviewers with their roles, rights and keys (revoked ones too).")
    static final class ListReviewers extends Sub {
        @Override
        void run(AdminClient client, PrintWriter out) throws AdminException {
            ReviewerList list = client.get("v1/admin/reviewers", ReviewerList.class);
            for (ReviewerView r : list.reviewers()) {
                ReviewerTexts.print(r, out);
            }
            out.println(list.reviewers().size() + (list.reviewers().size() == 1 ? " reviewer." : " reviewers."));
        }
    }

    private static String read(Path file, String what) throws AdminException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new AdminException("Cannot read " + what + " from " + file + ": " + e.getMessage());
        }
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
