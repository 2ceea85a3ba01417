package dev.countersign.app.common;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Turns a failure into words for the user and details for "copy details". */
public final class UserErrors {
    private final Messages messages;

    public UserErrors(Messages messages) {
        this.messages = messages;
    }

    /** A message the user can act on, from the bundle; never a stack trace. */
    public String message(Exception e) {
        if (e instanceof UserFacing facing) {
            return messages.text(facing.userText());
        }
        return messages.format("error.unexpected", e.getClass().getSimpleName());
    }

    /** Technical details for a bug report: the exception chain with its stack trace. */
    public static String details(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
