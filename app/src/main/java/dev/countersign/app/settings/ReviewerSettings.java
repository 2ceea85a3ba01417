package dev.countersign.app.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Who the console signs as, where the key lives and how long an unlock lasts: saved beside the key so later runs
 * need not ask. No secrets in here. A file written by an older console (no key source, no period) reads as a
 * software key, unlocked only to sign.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReviewerSettings(String reviewer, String displayName, List<String> roles, KeySource keySource,
        UnlockPeriod unlockPeriod) {
    public ReviewerSettings {
        roles = roles == null ? List.of() : List.copyOf(roles);
        keySource = keySource == null ? KeySource.software() : keySource;
        unlockPeriod = unlockPeriod == null ? UnlockPeriod.ONLY_TO_SIGN : unlockPeriod;
    }

    /** A software key, unlocked only to sign. */
    public ReviewerSettings(String reviewer, String displayName, List<String> roles) {
        this(reviewer, displayName, roles, null, null);
    }

    public ReviewerSettings withKeySource(KeySource source) {
        return new ReviewerSettings(reviewer, displayName, roles, source, unlockPeriod);
    }

    public ReviewerSettings withUnlockPeriod(UnlockPeriod period) {
        return new ReviewerSettings(reviewer, displayName, roles, keySource, period);
    }
}
