package dev.countersign.app.settings;

import dev.countersign.model.Require;
import java.util.List;

/** The saved-filters file: its format version and the filters, in the order the reviewer saved them. */
public record SavedFilters(int version, List<SavedFilter> filters) {
    public static final int VERSION = 1;

    public SavedFilters {
        if (version != VERSION) {
            throw new dev.countersign.model.InvalidFieldException("version", "must be " + VERSION);
        }
        filters = List.copyOf(Require.list(filters, "filters"));
    }

    public static SavedFilters of(List<SavedFilter> filters) {
        return new SavedFilters(VERSION, filters);
    }
}
