package dev.countersign.app.records;

import java.util.List;

/**
 * Where the records view's rows come from. Called off the UI thread; may block (read the cache, verify) and may fail
 * (the view then says why and keeps the rows it had).
 */
@FunctionalInterface
public interface RecordsSource {
    List<RecordRow> load() throws Exception;
}
