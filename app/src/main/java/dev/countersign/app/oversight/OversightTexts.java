package dev.countersign.app.oversight;

import dev.countersign.app.common.Messages;
import dev.countersign.app.common.TimeTexts;
import dev.countersign.app.oversight.OversightFigures.AutoApproval;
import dev.countersign.app.oversight.OversightFigures.Bin;
import dev.countersign.app.oversight.OversightFigures.OpenException;
import dev.countersign.app.oversight.OversightFigures.ReviewerCount;
import dev.countersign.app.oversight.OversightFigures.TimeToDecision;
import dev.countersign.app.oversight.OversightFigures.VerdictCounts;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/** The oversight figures in words: one sentence per chart (shown under it and read to screen readers), and labels. */
public final class OversightTexts {
    private final Messages messages;
    private final TimeTexts time;
    private final ZoneId zone;

    public OversightTexts(Messages messages, TimeTexts time, ZoneId zone) {
        this.messages = messages;
        this.time = time;
        this.zone = zone;
    }

    public Messages messages() {
        return messages;
    }

    public TimeTexts time() {
        return time;
    }

    /** "Median 14m, p90 2h 3m, over 37 decided proposals." */
    public String timeToDecision(TimeToDecision t) {
        if (t.count() == 0) {
            return messages.get("oversight.time.none");
        }
        return messages.format("oversight.time.summary", time.span(t.median()), time.span(t.p90()), t.count());
    }

    /** A histogram bin's label: "< 5m", "5m – 15m", "≥ 1d". */
    public String bin(Bin bin) {
        if (bin.from().isZero()) {
            return messages.format("oversight.bin.under", time.span(bin.to()));
        }
        if (bin.to() == null) {
            return messages.format("oversight.bin.over", time.span(bin.from()));
        }
        return messages.format("oversight.bin.between", time.span(bin.from()), time.span(bin.to()));
    }

    public String verdicts(VerdictCounts c) {
        if (c.total() == 0) {
            return messages.get("oversight.verdicts.none");
        }
        return messages.format("oversight.verdicts.summary", c.approvals(), c.denials(), c.escalations());
    }

    public String automatic(AutoApproval a) {
        if (a.approved() == 0) {
            return messages.get("oversight.auto.none");
        }
        return messages.format("oversight.auto.summary", a.automatic(), a.approved(), a.share());
    }

    public String exceptions(List<OpenException> open) {
        if (open.isEmpty()) {
            return messages.get("oversight.exceptions.none");
        }
        long unbounded = open.stream().filter(e -> e.end() == null).count();
        return messages.format("oversight.exceptions.summary", open.size(), time.span(open.get(0).age()), unbounded);
    }

    /** One open exception: "svc-x in prod, approved 3d 2h ago, ends in 4h" (the target revealed by the caller). */
    public String exception(String target, OpenException e, Instant now) {
        String end = e.end() == null ? messages.get("oversight.exception.noEnd") : time.until(e.end(), now);
        return messages.format("oversight.exception.line", target, time.span(e.age()), end);
    }

    public String reviewers(List<ReviewerCount> reviewers) {
        if (reviewers.isEmpty()) {
            return messages.get("oversight.reviewers.none");
        }
        ReviewerCount top = reviewers.get(0);
        return messages.format("oversight.reviewers.summary", top.reviewer(), top.counts().total(),
                reviewers.size());
    }

    /** A bucket's label on the time axis: "14:00", "Mon 3 Nov", "3 Nov", "Nov 2026". */
    public String bucket(Instant start, TimeBuckets.Size size) {
        String pattern = switch (size) {
            case HOUR -> messages.get("oversight.bucket.hour");
            case DAY -> messages.get("oversight.bucket.day");
            case WEEK -> messages.get("oversight.bucket.week");
            case MONTH -> messages.get("oversight.bucket.month");
        };
        return DateTimeFormatter.ofPattern(pattern, messages.locale()).withZone(zone).format(start);
    }

    /** "per hour", "per day"… for the time axis's label. */
    public String bucketAxis(TimeBuckets.Size size) {
        return messages.get("oversight.axis.time." + size.name().toLowerCase(java.util.Locale.ROOT));
    }

    public String date(Instant instant) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withZone(zone).withLocale(messages.locale())
                .format(instant);
    }
}
