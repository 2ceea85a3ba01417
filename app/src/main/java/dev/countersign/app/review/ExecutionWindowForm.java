package dev.countersign.app.review;

import dev.countersign.app.common.Messages;
import dev.countersign.model.Conditions;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The optional execution window of an approval ("only within a window"): start and end as a date and a 24-hour
 * time in the reviewer's time zone. Turning it on fills in now → the proposal's expiry. Valid when the end is after
 * the start, no later than the proposal's expiry and in the future, and the start is not more than a minute before
 * the moment it was set (so the default "now" stays valid while the reviewer writes the reason, but a start typed
 * in the past is refused); the gateway checks the end again.
 */
public final class ExecutionWindowForm {
    /** How far in the past a window may start: the time it takes to fill in the form. */
    static final Duration START_SLACK = Duration.ofMinutes(1);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Messages messages;
    private final Clock clock;
    private final ZoneId zone;
    private final BooleanProperty enabled = new SimpleBooleanProperty(false);
    private final ObjectProperty<LocalDate> startDate = new SimpleObjectProperty<>();
    private final StringProperty startTime = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> endDate = new SimpleObjectProperty<>();
    private final StringProperty endTime = new SimpleStringProperty("");
    /** When the start was last set (by the defaults or by the reviewer): the start is judged against it. */
    private Instant startSetAt;

    /** A valid window, or why not (exactly one is non-null). */
    public record Checked(Conditions conditions, String problem) {}

    /** {@code zone}: the reviewer's time zone, in which dates and times are typed and shown. */
    public ExecutionWindowForm(Messages messages, Clock clock, ZoneId zone) {
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
        startSetAt = clock.instant();
        startDate.addListener((obs, was, now) -> startSetAt = clock.instant());
        startTime.addListener((obs, was, now) -> startSetAt = clock.instant());
    }

    /** Everything validation depends on, for bindings. */
    public Observable[] dependencies() {
        return new Observable[] {enabled, startDate, startTime, endDate, endTime};
    }

    /** Turns the window on with now → the proposal's expiry (to the minute, never past the expiry). */
    public void fillDefaults(Instant expiresAt) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), zone()).truncatedTo(ChronoUnit.MINUTES);
        LocalDateTime end = LocalDateTime.ofInstant(expiresAt, zone()).truncatedTo(ChronoUnit.MINUTES);
        startDate.set(now.toLocalDate());
        startTime.set(TIME.format(now));
        endDate.set(end.toLocalDate());
        endTime.set(TIME.format(end));
    }

    public void clear() {
        enabled.set(false);
        startDate.set(null);
        startTime.set("");
        endDate.set(null);
        endTime.set("");
    }

    /** The window as conditions (null when it is off), or why it is not valid. */
    public Checked check(Instant expiresAt) {
        if (!enabled.get()) {
            return new Checked(null, null);
        }
        Instant start;
        Instant end;
        try {
            start = instant(startDate.get(), startTime.get(), "start");
            end = instant(endDate.get(), endTime.get(), "end");
        } catch (Invalid e) {
            return new Checked(null, e.getMessage());
        }
        Instant now = clock.instant();
        if (!end.isAfter(start)) {
            return new Checked(null, messages.get("window.blocked.order"));
        }
        if (start.isBefore(startSetAt.minus(START_SLACK))) {
            return new Checked(null, messages.get("window.blocked.startPast"));
        }
        if (!end.isAfter(now)) {
            return new Checked(null, messages.get("window.blocked.endPast"));
        }
        if (end.isAfter(expiresAt)) {
            return new Checked(null, messages.format("window.blocked.afterExpiry", local(expiresAt)));
        }
        return new Checked(new Conditions(start, end), null);
    }

    private Instant instant(LocalDate date, String time, String which) throws Invalid {
        if (date == null) {
            throw new Invalid(messages.get("window.blocked." + which + "Date"));
        }
        LocalTime at;
        try {
            at = LocalTime.parse(time == null ? "" : time.strip(), DateTimeFormatter.ofPattern("H:mm"));
        } catch (DateTimeException e) {
            throw new Invalid(messages.get("window.blocked." + which + "Time"));
        }
        return date.atTime(at).atZone(zone()).toInstant();
    }

    /** "2 Dec 2026, 14:30" in the reviewer's zone. */
    public String local(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(messages.locale()).withZone(zone()).format(instant);
    }

    /** "Times in Central European Time (Europe/Oslo). The proposal expires 2 Dec 2026, 18:00." */
    public String note(Instant expiresAt) {
        return messages.format("window.zone", zone.getDisplayName(TextStyle.FULL, messages.locale()) + " ("
                + zone.getId() + ")", local(expiresAt));
    }

    /** The reviewer's time zone, as the label shows it. */
    public ZoneId zone() {
        return zone;
    }

    private static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public ObjectProperty<LocalDate> startDateProperty() {
        return startDate;
    }

    public StringProperty startTimeProperty() {
        return startTime;
    }

    public ObjectProperty<LocalDate> endDateProperty() {
        return endDate;
    }

    public StringProperty endTimeProperty() {
        return endTime;
    }
}
