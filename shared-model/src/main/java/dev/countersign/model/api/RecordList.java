package dev.countersign.model.api;

import dev.countersign.model.Require;
import java.util.List;

/** A list of decision records. */
public record RecordList(List<DecisionRecordView> records) {
    public RecordList {
        records = Require.list(records, "records");
    }
}
