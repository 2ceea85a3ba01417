package dev.countersign.app.settings;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/** How long the private key stays unlocked after the reviewer unlocks it. */
public enum UnlockPeriod {
    /** Unlocked for one signature: the console forgets the key as soon as it has been handed to the signing step. */
    @JsonProperty("only-to-sign") ONLY_TO_SIGN(Duration.ZERO),
    @JsonProperty("5m") FIVE_MINUTES(Duration.ofMinutes(5)),
    @JsonProperty("15m") FIFTEEN_MINUTES(Duration.ofMinutes(15)),
    @JsonProperty("1h") ONE_HOUR(Duration.ofHours(1));

    private final Duration duration;

    UnlockPeriod(Duration duration) {
        this.duration = duration;
    }

    public Duration duration() {
        return duration;
    }

    public boolean onlyToSign() {
        return this == ONLY_TO_SIGN;
    }

    /** The key for its name in the resource bundle. */
    public String messageKey() {
        return "unlockPeriod." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
