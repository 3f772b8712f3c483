package cartpolelab.ui.settings;

import cartpolelab.agent.Algorithm;
import cartpolelab.agent.Choices;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.agent.Preset;
import cartpolelab.env.CartPoleVersion;
import cartpolelab.ui.settings.SettingsTable.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
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
    private static final String FIX_MARKED =
            "Fix the marked field: Start, Step and Reset stay disabled until then.";
    private final Label invalidNote = new Label(FIX_MARKED);
    private final PresetBox presetBox = new PresetBox(this::fill);
    private final TitledPane advanced = new TitledPane("Advanced: network, optimiser, PPO",
            null);

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

        // the preset box above the settings: choosing one fills every field
        GridPane presetRow = grid();
        Label presetLabel = new Label("Preset");
        presetLabel.getStyleClass().add("field-label");
        presetLabel.setLabelFor(presetBox);
        presetRow.add(presetLabel, 0, 0);
        presetRow.add(presetBox, 1, 0);

        GridPane grid = grid();
        for (Row<?> row : SettingsTable.ROWS) {
            addRow(grid, input(row));
        }
        // SB3's knobs, folded away until wanted (the form stays short at 900 × 600)
        GridPane more = grid();
        for (Row<?> row : SettingsTable.ADVANCED) {
            addRow(more, input(row));
        }
        advanced.setContent(more);
        advanced.setId("advancedSettings");
        advanced.getStyleClass().add("advanced-settings");
        advanced.setExpanded(false);

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

        getChildren().addAll(title, hint, presetRow, grid, advanced, invalidNote,
                unsolvableNote, resetNote);
        followVersionWithMaxSteps();
        algorithmBox().valueProperty().addListener((o, a, b) -> showUnused());
        ((SettingInput.Choice<?>) inputFor(SettingsTable.OPTIMISER)).box.valueProperty()
                .addListener((o, a, b) -> showUnused());
        value.addListener((o, a, hp) -> presetBox.follow(hp));
    }

    /** Two columns, labels then fields, as every part of the form has them. */
    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("settings-grid");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.LEFT);
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }

    /** A preset's settings in every field; the seed stays the one typed (if valid). */
    private void fill(Preset preset) {
        Hyperparameters now = value.get();
        setValue(preset.hyperparameters().withSeed(now != null ? now.seed() : base.seed()));
    }

    /** Why {@code input} does nothing with the optimiser chosen, or null. */
    private String unusedByOptimiser(SettingInput<?> input) {
        Object optimiser = ((SettingInput.Choice<?>) inputFor(SettingsTable.OPTIMISER)).box
                .getValue();
        return input.row == SettingsTable.RMSPROP_ALPHA && !Choices.isRmsprop(optimiser)
                ? "RMSprop only: Adam has no \u03b1 (its moments have fixed rates)." : null;
    }

    /**
     * Disables the settings the chosen algorithm does not use, with a tooltip saying why; the
     * text is kept (and still checked) for when the user switches back.
     */
    private void showUnused() {
        Object chosen = algorithmBox().getValue();
        for (SettingInput<?> input : inputs) {
            String why = chosen instanceof Algorithm a
                    ? SettingsTable.unusedBecause(input.row, a) : null;
            why = why != null ? why : unusedByOptimiser(input);
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

    private ComboBox<?> algorithmBox() {
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
        unsolvableNote.setText(unsolvable ? String.format(Locale.ROOT,
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
        int row = grid.getRowCount();
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
            boolean ok = input.check();
            allOk &= ok;
            if (!ok && SettingsTable.ADVANCED.contains(input.row)) {
                advanced.setExpanded(true); // a marked field is never folded away
            }
        }
        invalidNote.setText(FIX_MARKED);
        if (!allOk) {
            value.set(null);
            return;
        }
        Hyperparameters hp = combine();
        if (hp == null) {
            value.set(null);
        } else if (!hp.equals(value.get())) {
            value.set(hp);
        }
    }

    /**
     * The fields' values together, or null when they do not fit each other (PPO's minibatch
     * larger than its rollout): each is put in turn, one that does not fit yet is tried again
     * after the others, and what still does not fit marks the field its message names.
     */
    private Hyperparameters combine() {
        Hyperparameters hp = base;
        List<SettingInput<?>> pending = new ArrayList<>(inputs);
        IllegalArgumentException why = null;
        for (boolean progress = true; progress && !pending.isEmpty(); ) {
            progress = false;
            for (var it = pending.iterator(); it.hasNext(); ) {
                try {
                    hp = it.next().put(hp);
                    it.remove();
                    progress = true;
                } catch (IllegalArgumentException e) {
                    why = e;
                }
            }
        }
        if (pending.isEmpty()) {
            return hp;
        }
        Row<?> row = SettingsTable.rowOfMessage(why.getMessage());
        String component = why.getMessage().split(" ", 2)[0];
        SettingInput<?> marked = row == null ? null : inputFor(row);
        if (marked instanceof SettingInput.Typed<?> typed) {
            typed.mark(row.name() + ": " + why.getMessage().substring(component.length() + 1));
            if (SettingsTable.ADVANCED.contains(row)) {
                advanced.setExpanded(true);
            }
        } else {
            invalidNote.setText(why.getMessage());
        }
        return null;
    }

    /** The settings as typed, or null while any field is invalid. */
    public ReadOnlyObjectProperty<Hyperparameters> valueProperty() {
        return value.getReadOnlyProperty();
    }

    /** Shows or hides "Settings changed — press Reset to apply". */
    public void setNeedsReset(boolean needsReset) {
        resetNote.setVisible(needsReset);
    }
}
