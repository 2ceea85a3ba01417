package dev.countersign.model.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Golden files under {@code src/test/resources/golden}: exact bytes the formats must keep producing. */
public final class Goldens {
    private Goldens() {}

    public static byte[] bytes(String name) throws IOException {
        try (InputStream in = Goldens.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IOException("missing golden file " + name);
            }
            return in.readAllBytes();
        }
    }

    /** The file as UTF-8 text, without the one line end a text editor may add. */
    public static String text(String name) throws IOException {
        String text = new String(bytes(name), StandardCharsets.UTF_8);
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
}
