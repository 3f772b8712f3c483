package cartpolelab.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The JavaFX application: builds the main window. */
public final class CartPoleLabApp extends Application {

    @Override
    public void start(Stage stage) {
        BorderPane root = new BorderPane(new Label("CartPole Lab"));
        root.setId("root");
        stage.setTitle("CartPole Lab");
        stage.setScene(new Scene(root, 1200, 800));
        stage.show();
    }
}
