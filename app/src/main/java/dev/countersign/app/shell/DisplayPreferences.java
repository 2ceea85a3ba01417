package dev.countersign.app.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.countersign.app.settings.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How this person likes the console to look, kept in {@code display.json} in the data folder. A look is not worth
 * stopping anyone over: a missing or unreadable file means the light theme (logged), and the file is only replaced,
 * atomically, when the person picks a theme.
 */
public final class DisplayPreferences {
    public static final String FILE = "display.json";
    private static final Logger LOG = LoggerFactory.getLogger(DisplayPreferences.class);

    private final Path file;
    private final ObjectMapper mapper = new ObjectMapper();

    public DisplayPreferences(Path dataDir) {
        this.file = dataDir.resolve(FILE);
    }

    public Theme theme() {
        if (!Files.isRegularFile(file)) {
            return Theme.LIGHT;
        }
        try {
            JsonNode theme = mapper.readTree(file.toFile()).path("theme");
            for (Theme t : Theme.values()) {
                if (t.json().equals(theme.asText())) {
                    return t;
                }
            }
            LOG.warn("{} names no known theme ({}); using the light theme", file, theme);
        } catch (IOException e) {
            LOG.warn("{} cannot be read; using the light theme", file, e);
        }
        return Theme.LIGHT;
    }

    /** Remembers the theme; a failure to write is logged, never shown (the theme still changed for this run). */
    public void remember(Theme theme) {
        try {
            ObjectNode doc = mapper.createObjectNode().put("theme", theme.json());
            AtomicFiles.write(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc));
        } catch (IOException e) {
            LOG.warn("cannot remember the theme in {}", file, e);
        }
    }
}
