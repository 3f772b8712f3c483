package cartpolelab.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Window;

/**
 * Shows error messages to the user and asks before what cannot be undone. {@link #fx(Window)} opens a non-modal-blocking Alert
 * ({@code show()}, not {@code showAndWait()}: errors can surface inside the animation pulse,
 * where waiting is not allowed); tests record the messages instead.
 */
public interface Dialogs {

    void showError(String title, String message);

    /**
     * Asks before something that cannot be undone; true if the user chose {@code action}.
     * Called from a button or key handler, never inside an animation pulse.
     */
    boolean confirm(String title, String message, String action);

    static Dialogs fx(Window owner) {
        return new Dialogs() {
            @Override
            public void showError(String title, String message) {
                alert(Alert.AlertType.ERROR, title, message).show();
            }

            @Override
            public boolean confirm(String title, String message, String action) {
                Alert alert = alert(Alert.AlertType.CONFIRMATION, title, message);
                ButtonType yes = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
                alert.getButtonTypes().setAll(yes, ButtonType.CANCEL);
                return alert.showAndWait().filter(yes::equals).isPresent();
            }

            private Alert alert(Alert.AlertType type, String title, String message) {
                Alert alert = new Alert(type);
                alert.initOwner(owner);
                alert.setTitle("CartPole Lab");
                alert.setHeaderText(title);
                Label text = new Label(message);
                text.setWrapText(true);
                text.setMaxWidth(460);
                alert.getDialogPane().setContent(text);
                return alert;
            }
        };
    }
}
