package cartpolelab.ui.settings;

import cartpolelab.agent.Algorithm;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.env.CartPoleVersion;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The settings form. Every field is checked as it is typed: a bad value marks its field (style
 * class {@code invalid}) and a message under it says what is allowed; {@link #valueProperty()}
 * is then null, which disables Start. Ranges come from {@link Hyperparameters} itself.
 */
public final class SettingsPane extends VBox {

    private final ComboBox<Algorithm> algorithm = new ComboBox<>(
            FXCollections.observableArrayList(Algorithm.values()));
    private final ComboBox<CartPoleVersion> version = new ComboBox<>(
            FXCollections.observableArrayList(CartPoleVersion.values()));
    private final TextField hiddenSize = new TextField();
    private final TextField learningRate = new TextField();
    private final TextField discount = new TextField();
    private final TextField entropy = new TextField();
    private final TextField maxSteps = new TextField();
    private final TextField episodes = new TextField();
    private final TextField seed = new TextField();
    private final Label resetNote = new Label("Settings changed \u2014 press Reset to apply");
    private final Label invalidNote = new Label(
            "Fix the marked field: Start, Step and Reset stay disabled until then.");

    private final List<Field<?>> fields = new ArrayList<>();
    private final ReadOnlyObjectWrapper<Hyperparameters> value = new ReadOnlyObjectWrapper<>();
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
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        inputs.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, inputs);

        algorithm.setId("algorithmField");
        version.setId("versionField");
        hiddenSize.setId("hiddenSizeField");
        learningRate.setId("learningRateField");
        discount.setId("discountField");
        entropy.setId("entropyField");
        maxSteps.setId("maxStepsField");
        episodes.setId("episodesField");
        seed.setId("seedField");
        algorithm.setMaxWidth(Double.MAX_VALUE);
        version.setMaxWidth(Double.MAX_VALUE);

        int row = 0;
        row = addRow(grid, row, "Algorithm", algorithm, null,
                "Policy-gradient stage: REINFORCE (Monte-Carlo returns), REINFORCE with the "
                        + "critic as baseline, or A2C (bootstrapped advantage).");
        row = addRow(grid, row, "Version", version, null,
                "CartPole-v0: episodes end at 200 steps, solved at a 50-episode average of "
                        + "195.\nCartPole-v1: 500 steps, solved at 475.");
        row = addRow(grid, row, "Hidden size", hiddenSize, new Field<>(hiddenSize,
                () -> FieldCheck.wholeNumber("Hidden size", hiddenSize.getText(),
                        Hyperparameters.DEFAULTS::withHiddenSize)),
                "Units in the hidden layer of the actor and of the critic.");
        row = addRow(grid, row, "Learning rate", learningRate, new Field<>(learningRate,
                () -> FieldCheck.decimal("Learning rate", learningRate.getText(),
                        Hyperparameters.DEFAULTS::withLearningRate)),
                "Adam's step size, e.g. 0.0003 (or 3e-4).");
        row = addRow(grid, row, "Discount \u03b3", discount, new Field<>(discount,
                () -> FieldCheck.decimal("Discount", discount.getText(),
                        Hyperparameters.DEFAULTS::withDiscount)),
                "How much future rewards count: 0 = only the next reward, 0.99 = far ahead.");
        row = addRow(grid, row, "Entropy coef.", entropy, new Field<>(entropy,
                () -> FieldCheck.decimal("Entropy coefficient", entropy.getText(),
                        Hyperparameters.DEFAULTS::withEntropyCoefficient)),
                "Weight of the entropy bonus that keeps the policy exploring (A2C).");
        row = addRow(grid, row, "Max steps", maxSteps, new Field<>(maxSteps,
                () -> FieldCheck.wholeNumber("Max steps", maxSteps.getText(),
                        Hyperparameters.DEFAULTS::withMaxSteps)),
                "Steps after which an episode is cut. The version's own limit (200 or 500) "
                        + "still applies.");
        row = addRow(grid, row, "Episodes", episodes, new Field<>(episodes,
                () -> FieldCheck.wholeNumber("Episodes", episodes.getText(),
                        Hyperparameters.DEFAULTS::withEpisodes)),
                "Episode budget of a run: training stops after this many.");
        addRow(grid, row, "Seed", seed, new Field<>(seed,
                () -> FieldCheck.seed("Seed", seed.getText())),
                "Seeds the weights, the resets and the action sampling: same seed and "
                        + "settings, same run.");

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

        getChildren().addAll(title, hint, grid, invalidNote, resetNote);

        algorithm.valueProperty().addListener((o, a, b) -> revalidate());
        version.valueProperty().addListener((o, a, b) -> revalidate());
    }

    private int addRow(GridPane grid, int row, String labelText, Node input, Field<?> field,
                       String help) {
        Label label = new Label(labelText);
        label.setLabelFor(input);
        label.getStyleClass().add("field-label");
        GridPane.setValignment(label, javafx.geometry.VPos.TOP);
        grid.add(label, 0, row);
        VBox cell = new VBox(input);
        cell.getStyleClass().add("field-cell");
        grid.add(cell, 1, row);
        Tooltip tip = new Tooltip(help);
        tip.setWrapText(true);
        tip.setMaxWidth(320);
        tip.setShowDelay(Duration.millis(400));
        Tooltip.install(label, tip);
        if (input instanceof javafx.scene.control.Control c) {
            c.setTooltip(tip);
        }
        if (field == null) {
            return row + 1;
        }
        fields.add(field);
        cell.getChildren().add(field.error);
        field.input.textProperty().addListener((o, a, b) -> revalidate());
        return row + 1;
    }

    /** Fills the form from {@code hp} (e.g. after loading a checkpoint). */
    public void setValue(Hyperparameters hp) {
        populating = true;
        try {
            base = hp;
            algorithm.setValue(hp.algorithm());
            version.setValue(hp.version());
            hiddenSize.setText(Integer.toString(hp.hiddenSize()));
            learningRate.setText(plain(hp.learningRate()));
            discount.setText(plain(hp.discount()));
            entropy.setText(plain(hp.entropyCoefficient()));
            maxSteps.setText(Integer.toString(hp.maxSteps()));
            episodes.setText(Integer.toString(hp.episodes()));
            seed.setText(Long.toString(hp.seed()));
        } finally {
            populating = false;
        }
        revalidate();
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private void revalidate() {
        if (populating) {
            return;
        }
        boolean allOk = true;
        for (Field<?> f : fields) {
            allOk &= f.check().ok();
        }
        if (!allOk || algorithm.getValue() == null || version.getValue() == null) {
            value.set(null);
            return;
        }
        Hyperparameters hp = new Hyperparameters(algorithm.getValue(), version.getValue(),
                (Integer) fields.get(0).last.value(), (Double) fields.get(1).last.value(),
                (Double) fields.get(2).last.value(), (Double) fields.get(3).last.value(),
                (Integer) fields.get(4).last.value(), (Integer) fields.get(5).last.value(),
                base.nSteps(), (Long) fields.get(6).last.value());
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

    /** The message under a field, for tests and for screen readers; null when valid. */
    public String errorFor(String fieldId) {
        for (Field<?> f : fields) {
            if (fieldId.equals(f.input.getId())) {
                return f.last == null ? null : f.last.error();
            }
        }
        throw new IllegalArgumentException("no field " + fieldId);
    }

    /** A text field, its live check and the message label under it. */
    private static final class Field<T> {
        final TextField input;
        final Supplier<FieldCheck<T>> checker;
        final Label error = new Label();
        FieldCheck<T> last;

        Field(TextField input, Supplier<FieldCheck<T>> checker) {
            this.input = input;
            this.checker = checker;
            error.getStyleClass().add("field-error");
            error.setWrapText(true);
            error.setVisible(false);
            error.managedProperty().bind(error.visibleProperty());
            error.setId(input.getId() + "Error");
        }

        FieldCheck<T> check() {
            last = checker.get();
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
            return last;
        }
    }

    private static final javafx.css.PseudoClass INVALID =
            javafx.css.PseudoClass.getPseudoClass("invalid");

}
