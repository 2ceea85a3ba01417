package dev.countersign.app.records;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Which decisions count, by when they were decided: the last 24 hours, 7 or 30 days before now, all of them, or the
 * days from {@code from} to {@code to}, both included, in the user's time zone (either may be open). A value shared by
 * the records view and the oversight figures.
 */
public record RecordPeriod(Preset preset, LocalDate from, LocalDate to) {

    public enum Preset {
        LAST_24_HOURS(Duration.ofHours(24)),
        LAST_7_DAYS(Duration.ofDays(7)),
        LAST_30_DAYS(Duration.ofDays(30)),
        ALL(null),
        /** From and to dates. */
        DATES(null);

        private final Duration span;

        Preset(Duration span) {
            this.span = span;
        }

        /** How far back a "last …" preset reaches; null for ALL and DATES. */
        public Duration span() {
            return span;
        }

        /** The key part of its texts: {@code last24Hours}. */
        public String key() {
            return switch (this) {
                case LAST_24_HOURS -> "last24Hours";
                case LAST_7_DAYS -> "last7Days";
                case LAST_30_DAYS -> "last30Days";
                case ALL -> "all";
                case DATES -> "dates";
            };
        }
    }

    public static final RecordPeriod ALL = new RecordPeriod(Preset.ALL, null, null);

    public RecordPeriod {
        if (preset == null) {
            throw new IllegalArgumentException("a period needs a preset");
        }
        if (preset != Preset.DATES) {
            from = null;
            to = null;
        } else if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("the period starts " + from + ", after it ends " + to);
        }
    }

    public static RecordPeriod last(Preset preset) {
        return new RecordPeriod(preset, null, null);
    }

    /** The days from {@code from} to {@code to}, both included; null leaves that end open. */
    public static RecordPeriod dates(LocalDate from, LocalDate to) {
        return new RecordPeriod(Preset.DATES, from, to);
    }

    /** The first instant in the period, or null if it reaches back without limit. */
    public Instant start(Instant now, ZoneId zone) {
        if (preset.span() != null) {
            return now.minus(preset.span());
        }
        return preset == Preset.DATES && from != null ? from.atStartOfDay(zone).toInstant() : null;
    }

    /** The first instant after the period, or null if it has no end (the presets take in all up to now and after). */
    public Instant end(ZoneId zone) {
        return preset == Preset.DATES && to != null ? to.plusDays(1).atStartOfDay(zone).toInstant() : null;
    }

    public boolean contains(Instant t, Instant now, ZoneId zone) {
        Instant start = start(now, zone);
        Instant end = end(zone);
        return (start == null || !t.isBefore(start)) && (end == null || t.isBefore(end));
    }

    /** True if every decision counts. */
    public boolean isAll() {
        return preset == Preset.ALL || (preset == Preset.DATES && from == null && to == null);
    }
}
