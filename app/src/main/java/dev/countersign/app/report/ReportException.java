package dev.countersign.app.report;

import dev.countersign.app.common.UserFacing;
import dev.countersign.app.common.UserText;

/** A report could not be written; nothing was left at the target. */
public final class ReportException extends Exception implements UserFacing {
    private final transient UserText text;

    public ReportException(UserText text, Throwable cause) {
        super(text.english(), cause);
        this.text = text;
    }

    @Override
    public UserText userText() {
        return text;
    }
}
