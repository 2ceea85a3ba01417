package dev.countersign.model.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a bundle's files into memory, within limits, without extracting anything: a name that could escape a folder
 * or is not part of the layout, a duplicate, an oversized or suspiciously compressed file is not read but reported at
 * its name. Sizes are counted by the bytes actually inflated, never by what the zip declares.
 */
final class BundleReader {
    /** At most this many entries are looked at. */
    static final int MAX_ENTRIES = 500_000;
    /** No single file may inflate to more. */
    static final long MAX_FILE_BYTES = 64L << 20;
    /** All files together may inflate to no more. */
    static final long MAX_TOTAL_BYTES = 512L << 20;
    /** A file that inflates to more than this many times its compressed size (once past 1 MiB) is a zip bomb. */
    static final long MAX_RATIO = 100;
    static final long RATIO_FLOOR = 1L << 20;

    private static final String ID = "[A-Za-z0-9_-]{1,128}";
    private static final String HEX = "[0-9a-f]{64}";
    private static final Pattern LAYOUT = Pattern.compile("VERIFY\\.md|manifest\\.json|manifest\\.sig\\.json"
            + "|reviewers\\.json|keys/gateway\\.pub\\.pem|keys/" + HEX + "\\.pub\\.pem|log/checkpoint\\.json"
            + "|log/entries\\.jsonl|records/" + ID + "\\.json|proposals/" + ID + "/v[1-9][0-9]{0,8}\\.json"
            + "|contexts/" + HEX + "\\.json");
    private static final Pattern LAYOUT_FOLDER = Pattern.compile("(keys|log|records|proposals|contexts|proposals/"
            + ID + ")/");

    /** How much a bundle may hold; {@link #DEFAULT} unless a test wants smaller ones. */
    record Limits(int maxEntries, long maxFileBytes, long maxTotalBytes, long maxRatio) {
        static final Limits DEFAULT = new Limits(MAX_ENTRIES, MAX_FILE_BYTES, MAX_TOTAL_BYTES, MAX_RATIO);
    }

    /** The files read, by name in zip order, and what was wrong with the others. */
    record Files(Map<String, byte[]> files, List<Finding> findings) {}

