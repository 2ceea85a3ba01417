package dev.countersign.model.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.countersign.model.json.Json;
import java.util.Locale;

/** A bundle report in words for people (the verify command's default) and as JSON (its {@code --json}). */
public final class BundleReports {
    private BundleReports() {}

    /** Plain text: the verdict first, the gateway key it is anchored to, then every finding at its file and record. */
    public static String text(BundleReport report) {
        StringBuilder out = new StringBuilder();
        Counts counts = Counts.of(report);
        out.append(switch (report.status()) {
            case VALID -> pinned(report)
                    ? "VALID: every file and every record of the bundle verifies against the pinned gateway key."
                    : "VALID, BUT ONLY AGAINST THE GATEWAY KEY THE BUNDLE CARRIES: every file and record is consistent"
                            + " with it, which a forger can also achieve. Compare the key id below with your gateway's,"
                            + " or run again with --gateway-key.";
            case INVALID -> "INVALID: the bundle does not prove what it claims (" + counts.errors + " "
                    + plural(counts.errors, "problem") + ").";
            case UNREADABLE -> "UNREADABLE: this is not an evidence bundle that can be read.";
        }).append('\n');
        out.append("Bundle: ").append(report.file()).append('\n');
        String gatewayKeyId = gatewayKeyId(report);
        if (gatewayKeyId != null) {
            out.append("Gateway key: ").append(gatewayKeyId).append(pinned(report)
                    ? " (pinned)" : " (NOT pinned: compare this key id with the gateway's, obtained out of band)")
                    .append('\n');
        }
        BundleManifest manifest = report.manifest();
        if (manifest != null) {
            out.append("Exported by: ").append(manifest.exportedBy()).append(", key ").append(manifest.exporterKeyId())
                    .append(", at ").append(manifest.exportedAt()).append(" with ").append(manifest.producer())
                    .append('\n');
        }
        if (report.result() != null) {
            out.append("Records: ").append(counts.records).append(" (").append(counts.verified).append(" verified, ")
                    .append(counts.failed).append(" failed, ").append(counts.unknown).append(" not checkable)")
                    .append('\n');
        }
        out.append("Findings: ").append(counts.errors).append(' ').append(plural(counts.errors, "error")).append(", ")
                .append(counts.warnings).append(' ').append(plural(counts.warnings, "warning")).append('\n');
        for (Finding finding : report.findings()) {
            out.append("  ").append(finding.severity()).append(' ')
                    .append(finding.file() == null ? "(bundle)" : finding.file());
            if (finding.recordId() != null) {
                out.append(" [record ").append(finding.recordId()).append(']');
            }
            out.append(": ").append(finding.message()).append('\n');
        }
        return out.toString();
    }

    /** One JSON object: status, exit code, manifest facts, gateway key id, per-record states and findings. */
    public static String json(BundleReport report) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        Counts counts = Counts.of(report);
        root.put("status", report.status().name());
        root.put("exitCode", report.status().exitCode());
        root.put("file", report.file());
        String gatewayKeyId = gatewayKeyId(report);
        if (gatewayKeyId != null) {
            root.put("gatewayKeyId", gatewayKeyId);
            root.put("gatewayKeyPinned", pinned(report));
        }
        BundleManifest manifest = report.manifest();
        if (manifest != null) {
            ObjectNode m = root.putObject("manifest");
            m.put("format", manifest.format());
            m.put("exportedBy", manifest.exportedBy());
            m.put("exporterKeyId", manifest.exporterKeyId());
            m.put("exportedAt", String.valueOf(manifest.exportedAt()));
            m.put("producer", manifest.producer());
            m.put("gatewayKeyId", manifest.gatewayKeyId());
            m.put("records", manifest.recordIds().size());
            m.put("files", manifest.files().size());
        }
        ObjectNode c = root.putObject("counts");
        c.put("records", counts.records);
        c.put("verified", counts.verified);
        c.put("failed", counts.failed);
        c.put("unknown", counts.unknown);
        c.put("errors", counts.errors);
        c.put("warnings", counts.warnings);
        ArrayNode records = root.putArray("records");
        if (report.result() != null) {
            for (RecordCheck check : report.result().records()) {
                ObjectNode r = records.addObject();
                r.put("recordId", check.recordId());
                r.put("logIndex", check.logIndex());
                if (check.decision() != null) {
                    r.put("reviewer", check.decision().reviewer());
                    r.put("proposalId", check.decision().proposalId());
                    r.put("proposalVersion", check.decision().proposalVersion());
                    r.put("verdict", check.decision().verdict().json());
                }
                r.put("verified", check.verified());
                r.put("signature", state(check.signature()));
                r.put("keyEnrolled", state(check.keyEnrolled()));
                r.put("inLog", state(check.inLog()));
                r.put("proposal", state(check.proposal()));
                r.put("context", state(check.context()));
            }
        }
        ArrayNode findings = root.putArray("findings");
        for (Finding finding : report.findings()) {
            ObjectNode o = findings.addObject();
            o.put("severity", finding.severity().name());
            o.put("file", finding.file());
            o.put("recordId", finding.recordId());
            o.put("code", finding.code());
            o.put("message", finding.message());
        }
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON", e);
        }
    }

    private static String state(RecordCheck.State state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    private static String gatewayKeyId(BundleReport report) {
        if (report.result() != null && report.result().gatewayKeyId() != null) {
            return report.result().gatewayKeyId();
        }
        return report.manifest() == null ? null : report.manifest().gatewayKeyId();
    }

    /** Pinned unless the verifier said it took the bundle's own key. */
    private static boolean pinned(BundleReport report) {
        return report.result() != null && report.findings().stream()
                .noneMatch(f -> "gateway-key-unpinned".equals(f.code()));
    }

    private static String plural(long n, String word) {
        return n == 1 ? word : word + "s";
    }

    private record Counts(long records, long verified, long failed, long unknown, long errors, long warnings) {
        static Counts of(BundleReport report) {
            long records = 0;
            long verified = 0;
            long failed = 0;
            if (report.result() != null) {
                records = report.result().records().size();
                verified = report.result().records().stream().filter(RecordCheck::verified).count();
                failed = report.result().records().stream().filter(RecordCheck::failed).count();
            }
            long errors = report.findings().stream().filter(x -> x.severity() == Finding.Severity.ERROR).count();
            return new Counts(records, verified, failed, records - verified - failed, errors,
                    report.findings().size() - errors);
        }
    }
}
