package cartpolelab.ui.settings;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.ui.settings.SettingsTable.Row;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/** One control of the settings form and its row of the {@link SettingsTable}. */
abstract class SettingInput<T> {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    final Row<T> row;
    /** Its label and the cell around the control (the form sets them). */
    Label label;
    Region cell;
    /** Why the algorithm chosen does not use this setting (on the cell, as it is disabled). */
    final Tooltip unusedTip = new Tooltip();

    SettingInput(Row<T> row) {
        this.row = row;
    }

    abstract Control control();

    abstract void onChange(Runnable revalidate);

    abstract void show(Hyperparameters hp);

    /** Checks the control's content; true when it holds a valid value. */
    abstract boolean check();

    /** The checked value; only after {@link #check()} returned true. */
    abstract T value();

    final Hyperparameters put(Hyperparameters hp) {
        return row.put().apply(hp, value());
    }

    /** A combo box over the row's choices. */
    static final class Choice<T> extends SettingInput<T> {
        final ComboBox<T> box;

        Choice(Row<T> row) {
            super(row);
            box = new ComboBox<>(FXCollections.observableArrayList(row.choices()));
            box.setMaxWidth(Double.MAX_VALUE);
            if (SettingsTable.ADVANCED.contains(row)) {
                // as the command line spells them: tanh, orthogonal, rmsprop, linear; on/off
                box.setConverter(new StringConverter<>() {
                    @Override
                    public String toString(T v) {
                        return v instanceof Boolean b ? (b ? "on" : "off") : v instanceof Enum<?> e
                                ? e.name().toLowerCase(Locale.ROOT).replace('_', '-')
                                : String.valueOf(v);
                    }

                    @Override
                    public T fromString(String text) {
                        return box.getValue(); // not editable
                    }
                });
            }
        }

        @Override
        Control control() {
            return box;
        }

        @Override
        void onChange(Runnable revalidate) {
            box.valueProperty().addListener((o, a, b) -> revalidate.run());
        }

        @Override
        void show(Hyperparameters hp) {
            box.setValue(row.get().apply(hp));
        }

        @Override
        boolean check() {
            return box.getValue() != null;
        }

        @Override
        T value() {
            return box.getValue();
        }
    }

    /** A text field, its live check and the message label under it. */
    static final class Typed<T> extends SettingInput<T> {
        final TextField input = new TextField();
        final Label error = new Label();
        FieldCheck<T> last;

        Typed(Row<T> row) {
            super(row);
            // no setting is ever a blank: Space in a field changes nothing (Tab then Space
            // used to replace the selected value with a space)
            input.setTextFormatter(new TextFormatter<>(
                    c -> c.getText().isBlank() && !c.getText().isEmpty() ? null : c));
            error.getStyleClass().add("field-error");
            error.setWrapText(true);
            error.setVisible(false);
            error.managedProperty().bind(error.visibleProperty());
        }

        @Override
        Control control() {
            return input;
        }

        @Override
        void onChange(Runnable revalidate) {
            input.textProperty().addListener((o, a, b) -> revalidate.run());
        }

        @Override
        void show(Hyperparameters hp) {
            input.setText(row.text(hp));
        }

        /** Marks the field with {@code error}: its value does not fit the other fields'. */
        void mark(String error) {
            last = FieldCheck.invalid(error);
            showLast();
        }

        @Override
        boolean check() {
            last = row.check(input.getText());
            return showLast();
        }

        /** Marks the field (or not) and shows the message of {@link #last}. */
        private boolean showLast() {
            boolean bad = !last.ok();
            error.setText(bad ? last.error() : "");
            error.setVisible(bad);
            input.pseudoClassStateChanged(INVALID, bad);
            if (bad) {
                if (!input.getStyleClass().contains("invalid")) {
                    input.getStyleClass().add("invalid");
                }
            } else {
                input.getStyleClass().remove("invalid");
            }
            return last.ok();
        }

        @Override
        T value() {
            return last.value();
        }
    }
}
