package dev.countersign.model.bundle;

import dev.countersign.model.crypto.SignatureAlgorithm;
import dev.countersign.model.log.Checkpoints;
import dev.countersign.model.record.DecisionRecords;
import java.nio.charset.StandardCharsets;
import java.util.SortedSet;

/**
 * VERIFY.md: how to check one bundle with standard tools (bash, coreutils, OpenSSL 3, jq), step by step. The shell
 * blocks, run in order in the folder the bundle was unzipped to, form a script that stops at the first check that
 * fails; {@code BundleVerifyGuideTest} runs them.
 */
final class VerifyGuide {
    /** What the guide names for this bundle. */
    record Facts(String gatewayKeyId, String exporterKeyId, String exporter, SignatureAlgorithm exporterAlgorithm,
            long firstIndex, int records, SortedSet<String> p256KeyIds) {}

    private VerifyGuide() {}

    static String text(Facts facts) {
        hex(facts.gatewayKeyId());
        hex(facts.exporterKeyId());
        facts.p256KeyIds().forEach(VerifyGuide::hex);
        String exporterPem = BundleFormat.keyPath(facts.exporterKeyId());
        String manifestType = BundleFormat.MANIFEST_PAYLOAD_TYPE;
        String checkpointType = Checkpoints.PAYLOAD_TYPE;
        String recordType = DecisionRecords.PAYLOAD_TYPE;
        String verifyManifest = facts.exporterAlgorithm() == SignatureAlgorithm.ED25519
                ? "openssl pkeyutl -verify -pubin -inkey " + exporterPem + " -rawin -in \"$work/manifest.pae\" -sigfile \"$work/manifest.sig\""
                : "openssl dgst -sha256 -verify " + exporterPem + " -signature \"$work/manifest.sig\" \"$work/manifest.pae\"";
        return """
                # Checking this evidence bundle

                This bundle proves %d decision records of the Countersign gateway whose key id is

                    %s

                **Compare this key id with the gateway key id you obtained out of band** (from the gateway's operator,
                or from `openssl pkey -pubin -in gateway.pub.pem -outform DER | sha256sum` on a key you trust). Every
                check below only shows that the bundle is consistent with the key it carries; that key is what ties it
                to the real gateway.

                You need bash, coreutils (`sha256sum`, `base64`, `stat`), OpenSSL 3 and jq. Unzip the bundle into an
                empty folder and, in that folder, run the shell blocks below as one script; it stops with an error at
                the first check that fails and ends with `All checks passed.` (with thousands of records, step 6 takes
                a few minutes):

                    sed -n '/^```sh$/,/^```$/{/^```/d;p}' VERIFY.md > ../verify.sh && bash ../verify.sh

                Read each block before you run it: the explanations say what each check proves. This guide travels
                inside the bundle, so whoever made the bundle could have written it: a forged bundle can carry a guide
                that passes. Check that its commands are the ones Countersign documents (docs/formats.md, *Evidence
                bundle*), and never run it as root.

                ```sh
                set -euo pipefail
                work=$(mktemp -d)
                ```

                ## 1. The manifest is signed by the exporter

                `manifest.json` lists every other file with its size and sha256; `manifest.sig.json` is a DSSE envelope
                of it signed by the key of %s (key id `%s`), whose key must be listed for them in `reviewers.json`.

                ```sh
                jq -r .payload manifest.sig.json | base64 -d > "$work/manifest.payload"
                cmp "$work/manifest.payload" manifest.json
                test "$(jq -r '.signatures[0].keyid' manifest.sig.json)" = "%s"
                test "$(openssl pkey -pubin -in %s -outform DER | sha256sum | cut -d' ' -f1)" = "%s"
                jq -e --arg r "$(jq -r .exportedBy manifest.json)" --arg k "%s" '.reviewers[] | select(.reviewer == $r) | .keys[] | select(.keyId == $k)' reviewers.json > /dev/null
                jq -r '.signatures[0].sig' manifest.sig.json | base64 -d > "$work/manifest.sig"
                printf 'DSSEv1 %d %s %%d ' "$(stat -c %%s manifest.json)" > "$work/manifest.pae"
                cat manifest.json >> "$work/manifest.pae"
                %s
                echo "OK: the manifest is signed by the exporter"
                ```

                ## 2. Every file is the one the manifest lists, and nothing else is there

                ```sh
                jq -r '.files[] | "\\(.sha256)  \\(.path)"' manifest.json | sha256sum -c --strict --quiet
                jq -r '.files[] | "\\(.size) \\(.path)"' manifest.json | while read -r size path; do test "$(stat -c %%s "$path")" = "$size"; done
                find . -type f ! -name manifest.json ! -name manifest.sig.json | sed 's|^\\./||' | LC_ALL=C sort > "$work/present"
                jq -r '.files[].path' manifest.json | LC_ALL=C sort > "$work/listed"
                diff "$work/listed" "$work/present"
                echo "OK: every file matches the manifest"
                ```

                ## 3. The checkpoint is signed by the gateway key

                ```sh
                test "$(openssl pkey -pubin -in %s -outform DER | sha256sum | cut -d' ' -f1)" = "%s"
                test "$(jq -r .gatewayKeyId manifest.json)" = "%s"
                jq -r .payload %s | base64 -d > "$work/checkpoint.json"
                jq -r '.signatures[0].sig' %s | base64 -d > "$work/checkpoint.sig"
                printf 'DSSEv1 %d %s %%d ' "$(stat -c %%s "$work/checkpoint.json")" > "$work/checkpoint.pae"
                cat "$work/checkpoint.json" >> "$work/checkpoint.pae"
                openssl pkeyutl -verify -pubin -inkey %s -rawin -in "$work/checkpoint.pae" -sigfile "$work/checkpoint.sig"
                test "$(jq -r .gatewayKeyId "$work/checkpoint.json")" = "%s"
                echo "OK: the checkpoint is signed by the gateway key"
                ```

                ## 4. The log segment chains up to the checkpoint

                `%s` holds entries %d to size−1 of the gateway's log, one canonical JSON entry per line; an entry's
                hash is the sha256 of its line (without the newline). Each entry names the hash of the one before, and
                the checkpoint names the hash of the last.

                ```sh
                size=$(jq -r .size "$work/checkpoint.json")
                jq -r .index %s > "$work/indexes"
                seq %d $((size - 1)) | diff - "$work/indexes"
                while IFS= read -r line; do printf '%%s' "$line" | sha256sum | cut -d' ' -f1; done < %s > "$work/hashes"
                jq -r .previousHash %s | tail -n +2 > "$work/chained"
                head -n -1 "$work/hashes" | diff - "$work/chained"
                test "$(tail -n 1 "$work/hashes")" = "$(jq -r .headHash "$work/checkpoint.json")"
                if [ %d -eq 0 ]; then test "$(head -n 1 %s | jq -r .previousHash)" = "%s"; fi
                echo "OK: the log segment chains up to the checkpoint"
                ```

                ## 5. Each record is in the log, and bound to its proposal and context

                A record's file is the canonical JSON of its DSSE envelope, so its sha256 is the `recordDigest` of its
                log entry; a proposal's file is its canonical JSON, whose sha256 the record's subject names; a context
                file is named by its sha256, which the decision names as `contextDigest`.

                ```sh
                jq -r --slurpfile m manifest.json '($m[0].recordIds | map({key: ., value: true}) | from_entries) as $ids
                  | select($ids[.recordId]) | "\\(.recordDigest)  records/\\(.recordId).json"' %s > "$work/logged.sha256"
                test "$(wc -l < "$work/logged.sha256")" = "$(jq '.recordIds | length' manifest.json)"
                sha256sum -c --strict --quiet "$work/logged.sha256"
                jq -n -r 'inputs | .payload | @base64d | fromjson
                  | "\\(.subject[0].digest.sha256)  proposals/\\(.predicate.proposalId)/v\\(.predicate.proposalVersion).json",
                    "\\(.predicate.contextDigest)  contexts/\\(.predicate.contextDigest).json"' records/*.json | sort -u > "$work/bound.sha256"
                sha256sum -c --strict --quiet "$work/bound.sha256"
                echo "OK: every record is in the log and bound to its proposal and context"
                ```

                ## 6. Each record is signed by its reviewer's key, enrolled at the time

                A record is a DSSE envelope: the signature covers `DSSEv1 <length of type> <type> <length of payload>
                <payload>`. A reviewer's key is `keys/<key id>.pub.pem`; an automatic approval (reviewer
                `gateway:policy`) is signed by the gateway key. Keys listed here sign ECDSA P-256 (checked with
                `openssl dgst`); the others Ed25519 (checked with `openssl pkeyutl -rawin`).

                ```sh
                p256=" %s "
                for f in records/*.json; do
                  jq -r .payload "$f" | base64 -d > "$work/statement.json"
                  jq -r '.signatures[0].sig' "$f" | base64 -d > "$work/record.sig"
                  keyid=$(jq -r '.signatures[0].keyid' "$f")
                  test "$(jq -r .predicate.keyId "$work/statement.json")" = "$keyid"
                  if [ "$(jq -r .predicate.reviewer "$work/statement.json")" = "gateway:policy" ]; then
                    pem=%s
                  else
                    pem="keys/$keyid.pub.pem"
                  fi
                  test "$(openssl pkey -pubin -in "$pem" -outform DER | sha256sum | cut -d' ' -f1)" = "$keyid"
                  printf 'DSSEv1 %d %s %%d ' "$(stat -c %%s "$work/statement.json")" > "$work/record.pae"
                  cat "$work/statement.json" >> "$work/record.pae"
                  case "$p256" in
                    *" $keyid "*) openssl dgst -sha256 -verify "$pem" -signature "$work/record.sig" "$work/record.pae" > /dev/null ;;
                    *) openssl pkeyutl -verify -pubin -inkey "$pem" -rawin -in "$work/record.pae" -sigfile "$work/record.sig" > /dev/null ;;
                  esac || { echo "FAILED: the signature of $f"; exit 1; }
                done
                echo "OK: every record's signature verifies"
                ```

                Then each key must have been enrolled for the reviewer the record names when they decided and when the
                gateway logged it, and not revoked before it was logged (times compared to the second):

                ```sh
                jq -n -r --slurpfile log %s --slurpfile rv reviewers.json '
                  def t: sub("\\\\.[0-9]+Z$"; "Z") | fromdateiso8601;
                  ($log | map({key: .recordId, value: .recordedAt}) | from_entries) as $at
                  | ($rv[0].reviewers | map(.reviewer as $r | .keys[] | {key: ($r + " " + .keyId), value: .}) | from_entries) as $keys
                  | inputs
                  | (input_filename | ltrimstr("records/") | rtrimstr(".json")) as $id
                  | (.payload | @base64d | fromjson | .predicate) as $d
                  | select($d.reviewer != "gateway:policy")
                  | $keys[$d.reviewer + " " + $d.keyId] as $k
                  | if $k == null then "\\($id): key \\($d.keyId) is not listed for \\($d.reviewer)"
                    elif ($k.enrolledAt | t) > ($d.decidedAt | t) or ($k.enrolledAt | t) > ($at[$id] | t)
                      then "\\($id): the key was enrolled after the decision"
                    elif $k.revokedAt != null and ($k.revokedAt | t) <= ($at[$id] | t)
                      then "\\($id): the key was revoked before the record was logged"
                    else empty end' records/*.json > "$work/enrollment"
                if [ -s "$work/enrollment" ]; then cat "$work/enrollment"; exit 1; fi
                rm -r "$work"
                echo "OK: every key was enrolled for its reviewer at the time"
                echo "All checks passed. Now compare the gateway key id %s with the one you obtained out of band."
                ```

                Countersign's own check (`countersign verify FILE`, or File → Open in the console) does all of the
                above, and names the file and record of anything that does not verify.
                """.formatted(facts.records(), facts.gatewayKeyId(),
                prose(facts.exporter()), facts.exporterKeyId(),
                facts.exporterKeyId(), exporterPem, facts.exporterKeyId(), facts.exporterKeyId(),
                length(manifestType), manifestType, verifyManifest,
                BundleFormat.GATEWAY_KEY, facts.gatewayKeyId(), facts.gatewayKeyId(), BundleFormat.CHECKPOINT,
                BundleFormat.CHECKPOINT, length(checkpointType), checkpointType, BundleFormat.GATEWAY_KEY,
                facts.gatewayKeyId(),
                BundleFormat.LOG_ENTRIES, facts.firstIndex(),
                BundleFormat.LOG_ENTRIES, facts.firstIndex(), BundleFormat.LOG_ENTRIES, BundleFormat.LOG_ENTRIES,
                facts.firstIndex(), BundleFormat.LOG_ENTRIES, dev.countersign.model.log.LogEntry.GENESIS,
                BundleFormat.LOG_ENTRIES,
                String.join(" ", facts.p256KeyIds()), BundleFormat.GATEWAY_KEY, length(recordType), recordType,
                BundleFormat.LOG_ENTRIES, facts.gatewayKeyId());
    }

    private static int length(String payloadType) {
        return payloadType.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * A name for the guide's prose: shown as it is only when it is plainly a name. The reviewer's name comes from the
     * gateway, and the guide is read (and its blocks run) by an auditor, so nothing here may be able to end a code
     * block or a quoted string; the script itself reads the name from manifest.json.
     */
    static String prose(String name) {
        return name != null && name.matches("[A-Za-z0-9._@+:-]{1,320}") ? name
                : "the exporter named in manifest.json (exportedBy)";
    }

    /** Facts interpolated into the script itself: only key ids and numbers, each checked to be exactly that. */
    static String hex(String keyId) {
        if (!BundleFormat.hex64(keyId)) {
            throw new IllegalArgumentException("key id '" + keyId + "' cannot be written into VERIFY.md");
        }
        return keyId;
    }
}
