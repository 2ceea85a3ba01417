package dev.countersign.app.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Short, readable spans of time ("3h 20m", "in 2d 4h", "expired 5m ago") and local times. */
public final class TimeTexts {
    private final Messages messages;
    private final ZoneId zone;

    public TimeTexts(Messages messages, ZoneId zone) {
        this.messages = messages;
        this.zone = zone;
    }

    /** A span rounded to its two largest units: 45s, 12m, 3h 20m, 2d 4h. */
    public String span(Duration d) {
        long seconds = Math.max(0, d.getSeconds());
        if (seconds < 60) {
            return messages.format("time.seconds", seconds);
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return messages.format("time.minutes", minutes);
        }
        long hours = minutes / 60;
        if (hours < 24) {
            long rest = minutes % 60;
            return rest == 0 ? messages.format("time.hours", hours) : messages.format("time.hoursMinutes", hours, rest);
        }
        long days = hours / 24;
        long rest = hours % 24;
        return rest == 0 ? messages.format("time.days", days) : messages.format("time.daysHours", days, rest);
    }

    /** How long ago something happened: "3h 20m", or "&lt;1m" within the first minute. */
    public String age(Instant then, Instant now) {
        Duration d = Duration.between(then, now);
        return d.getSeconds() < 60 ? messages.get("time.underAMinute") : span(d);
    }

    /** "in 2h" before the instant, "expired 5m ago" after it. */
    public String until(Instant deadline, Instant now) {
        if (now.isBefore(deadline)) {
            return messages.format("time.in", span(Duration.between(now, deadline)));
        }
        return messages.format("time.expiredAgo", span(Duration.between(deadline, now)));
    }

    /** "3h ago", or "just now" within a minute. */
    public String ago(Instant then, Instant now) {
        Duration d = Duration.between(then, now);
        if (d.getSeconds() < 60) {
            return messages.get("time.justNow");
        }
        return messages.format("time.ago", span(d));
    }

    public String localTime(Instant instant) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM).withZone(zone)
                .withLocale(messages.locale()).format(instant);
    }

    public String localDateTime(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withZone(zone)
                .withLocale(messages.locale()).format(instant);
    }
}
