package cartpolelab.ui.settings;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.env.CartPoleVersion;
import cartpolelab.ui.settings.SettingsTable.Row;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The settings form, one row per entry of {@link SettingsTable#ROWS}: every label, tooltip and
 * range comes from that table. Every field is checked as it is typed: a bad value marks its
 * field (style class {@code invalid}) and a message under it says what is allowed;
 * {@link #valueProperty()} is then null, which disables Start.
 */
public final class SettingsPane extends VBox {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final Label resetNote = new Label("Settings changed \u2014 press Reset to apply");
    private final Label invalidNote = new Label(
            "Fix the marked field: Start, Step and Reset stay disabled until then.");

    private final Label unsolvableNote = new Label();
    private final List<Input<?>> inputs = new ArrayList<>();
    /** The user typed a max-steps value: it no longer follows the version's limit. */
    private boolean maxStepsChosen;
    private final ReadOnlyObjectWrapper<Hyperparameters> value = new ReadOnlyObjectWrapper<>();
    /** The settings the form does not show (n-steps) come from here. */
    private Hyperparameters base = Hyperparameters.DEFAULTS;
    private boolean populating;

    public SettingsPane(Hyperparameters initial) {
        getStyleClass().add("settings-pane");
        setId("settingsPane");
        createView();
        setValue(initial);
    }

    private void createView() {
        Label title = new Label("Settings");
        title.getStyleClass().add("section-title");
        Label hint = new Label("Changes take effect on Start for a new run, or on Reset.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);

        GridPane grid = new GridPane();
        grid.getStyleClass().add("settings-grid");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.LEFT);
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);

        for (Row<?> row : SettingsTable.ROWS) {
            addRow(grid, input(row));
        }

        resetNote.setId("settingsResetNote");
        resetNote.getStyleClass().add("reset-note");
        resetNote.setWrapText(true);
        resetNote.setVisible(false);
        resetNote.managedProperty().bind(resetNote.visibleProperty());

        invalidNote.setId("settingsInvalidNote");
        invalidNote.getStyleClass().add("invalid-note");
        invalidNote.setWrapText(true);
        invalidNote.visibleProperty().bind(value.isNull());
        invalidNote.managedProperty().bind(invalidNote.visibleProperty());

        unsolvableNote.setId("settingsUnsolvableNote");
        unsolvableNote.getStyleClass().add("invalid-note");
        unsolvableNote.setWrapText(true);
        unsolvableNote.setVisible(false);
        unsolvableNote.managedProperty().bind(unsolvableNote.visibleProperty());
        value.addListener((o, a, hp) -> showSolvable(hp));

        getChildren().addAll(title, hint, grid, invalidNote, unsolvableNote, resetNote);
        followVersionWithMaxSteps();
    }

    /**
     * Max steps follows the version's limit (300 for v0, 500 for v1) until the user types a
     * value of their own.
     */
    private void followVersionWithMaxSteps() {
        Choice<?> version = (Choice<?>) inputFor(SettingsTable.VERSION);
        Typed<?> maxSteps = (Typed<?>) inputFor(SettingsTable.MAX_STEPS);
        maxSteps.input.textProperty().addListener((o, a, b) -> {
            if (!populating) {
                maxStepsChosen = true;
            }
        });
        version.box.valueProperty().addListener((o, a, b) -> {
            if (!populating && !maxStepsChosen && b instanceof CartPoleVersion v) {
                populating = true;
                try {
                    maxSteps.input.setText(
                            Integer.toString(Hyperparameters.defaultMaxSteps(v)));
                } finally {
                    populating = false;
                }
                revalidate();
            }
        });
    }

    private Input<?> inputFor(Row<?> row) {
        for (Input<?> input : inputs) {
            if (input.row == row) {
                return input;
            }
        }
        throw new IllegalArgumentException("no input for " + row.fieldId());
    }

    private void showSolvable(Hyperparameters hp) {
        boolean unsolvable = hp != null && !hp.canBeSolved();
        unsolvableNote.setVisible(unsolvable);
        unsolvableNote.setText(unsolvable ? String.format(java.util.Locale.ROOT,
                "Episodes are cut at %d steps, so %s's threshold of %.0f can never be "
                        + "reached: raise Max steps to %d.", hp.episodeStepLimit(),
                hp.version().id(), hp.version().solvedThreshold(), hp.version().timeLimit())
                : "");
    }

    private static <T> Input<T> input(Row<T> row) {
        return row.choices() != null ? new Choice<>(row) : new Typed<>(row);
    }

    private void addRow(GridPane grid, Input<?> input) {
        int row = inputs.size();
        inputs.add(input);
        Control control = input.control();
        control.setId(input.row.fieldId());
        Label label = new Label(input.row.label());
        label.setLabelFor(control);
        label.getStyleClass().add("field-label");
        GridPane.setValignment(label, VPos.TOP);
        grid.add(label, 0, row);
        VBox cell = new VBox(control);
        cell.getStyleClass().add("field-cell");
        grid.add(cell, 1, row);
        Tooltip tip = new Tooltip(input.row.meaning());
        tip.setWrapText(true);
        tip.setMaxWidth(320);
        tip.setShowDelay(Duration.millis(400));
        Tooltip.install(label, tip);
        control.setTooltip(tip);
        if (input instanceof Typed<?> typed) {
            typed.error.setId(input.row.fieldId() + "Error");
            cell.getChildren().add(typed.error);
        }
        input.onChange(this::revalidate);
    }

    /** Fills the form from {@code hp} (e.g. after loading a checkpoint). */
    public void setValue(Hyperparameters hp) {
        populating = true;
        try {
            base = hp;
            maxStepsChosen = hp.maxSteps() != Hyperparameters.defaultMaxSteps(hp.version());
            for (Input<?> input : inputs) {
                input.show(hp);
            }
        } finally {
            populating = false;
        }
        revalidate();
    }

    private void revalidate() {
        if (populating) {
            return;
        }
        boolean allOk = true;
        for (Input<?> input : inputs) {
            allOk &= input.check();
        }
        if (!allOk) {
            value.set(null);
            return;
        }
        Hyperparameters hp = base;
        for (Input<?> input : inputs) {
            hp = input.put(hp);
        }
        if (!hp.equals(value.get())) {
            value.set(hp);
        }
    }

    /** The settings as typed, or null while any field is invalid. */
    public ReadOnlyObjectProperty<Hyperparameters> valueProperty() {
        return value.getReadOnlyProperty();
    }

    /** Shows or hides "Settings changed — press Reset to apply". */
    public void setNeedsReset(boolean needsReset) {
        resetNote.setVisible(needsReset);
    }

    /** The message under a typed field, for tests and for screen readers; null when valid. */
    public String errorFor(String fieldId) {
        for (Input<?> input : inputs) {
            if (input instanceof Typed<?> typed && fieldId.equals(input.row.fieldId())) {
                return typed.last == null ? null : typed.last.error();
            }
        }
        throw new IllegalArgumentException("no field " + fieldId);
    }

    /** One control of the form and its row of the table. */
    private abstract static class Input<T> {
        final Row<T> row;

        Input(Row<T> row) {
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
    }

    /** A combo box over the row's choices. */
    private static final class Choice<T> extends Input<T> {
        final ComboBox<T> box;

        Choice(Row<T> row) {
            super(row);
            box = new ComboBox<>(FXCollections.observableArrayList(row.choices()));
            box.setMaxWidth(Double.MAX_VALUE);
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
    private static final class Typed<T> extends Input<T> {
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

        @Override
        boolean check() {
            last = row.check(input.getText());
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
