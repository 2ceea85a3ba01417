package dev.countersign.app.review;

import dev.countersign.app.common.Messages;
import dev.countersign.app.common.UntrustedText;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The warning shown over agent-written text that hides something: "This text contains 3 hidden characters and 1
 * look-alike letter:", then each finding on its own line. Empty when nothing was found.
 */
public final class UntrustedWarning {
    private UntrustedWarning() {}

    /**
     * @param subjectKey the bundle key naming what was checked ("This text", "The parameters"...)
     */
    public static String of(Messages messages, String subjectKey, List<UntrustedText.Revealed> parts) {
        int hiddenCount = 0;
        int lookalikeCount = 0;
        Set<String> lines = new LinkedHashSet<>();
        for (UntrustedText.Revealed r : parts) {
            hiddenCount += r.hiddenCount();
            lookalikeCount += r.lookalikeCount();
        }
        for (UntrustedText.Revealed r : parts) {
            r.hidden().forEach(h -> lines.add(messages.format("untrusted.line.hidden", h)));
        }
        for (UntrustedText.Revealed r : parts) {
            r.lookalikes().forEach(l -> lines.add(messages.format("untrusted.line.lookalike", l)));
        }
        if (hiddenCount == 0 && lookalikeCount == 0) {
            return "";
        }
        String subject = messages.get(subjectKey);
        String hidden = messages.format("untrusted.count.hidden", hiddenCount);
        String lookalike = messages.format("untrusted.count.lookalike", lookalikeCount);
        String head = hiddenCount > 0 && lookalikeCount > 0
                ? messages.format("untrusted.warning.both", subject, hidden, lookalike)
                : messages.format("untrusted.warning.one", subject, hiddenCount > 0 ? hidden : lookalike);
        return head + "\n" + String.join("\n", lines);
    }
}
