package dev.countersign.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** Every window icon is in the build at its stated size, and a window gets the set once however often it asks. */
class AppIconsTest {
    @BeforeEach
    void start() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void everyIconLoadsAtItsSize() {
        List<Image> images = AppIcons.images();
        assertEquals(AppIcons.SIZES.size(), images.size());
        for (int i = 0; i < images.size(); i++) {
            int size = AppIcons.SIZES.get(i);
            Image image = images.get(i);
            assertNotNull(AppIcons.class.getResource(AppIcons.resource(size)), AppIcons.resource(size));
            assertFalse(image.isError(), AppIcons.resource(size));
            assertEquals(size, image.getWidth(), AppIcons.resource(size));
            assertEquals(size, image.getHeight(), AppIcons.resource(size));
            // not a blank square: the shield covers the middle of every size
            assertEquals(1.0, image.getPixelReader().getColor(size / 3, size / 2).getOpacity(), 0.01,
                    AppIcons.resource(size));
        }
    }

    @Test
    void aStageGetsTheIconsOnce() throws Exception {
        Stage stage = FxToolkit.setupFixture(() -> {
            Stage s = new Stage();
            AppIcons.apply(s);
            AppIcons.apply(s);
            return s;
        });
        assertEquals(AppIcons.images(), stage.getIcons());
    }
}
