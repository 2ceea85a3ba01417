package dev.countersign.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every key the code names as a literal ({@code messages.get("…")}, {@code messages.format("…", …)},
 * {@code new UserText("…", …)}) is in the bundle, and the bundle defines no key twice (the later line would win
 * silently, as can happen when branches that add keys are merged). Keys built at run time (a prefix and an enum's
 * value) are checked by {@link MessagesTest}.
 */
class MessagesCoverageTest {
    private static final Pattern KEY_USE = Pattern.compile(
            "(?:\\b\\w*[mM]essages\\s*\\.\\s*(?:get|format)|\\bnew\\s+UserText)\\s*\\(\\s*\"([^\"]+)\"\\s*[,)]");
    private static final Pattern NO_ARGS = Pattern.compile("\\bnew\\s+UserText\\s*\\(\\s*\"([^\"]+)\"\\s*\\)");

    private final Messages messages = Messages.load(Locale.ENGLISH);

    @Test
    void everyKeyNamedInTheCodeIsInTheBundle() throws IOException {
        Set<String> missing = new TreeSet<>();
        int found = 0;
        for (Source source : sources()) {
            Matcher m = KEY_USE.matcher(source.text);
            while (m.find()) {
                found++;
                if (!messages.has(m.group(1))) {
                    missing.add(m.group(1) + " (" + source.file.getFileName() + ")");
                }
            }
        }
        assertTrue(found > 300, "the scan found only " + found + " keys: is the pattern still right?");
        assertEquals(Set.of(), missing, "keys used in the code but not in messages.properties");
    }

    @Test
    void aTextGivenNoArgumentsHasNoPlaceholders() throws IOException {
        Set<String> wrong = new TreeSet<>();
        for (Source source : sources()) {
            Matcher m = NO_ARGS.matcher(source.text);
            while (m.find()) {
                String key = m.group(1);
                if (messages.has(key)
                        && new MessageFormat(messages.get(key), Locale.ENGLISH).getFormatsByArgumentIndex().length > 0) {
                    wrong.add(key);
                }
            }
        }
        assertEquals(Set.of(), wrong, "texts with {0}… raised without arguments");
    }

    @Test
    void noKeyIsDefinedTwice() throws IOException {
        Set<String> seen = new HashSet<>();
        Set<String> twice = new TreeSet<>();
        try (InputStream in = Messages.class.getResourceAsStream("/dev/countersign/app/messages.properties")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            boolean continued = false;
            for (String line : text.split("\\R")) {
                String trimmed = line.strip();
                boolean isContinuation = continued;
                continued = trimmed.endsWith("\\") && !trimmed.endsWith("\\\\");
                if (isContinuation || trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
                    continue;
                }
                String key = trimmed.split("\\s*[=:]", 2)[0];
                if (!seen.add(key)) {
                    twice.add(key);
                }
            }
        }
        assertEquals(Set.of(), twice, "keys defined more than once in messages.properties");
    }

    @Test
    void nestedTextsAreWordedAndNumbersFollowTheLocale() {
        UserText where = new UserText("error.rotation.whereToken", "YubiKey", "countersign-1");
        assertEquals("The key “k” on token YubiKey is not the key this console signs with; it may have been replaced."
                + " Nothing was signed.", messages.text(new UserText("error.token.keyReplaced", "k", "YubiKey")));
        assertTrue(messages.text(new UserText("error.rotation.unknown", where, "abc")).contains(
                "the new one (on token YubiKey as countersign-1)"));
        assertEquals("Use a passphrase of at least 1,000 characters.",
                messages.text(new UserText("error.key.passphraseShort", 1000)));
        assertEquals("Use a passphrase of at least 1.000 characters.",
                new Messages(messages.bundle(), Locale.GERMANY).text(new UserText("error.key.passphraseShort", 1000)));
    }

    @Test
    void anExceptionsMessageIsTheBundlesEnglishAndTheUserSeesTheBundlesText() {
        UserText text = new UserText("error.settings.notJson", "/s.json");
        Exception e = new dev.countersign.app.settings.SettingsException(text, null);
        assertEquals("The settings file /s.json is not valid JSON; fix or remove it.", e.getMessage());
        assertEquals(e.getMessage(), new UserErrors(messages).message(e));
    }

    private static List<Source> sources() throws IOException {
        Path root = Stream.of(Path.of("src/main/java"), Path.of("app/src/main/java"))
                .filter(Files::isDirectory).findFirst().orElseThrow();
        List<Source> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.add(new Source(file, Files.readString(file)));
            }
        }
        return sources;
    }

    private record Source(Path file, String text) {}
}
