package dev.countersign.app.identity;

import dev.countersign.app.common.TaskRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock and timer that move only when a test says so; due timers run inside {@link #advance}. */
final class ManualTime implements SigningSession.Timer {
    private record Due(Instant at, Runnable task) {}

    private volatile Instant now;
    private final List<Due> due = new ArrayList<>();

    ManualTime(Instant start) {
        this.now = start;
    }

    Clock clock() {
        return new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
    }

    @Override
    public TaskRunner.Cancellable after(Duration delay, Runnable onUiThread) {
        Due entry = new Due(now.plus(delay), onUiThread);
        due.add(entry);
        return () -> due.remove(entry);
    }

    void advance(Duration by) {
        now = now.plus(by);
        for (Due entry : List.copyOf(due)) {
            if (!entry.at().isAfter(now) && due.remove(entry)) {
                entry.task().run();
            }
        }
    }

    void setWithoutFiring(Instant instant) {
        now = instant;
    }

    int pending() {
        return due.size();
    }
}
