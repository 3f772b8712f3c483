package cartpolelab.ui.compare;

import cartpolelab.agent.Algorithm;
import cartpolelab.agent.GradientVarianceProbe;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.train.ExperimentSpec;
import cartpolelab.train.Sweep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;

/**
 * The experiment's grid as a form: which algorithms, which seeds, how many episodes, an
 * optional swept setting with its values, and how many cores. Every other setting is the main
 * window's. {@link #spec} turns it into an {@link ExperimentSpec} or says what is wrong.
 */
final class CompareSetup extends FlowPane {

    private final List<CheckBox> algorithms = new ArrayList<>();
    private final CheckBox variance = new CheckBox("Gradient variance");
    private final TextField seeds = new TextField("10");
    private final TextField episodes = new TextField();
    private final TextField sweep = new TextField();
    private final Spinner<Integer> threads = new Spinner<>(1,
            Math.max(1, Runtime.getRuntime().availableProcessors()),
            ExperimentSpec.defaultThreads());

    CompareSetup(Hyperparameters base) {
        super(10, 6);
        getStyleClass().add("compare-setup");
        for (Algorithm a : Algorithm.values()) {
            CheckBox box = new CheckBox(a.displayName());
            box.setId("compare" + a.name());
            // the notebook's three by default, as the command line's compare (PPO on request)
            box.setSelected(!a.clipped());
            algorithms.add(box);
        }
        seeds.setId("compareSeeds");
        seeds.setPrefColumnCount(6);
        tip(seeds, "A count (10: seeds 1 to 10) or a list (3,7,9). Each seed is one run per "
                + "algorithm (and swept value).");
        episodes.setId("compareEpisodes");
        episodes.setPrefColumnCount(5);
        episodes.setText(Integer.toString(base.episodes()));
        tip(episodes, "Episodes every run trains (every run trains them all, solved or not, so "
                + "every curve has every episode)");
        sweep.setId("compareSweep");
        sweep.setPrefColumnCount(16);
        sweep.setPromptText("e.g. lr=1e-4,3e-4,1e-3");
        tip(sweep, "Optional: one setting and its values, each a group of its own. Settings: "
                + Sweep.names() + ". Empty: every run uses the main window's settings.");
        threads.setId("compareThreads");
        threads.setPrefWidth(70);
        tip(threads, "Runs trained at once, one per core; each run is bit for bit the run "
                + "trained alone with its seed");
        variance.setId("compareVariance");
        variance.setSelected(true);
        tip(variance, "Every " + GradientVarianceProbe.Settings.DEFAULT_EVERY
                + " episodes of each run, sample "
                + GradientVarianceProbe.Settings.DEFAULT_EPISODES
                + " episodes with its current networks (training untouched, bit for bit) and "
                + "measure how noisy each estimator of the policy gradient is; costs about a "
                + "tenth of the training time");
        getChildren().addAll(algorithms);
        getChildren().addAll(new Label("Seeds"), seeds, new Label("Episodes"), episodes,
                new Label("Sweep"), sweep, new Label("Cores"), threads, variance);
        seeds.setAccessibleText("Seeds: a count or a list");
        episodes.setAccessibleText("Episodes per run");
        sweep.setAccessibleText("Sweep: one setting and its values");
        threads.setAccessibleText("Cores");
        // checked as you type, like the main window's settings: every problem at once
        for (TextField f : List.of(seeds, episodes, sweep)) {
            f.textProperty().addListener((o, a, b) -> check());
        }
        for (CheckBox box : algorithms) {
            box.selectedProperty().addListener((o, a, b) -> check());
        }
        check();
    }

    private static final PseudoClass INVALID =
            PseudoClass.getPseudoClass("invalid");
    private final ReadOnlyStringWrapper problems =
            new ReadOnlyStringWrapper("");

    /** Every problem of the form, one line each; empty when Start can go. */
    ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    /** {@code note} shows the form's problems as they change (hidden when there are none). */
    void showProblemsIn(Label note) {
        problems.addListener((o, a, b) -> {
            note.setText(b);
            note.setVisible(!b.isEmpty());
        });
    }

    private void check() {
        List<String> lines = new ArrayList<>();
        if (algorithms.stream().noneMatch(CheckBox::isSelected)) {
            lines.add("Tick at least one algorithm.");
        }
        mark(seeds, lines, () -> ExperimentSpec.parseSeeds(seeds.getText()), "");
        mark(episodes, lines, () -> episodes(Hyperparameters.DEFAULTS), "");
        mark(sweep, lines, () -> sweep.getText().isBlank() ? null
                : Sweep.parse(sweep.getText().trim()), "Sweep: ");
        problems.set(String.join("\n", lines));
    }

    private static void mark(TextField f, List<String> lines, Callable<?> parse,
                             String prefix) {
        String problem = null;
        try {
            parse.call();
        } catch (Exception e) {
            String m = windowText(e.getMessage());
            problem = prefix.isEmpty() ? capitalised(m) : prefix + m;
        }
        f.pseudoClassStateChanged(INVALID, problem != null);
        if (problem != null) {
            lines.add(problem);
        }
    }

    /** A message of the command line's parser, as the form says it (no flags, no repeats). */
    static String windowText(String m) {
        String t = m.replace("--sweep ", "").replace("--seeds ", "");
        if (t.startsWith("sweep value ")) {
            t = "value " + t.substring("sweep value ".length());
        }
        return t;
    }

    private Hyperparameters episodes(Hyperparameters base) {
        int n;
        try {
            n = Integer.parseInt(episodes.getText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Episodes: '" + episodes.getText()
                    + "' is not a whole number; write e.g. 3000.");
        }
        try {
            return base.withEpisodes(n);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Episodes: " + e.getMessage());
        }
    }

    private static void tip(Control c, String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(360);
        c.setTooltip(t);
    }

    /**
     * The grid over {@code base} (the main window's settings).
     *
     * @throws IllegalArgumentException naming the field and what to write instead
     */
    ExperimentSpec spec(Hyperparameters base) {
        List<Algorithm> chosen = new ArrayList<>();
        for (int i = 0; i < algorithms.size(); i++) {
            if (algorithms.get(i).isSelected()) {
                chosen.add(Algorithm.values()[i]);
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("Tick at least one algorithm.");
        }
        Hyperparameters hp = episodes(base);
        List<Long> seedList;
        try {
            seedList = ExperimentSpec.parseSeeds(seeds.getText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(capitalised(windowText(e.getMessage())));
        }
        Sweep s = null;
        if (!sweep.getText().isBlank()) {
            try {
                s = Sweep.parse(sweep.getText().trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Sweep: " + windowText(e.getMessage()));
            }
        }
        return ExperimentSpec.of(hp, chosen, seedList).withSweep(s)
                .withThreads(threads.getValue());
    }

    private static String capitalised(String m) {
        return m.isEmpty() ? m : m.substring(0, 1).toUpperCase(Locale.ROOT) + m.substring(1);
    }

    /** Locks the form while an experiment runs. */
    void setRunning(boolean running) {
        for (Node n : getChildren()) {
            n.setDisable(running);
        }
    }

    /** True when the runs measure their gradient variance. */
    boolean measureVariance() {
        return variance.isSelected();
    }
}
