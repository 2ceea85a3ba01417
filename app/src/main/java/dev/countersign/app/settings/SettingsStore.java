package dev.countersign.app.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.countersign.app.common.UserText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The small JSON settings file in the data folder. Reading is lenient (a newer console may add fields); writing is
 * atomic, so a crash leaves either the old file or the new one.
 */
public final class SettingsStore {
    private final Path file;
    private final ObjectMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public SettingsStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public Optional<ReviewerSettings> load() throws SettingsException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readValue(file.toFile(), ReviewerSettings.class));
        } catch (JsonProcessingException e) {
            throw new SettingsException(new UserText("error.settings.notJson", file), e);
        } catch (IOException e) {
            throw new SettingsException(new UserText("error.settings.read", file, e.getMessage()), e);
        }
    }

    public void save(ReviewerSettings settings) throws SettingsException {
        try {
            AtomicFiles.write(file, mapper.writeValueAsBytes(settings));
        } catch (IOException e) {
            throw new SettingsException(new UserText("error.settings.write", file, e.getMessage()), e);
        }
    }
}