    /** Thrown when the file is not a zip that can be opened at all. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    private BundleReader() {}

    static Files read(Path bundle, Limits limits) throws Unreadable {
        return read(bundle, limits, 1);
    }

    /**
     * Looks at every entry's name first, in zip order, then inflates the entries worth reading on {@code threads}
     * threads (a ZipFile serves concurrent streams), keeping the zip's order in what it returns.
     */
    static Files read(Path bundle, Limits limits, int threads) throws Unreadable {
        List<Finding> findings = new java.util.ArrayList<>();
        try {
            if (java.nio.file.Files.size(bundle) > limits.maxTotalBytes()) {
                throw new Unreadable("the file is larger than " + limits.maxTotalBytes()
                        + " bytes, more than a bundle may inflate to");
            }
        } catch (IOException e) {
            throw new Unreadable("the file cannot be read: " + e.getMessage());
        }
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            Map<String, String> seen = new HashMap<>();
            java.util.Set<String> duplicated = new java.util.HashSet<>();
            List<ZipEntry> toRead = new java.util.ArrayList<>();
            int count = 0;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (++count > limits.maxEntries()) {
                    findings.add(Finding.error(null, null, "too-many-entries", "the bundle holds more than "
                            + limits.maxEntries() + " entries; the rest were not read"));
                    break;
                }
                String name = entry.getName();
                String shown = shown(name);
                String problem = nameProblem(name);
                if (problem != null) {
                    findings.add(Finding.error(shown, null, "bad-name", problem));
                    continue;
                }
                String folded = name.toLowerCase(Locale.ROOT);
                String earlier = seen.putIfAbsent(folded, name);
                if (earlier != null) {
                    findings.add(Finding.error(shown, null, earlier.equals(name) ? "duplicate" : "duplicate-case",
                            earlier.equals(name) ? "the bundle holds this file more than once"
                                    : "the bundle holds this file also as " + shown(earlier)));
                    duplicated.add(earlier); // neither copy is taken
                    continue;
                }
                if (entry.isDirectory()) {
                    if (!LAYOUT_FOLDER.matcher(name).matches()) {
                        findings.add(Finding.error(shown, null, "not-in-layout", "no such folder belongs in a bundle"));
                    }
                    continue;
                }
                if (!LAYOUT.matcher(name).matches()) {
                    findings.add(Finding.error(shown, null, "not-in-layout", "no such file belongs in a bundle"));
                    continue;
                }
                toRead.add(entry);
            }
            java.util.concurrent.atomic.AtomicLong total = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.atomic.AtomicBoolean full = new java.util.concurrent.atomic.AtomicBoolean();
            List<Object> read = Parallel.map(toRead, threads, entry -> readOne(zip, entry, limits, total, full),
                    BundleProgress.NONE, () -> { });
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (int i = 0; i < toRead.size(); i++) {
                Object outcome = read.get(i);
                if (outcome instanceof Finding finding) {
                    findings.add(finding);
                } else if (outcome instanceof byte[] bytes && !duplicated.contains(toRead.get(i).getName())) {
                    files.put(toRead.get(i).getName(), bytes);
                }
            }
            return new Files(files, findings);
        } catch (ZipException e) {
            throw new Unreadable("not a readable zip file: " + e.getMessage());
        } catch (IOException e) {
            throw new Unreadable("the file cannot be read: " + e.getMessage());
        } catch (RuntimeException e) {
            // the JDK's zip code throws IllegalArgumentException for a name that is not valid UTF-8, for instance
            throw new Unreadable("not a readable zip file: " + e.getMessage());
        }
    }

    /** One entry's bytes, or the finding that says why it was not read, or null once the total was reached. */
    private static Object readOne(ZipFile zip, ZipEntry entry, Limits limits,
            java.util.concurrent.atomic.AtomicLong total, java.util.concurrent.atomic.AtomicBoolean full) {
        if (full.get()) {
            return null; // the total was reached: the rest is not read (one finding says so)
        }
        String shown = shown(entry.getName());
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = readAtMost(in, limits, limits.maxTotalBytes() - total.get(), entry.getCompressedSize(),
                    entry.getSize());
            if (total.addAndGet(bytes.length) > limits.maxTotalBytes()) {
                return full.getAndSet(true) ? null : Finding.error(shown, null, "total-too-large",
                        "the bundle inflates to more than " + limits.maxTotalBytes() + " bytes; the rest was not read");
            }
            return bytes;
        } catch (ZipException e) {
            return Finding.error(shown, null, "unreadable", "the file cannot be inflated: " + e.getMessage());
        } catch (IOException e) {
            return Finding.error(shown, null, "unreadable", "the file cannot be read: " + e.getMessage());
        } catch (Limit limit) {
            if (limit.code.equals("total-too-large") && full.getAndSet(true)) {
                return null;
            }
            return Finding.error(shown, null, limit.code, limit.getMessage());
        }
    }

    /** Why a name may not even be looked at, or null. */
    static String nameProblem(String name) {
        if (name.isEmpty()) {
            return "an entry has an empty name";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                return "the name holds a control character";
            }
        }
        if (name.startsWith("/")) {
            return "the name is an absolute path";
        }
        if (name.indexOf('\\') >= 0) {
            return "the name holds a backslash";
        }
        if (name.indexOf(':') >= 0) {
            return "the name holds a colon (a drive letter or stream)";
        }
        String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                return "the name climbs out of the folder (..)";
            }
            if (segment.isEmpty() || segment.equals(".")) {
                return "the name has an empty or '.' segment";
            }
        }
        return null;
    }

    /** The name as it may be shown: control characters and backslashes escaped. */
    static String shown(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || Character.isSurrogate(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.length() > 300 ? sb.substring(0, 300) + "…" : sb.toString();
    }

    private static byte[] readAtMost(InputStream in, Limits limits, long left, long compressed, long declared)
            throws IOException, Limit {
        // sized by the declared size as a hint only (never trusted beyond 1 MiB): tens of thousands of small files
        // would otherwise each allocate and grow buffers far larger than themselves
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(
                (int) Math.min(Math.max(declared, 256), 1 << 20));
        byte[] buffer = new byte[8 * 1024];
        long read = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            read += n;
            if (read > limits.maxFileBytes()) {
                throw new Limit("too-large", "the file inflates to more than " + limits.maxFileBytes() + " bytes");
            }
            if (read > left) {
                throw new Limit("total-too-large", "the bundle inflates to more than " + limits.maxTotalBytes()
                        + " bytes; the rest was not read");
            }
            if (read > RATIO_FLOOR && read > limits.maxRatio() * Math.max(1, compressed)) {
                throw new Limit("zip-bomb", "the file inflates to more than " + limits.maxRatio()
                        + " times its compressed size (" + compressed + " bytes): a zip bomb");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** A limit reached while inflating. */
    private static final class Limit extends Exception {
        final String code;

        Limit(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }
}
