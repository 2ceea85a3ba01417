package dev.countersign.app.shell;

import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/** Gateway and connection, last sync, open proposals and the signing key, along the bottom of the window. */
public final class StatusBarView extends HBox {
    private static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");
    private static final PseudoClass CONNECTED = PseudoClass.getPseudoClass("connected");

    /** @param signIn asks the reviewer to unlock the key and opens a session (offered while signed out) */
    public StatusBarView(StatusViewModel vm, Runnable signIn, String signInText, Runnable showRefused,
            String refusedA11y) {
        getStyleClass().add("status-bar");
        setId("statusBar");
        setSpacing(10);
        setAlignment(Pos.CENTER_LEFT);

        Label gateway = new Label(null, new FontIcon(MaterialDesignS.SERVER_SECURITY));
        gateway.setId("statusGateway");
        gateway.textProperty().bind(vm.gatewayProperty());
        Label connection = new Label(null, new FontIcon(MaterialDesignC.CIRCLE));
        connection.setId("statusConnection");
        connection.getStyleClass().add("connection");
        connection.textProperty().bind(vm.connectionTextProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(vm.connectionTipProperty());
        tip.setWrapText(true);
        tip.setMaxWidth(520);
        connection.setTooltip(tip);
        vm.connectionProperty().addListener((obs, old, state) -> mark(connection, state));
        mark(connection, vm.connectionProperty().get());
        Hyperlink signInLink = new Hyperlink(signInText);
        signInLink.setId("statusSignIn");
        signInLink.setOnAction(e -> signIn.run());
        signInLink.visibleProperty().bind(vm.signInOfferedProperty());
        signInLink.managedProperty().bind(signInLink.visibleProperty());
        Label session = new Label(null, new FontIcon(MaterialDesignL.LOCK_CLOCK));
        session.setId("statusSession");
        session.textProperty().bind(vm.sessionTextProperty());
        session.setMinWidth(Region.USE_PREF_SIZE);
        Label lastSync = new Label(null, new FontIcon(MaterialDesignS.SYNC));
        lastSync.setId("statusLastSync");
        lastSync.textProperty().bind(vm.lastSyncTextProperty());
        Label outbox = new Label(null, new FontIcon(MaterialDesignT.TRAY_ARROW_UP));
        outbox.setId("statusOutbox");
        outbox.getStyleClass().add("outbox-waiting");
        outbox.textProperty().bind(vm.outboxTextProperty());
        outbox.visibleProperty().bind(vm.outboxTextProperty().isNotEmpty());
        outbox.managedProperty().bind(outbox.visibleProperty());
        outbox.setMinWidth(Region.USE_PREF_SIZE);
        Hyperlink refused = new Hyperlink(null, new FontIcon(MaterialDesignA.ALERT_OUTLINE));
        refused.setId("statusRefused");
        refused.getStyleClass().add("outbox-refused");
        refused.textProperty().bind(vm.refusedTextProperty());
        refused.setAccessibleText(refusedA11y);
        refused.visibleProperty().bind(vm.refusedTextProperty().isNotEmpty());
        refused.managedProperty().bind(refused.visibleProperty());
        refused.setMinWidth(Region.USE_PREF_SIZE);
        refused.setOnAction(e -> showRefused.run());
        Label open = new Label(null, new FontIcon(MaterialDesignT.TRAY_FULL));
        open.textProperty().bind(vm.openTextProperty());
        Label key = new Label(null, new FontIcon(MaterialDesignK.KEY_VARIANT));
        key.setId("statusKey");
        key.textProperty().bind(vm.keyTextProperty());
        Tooltip identity = new Tooltip();
        identity.setId("statusIdentity");
        identity.textProperty().bind(vm.identityTextProperty());
        identity.setShowDelay(Duration.millis(200));
        key.setTooltip(identity);
        key.setAccessibleText(null);
        key.accessibleHelpProperty().bind(vm.identityTextProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // the gateway address and the key line give way first; the identity tooltip holds the whole story
        gateway.setMinWidth(0);
        key.setMinWidth(0);
        for (Label fixed : new Label[] {connection, lastSync, open}) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        getChildren().addAll(gateway, connection, signInLink, separator(), lastSync, outbox, refused, separator(),
                open, spacer,
                session, separator(), key);
    }

    private static Separator separator() {
        return new Separator(Orientation.VERTICAL);
    }

    private static void mark(Label label, StatusViewModel.Connection state) {
        label.pseudoClassStateChanged(OFFLINE, state == StatusViewModel.Connection.OFFLINE
                || state == StatusViewModel.Connection.SIGNED_OUT);
        label.pseudoClassStateChanged(CONNECTED, state == StatusViewModel.Connection.CONNECTED);
    }
}
