package dev.countersign.app.shell;

import java.net.URL;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The console's window icon (the Countersign shield) at the sizes a title bar, task bar and window switcher pick
 * from. The images come from {@code installers/icons/render.sh}, which draws them from the SVGs there.
 */
public final class AppIcons {
    /** The sizes shipped as {@code /dev/countersign/app/icons/countersign-SIZE.png}. */
    public static final List<Integer> SIZES = List.of(16, 32, 48, 64, 128, 256);

    private AppIcons() {}

    /** Gives {@code stage} the console's icons; calling it again for the same stage changes nothing. */
    public static void apply(Stage stage) {
        List<Image> icons = Loaded.IMAGES;
        if (!stage.getIcons().containsAll(icons)) {
            stage.getIcons().addAll(icons);
        }
    }

    /** The icons, smallest first (loaded on first use and kept: they are immutable and shared by every window). */
    public static List<Image> images() {
        return Loaded.IMAGES;
    }

    static String resource(int size) {
        return "/dev/countersign/app/icons/countersign-" + size + ".png";
    }

    /** Holder idiom: the images load when a window first asks for them, once, on whichever thread that is. */
    private static final class Loaded {
        static final List<Image> IMAGES = SIZES.stream().map(AppIcons::load).toList();
    }

    private static Image load(int size) {
        URL url = AppIcons.class.getResource(resource(size));
        if (url == null) {
            throw new IllegalStateException("icon missing from the build: " + resource(size));
        }
        Image image = new Image(url.toExternalForm(), false);
        if (image.isError()) {
            throw new IllegalStateException("icon unreadable: " + resource(size), image.getException());
        }
        return image;
    }
}
