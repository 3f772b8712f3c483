package cartpolelab.ui.settings;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.env.CartPoleVersion;
import cartpolelab.ui.settings.SettingsTable.Row;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
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


    private final Label resetNote = new Label("Settings changed \u2014 press Reset to apply");
    private final Label invalidNote = new Label(
            "Fix the marked field: Start, Step and Reset stay disabled until then.");

    private final Label unsolvableNote = new Label();
    private final List<SettingInput<?>> inputs = new ArrayList<>();
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
        algorithmBox().valueProperty().addListener((o, a, b) -> showUnused());
    }

    /**
     * Disables the settings the chosen algorithm does not use, with a tooltip saying why; the
     * text is kept (and still checked) for when the user switches back.
     */
    private void showUnused() {
        Object chosen = algorithmBox().getValue();
        for (SettingInput<?> input : inputs) {
            String why = chosen instanceof cartpolelab.agent.Algorithm a
                    ? SettingsTable.unusedBecause(input.row, a) : null;
            input.control().setDisable(why != null);
            input.label.setDisable(why != null);
            input.unusedTip.setText(why == null ? "" : "Not used: " + why);
            Tooltip.uninstall(input.cell, input.unusedTip);
            if (why != null) {
                Tooltip.install(input.cell, input.unusedTip); // a disabled control shows none
            }
        }
    }

    /**
     * Max steps follows the version's limit (300 for v0, 500 for v1) until the user types a
     * value of their own.
     */
    private void followVersionWithMaxSteps() {
        SettingInput.Choice<?> version = (SettingInput.Choice<?>) inputFor(SettingsTable.VERSION);
        SettingInput.Typed<?> maxSteps = (SettingInput.Typed<?>) inputFor(SettingsTable.MAX_STEPS);
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

    private javafx.scene.control.ComboBox<?> algorithmBox() {
        return ((SettingInput.Choice<?>) inputFor(SettingsTable.ALGORITHM)).box;
    }

    private SettingInput<?> inputFor(Row<?> row) {
        for (SettingInput<?> input : inputs) {
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

    private static <T> SettingInput<T> input(Row<T> row) {
        return row.choices() != null ? new SettingInput.Choice<>(row)
                : new SettingInput.Typed<>(row);
    }

    private void addRow(GridPane grid, SettingInput<?> input) {
        int row = inputs.size();
        inputs.add(input);
        Control control = input.control();
        control.setId(input.row.fieldId());
        Label label = new Label(input.row.label());
        input.label = label;
        label.setLabelFor(control);
        label.getStyleClass().add("field-label");
        GridPane.setValignment(label, VPos.TOP);
        grid.add(label, 0, row);
        VBox cell = new VBox(control);
        input.cell = cell;
        input.unusedTip.setWrapText(true);
        input.unusedTip.setMaxWidth(320);
        input.unusedTip.setShowDelay(Duration.millis(200));
        cell.getStyleClass().add("field-cell");
        grid.add(cell, 1, row);
        Tooltip tip = new Tooltip(input.row.meaning());
        tip.setWrapText(true);
        tip.setMaxWidth(320);
        tip.setShowDelay(Duration.millis(400));
        Tooltip.install(label, tip);
        control.setTooltip(tip);
        if (input instanceof SettingInput.Typed<?> typed) {
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
            for (SettingInput<?> input : inputs) {
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
        for (SettingInput<?> input : inputs) {
            allOk &= input.check();
        }
        if (!allOk) {
            value.set(null);
            return;
        }
        Hyperparameters hp;
        try {
            hp = combine(base);
        } catch (IllegalArgumentException e) {
            // each field in range, the combination refused (several environments with
            // updates at each episode's end): the Envs field says why
            SettingInput.Typed<?> envs = (SettingInput.Typed<?>) inputFor(SettingsTable.ENVS);
            envs.error.setText("Envs: " + e.getMessage());
            envs.error.setVisible(true);
            value.set(null);
            return;
        }
        if (!hp.equals(value.get())) {
            value.set(hp);
        }
    }

    /** The settings as typed, or null while any field is invalid. */
    public ReadOnlyObjectProperty<Hyperparameters> valueProperty() {
        return value.getReadOnlyProperty();
    }

    /**
     * The form's values put on {@code start}, one setting at a time; if an intermediate
     * combination is refused, again from {@code start} with one environment.
     */
    private Hyperparameters combine(Hyperparameters start) {
        try {
            Hyperparameters hp = start;
            for (SettingInput<?> input : inputs) {
                hp = input.put(hp);
            }
            return hp;
        } catch (IllegalArgumentException e) {
            if (start.envs() == 1) {
                throw e;
            }
            return combine(start.toBuilder().envs(1).minibatch(Math.min(start.minibatch(),
                    start.maxStepsPerUpdate())).build());
        }
    }

    /** Shows or hides "Settings changed — press Reset to apply". */
    public void setNeedsReset(boolean needsReset) {
        resetNote.setVisible(needsReset);
    }

    /** The message under a typed field, for tests and for screen readers; null when valid. */
    public String errorFor(String fieldId) {
        for (SettingInput<?> input : inputs) {
            if (input instanceof SettingInput.Typed<?> typed
                    && fieldId.equals(input.row.fieldId())) {
                return typed.last == null ? null : typed.last.error();
            }
        }
        throw new IllegalArgumentException("no field " + fieldId);
    }
}
