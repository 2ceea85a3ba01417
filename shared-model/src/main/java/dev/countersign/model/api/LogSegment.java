package dev.countersign.model.api;

import dev.countersign.model.InvalidFieldException;
import dev.countersign.model.Require;
import dev.countersign.model.log.LogEntry;
import java.util.List;

/** A run of decision log entries in index order ({@code GET /v1/log/entries}) and the log's size when it was read. */
public record LogSegment(List<LogEntry> entries, long size) {
    public LogSegment {
        entries = Require.list(entries, "entries");
        if (size < 0) {
            throw new InvalidFieldException("size", "must not be negative");
        }
    }
}
