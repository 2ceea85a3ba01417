package dev.countersign.app.settings;

import dev.countersign.app.common.UserText;
import dev.countersign.model.json.Json;
import dev.countersign.model.json.JsonFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The reviewer's saved queue filters, in {@code filters.json} in the data folder. Read strictly; a file that cannot be
 * read as saved filters is never overwritten: it is moved aside (renamed {@code filters.json.unreadable-<time>}) and
 * the console starts with none. Writing is atomic, so a crash leaves either the old file or the new one.
 */
public final class SavedFilterStore {
    public static final String FILE = "filters.json";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    /**
     * What was read. {@code movedAside} is where an unreadable file went, and {@code problem} what was wrong with it
     * (the JSON path and problem, or the read error).
     */
    public record Loaded(List<SavedFilter> filters, Optional<Path> movedAside, Optional<String> problem) {}

    private final Path file;
    private final Clock clock;

    public SavedFilterStore(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    /** The saved filters; none if there is no file. An unreadable file is moved aside, not lost. */
    public Loaded load() throws SettingsException {
        if (!Files.exists(file)) {
            return new Loaded(List.of(), Optional.empty(), Optional.empty());
        }
        String problem;
        try {
            byte[] bytes = Files.readAllBytes(file);
            return new Loaded(Json.parse(bytes, SavedFilters.class).filters(), Optional.empty(), Optional.empty());
        } catch (JsonFormatException e) {
            problem = e.getMessage();
        } catch (IOException e) {
            problem = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        Path aside = file.resolveSibling(file.getFileName() + ".unreadable-" + STAMP.format(clock.instant()));
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SettingsException(new UserText("error.filters.notMovedAside", file, problem, e.getMessage()),
                    e);
        }
        return new Loaded(List.of(), Optional.of(aside), Optional.of(problem));
    }

    public void save(List<SavedFilter> filters) throws SettingsException {
        try {
            AtomicFiles.write(file, Json.bytes(SavedFilters.of(filters)));
        } catch (IOException e) {
            throw new SettingsException(new UserText("error.filters.write", file, e.getMessage()), e);
        }
    }
}
