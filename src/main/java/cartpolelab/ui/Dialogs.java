package cartpolelab.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.stage.Window;

/**
 * Shows error messages to the user. {@link #fx(Window)} opens a non-modal-blocking Alert
 * ({@code show()}, not {@code showAndWait()}: errors can surface inside the animation pulse,
 * where waiting is not allowed); tests record the messages instead.
 */
public interface Dialogs {

    void showError(String title, String message);

    static Dialogs fx(Window owner) {
        return (title, message) -> {
            Alert alert = new Alert(Alert.AlertType.ERROR);
            alert.initOwner(owner);
            alert.setTitle("CartPole Lab");
            alert.setHeaderText(title);
            Label text = new Label(message);
            text.setWrapText(true);
            text.setMaxWidth(460);
            alert.getDialogPane().setContent(text);
            alert.show();
        };
    }
}
