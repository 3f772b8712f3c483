package cartpolelab.ui;

import cartpolelab.train.Speed;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * The toolbar: run controls, Watch, speed, stop-when-solved and the file buttons. A
 * {@link ToolBar}, not an HBox: in a narrow window the last controls move into its overflow
 * menu instead of being clipped. Enabled states come from the view model's
 * {@link ControlState}; file buttons are disabled while a file operation runs.
 */
public final class MainToolbar extends ToolBar {

    private final Button startPause = new Button("Start");
    private final Button stepEpisode = new Button("Step episode");
    private final Button stepFrame = new Button("Step frame");
    private final Button reset = new Button("Reset");
    private final Button watch = new Button("Watch");
    private final ChoiceBox<Speed> speed = new ChoiceBox<>(
            FXCollections.observableArrayList(Speed.values()));
    private final CheckBox stopWhenSolved = new CheckBox("Stop when solved");
    private final SplitMenuButton savePlots = new SplitMenuButton();
    private final MenuItem saveReward = new MenuItem("Reward chart…");
    private final MenuItem saveStacked = new MenuItem("Both charts stacked…");
    private final MenuItem saveMaps = new MenuItem("Network maps…");
    private final MenuItem saveVariance = new MenuItem("Gradient-variance chart and CSV…");
    private final Button compare = new Button("Compare…");
    private final ToggleButton maps =
            new ToggleButton("Maps");
    /** What the button part saves: the last choice of the arrow's menu. */
    private boolean stackCharts;
    private final Button exportCsv = new Button("Export CSV");
    private final Button saveCheckpoint = new Button("Save checkpoint");
    private final Button loadCheckpoint = new Button("Load checkpoint");
    private final MenuButton pytorch =
            new MenuButton("PyTorch");
    private final MenuItem savePyTorch = new MenuItem("Save networks for PyTorch…");
    private final MenuItem openPyTorch = new MenuItem("Open PyTorch networks…");

    /** @param resetRun what Reset does (the view also clears its charts) */
    public MainToolbar(TrainingViewModel vm, Runnable resetRun, FileActions files) {
        getStyleClass().add("toolbar");
        setId("toolbar");
        createView();
        initListeners(vm, resetRun, files);
    }

    private void createView() {
        startPause.setId("startPauseButton");
        stepEpisode.setId("stepEpisodeButton");
        stepFrame.setId("stepFrameButton");
        reset.setId("resetButton");
        watch.setId("watchButton");
        speed.setId("speedChoice");
        stopWhenSolved.setId("stopWhenSolvedCheck");
        savePlots.setId("savePlotsButton");
        exportCsv.setId("exportCsvButton");
        saveCheckpoint.setId("saveCheckpointButton");
        loadCheckpoint.setId("loadCheckpointButton");
        pytorch.setId("pytorchMenu");
        savePyTorch.setId("savePyTorchItem");
        openPyTorch.setId("openPyTorchItem");
        pytorch.getItems().addAll(savePyTorch, openPyTorch);

        startPause.getStyleClass().add("primary");
        startPause.setMinWidth(84);
        savePlots.setText("Save plots");
        saveReward.setId("saveRewardChartItem");
        saveStacked.setId("saveStackedChartsItem");
        saveMaps.setId("saveMapsItem");
        saveVariance.setId("saveVarianceItem");
        savePlots.getItems().addAll(saveReward, saveStacked, saveMaps, saveVariance);
        compare.setId("compareButton");
        tip(compare, "Compare algorithms across seeds: a grid of runs on every core, with the "
                + "mean and its confidence band, in a window of its own");
        maps.setId("mapsToggle");
        maps.setSelected(true);
        tip(maps, "Show or hide what the networks know: the actor's π(push right | s) "
                + "and the critic's V(s) over the pole's angle and angular velocity");

        tip(startPause, "Start training, pause it, or resume it  (Space)");
        tip(stepEpisode, "Finish the episode in progress (after Step frame) or run one whole "
                + "episode, with its learning update, then pause  (N)");
        tip(stepFrame, "Take one environment step, then pause  (F)");
        tip(reset, "Fresh networks with the settings on the left; the charts start over  (R)");
        tip(watch, "Run the current policy greedily, in real time, without learning; "
                + "Pause to stop");
        StringBuilder speeds = new StringBuilder("How fast training runs; never what it "
                + "learns.");
        for (Speed s : Speed.values()) {
            speeds.append('\n').append(s.displayName()).append(": ").append(s.description());
        }
        tip(speed, speeds.toString());
        tip(stopWhenSolved, "Stop training when the 50-episode average reaches the version's "
                + "threshold (195 for v0, 475 for v1)");
        tip(savePlots, "Save the plots as PNG or SVG, by the file name's extension  (Ctrl+S)."
                + " The arrow chooses the reward chart or both charts stacked, and saves.");
        tip(exportCsv, "Write every finished episode's metrics to a CSV file");
        tip(saveCheckpoint, "Save the networks, the optimiser state and the settings to a file");
        tip(loadCheckpoint, "Load networks and settings from a checkpoint file, paused");
        tip(pytorch, "The networks as the study notebook's PyTorch ActorCritic (safetensors): "
                + "save them for model.load_state_dict(...), or open a model trained there as "
                + "a new run");

        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Speed s) {
                return s == null ? "" : s.displayName();
            }

            @Override
            public Speed fromString(String string) {
                throw new UnsupportedOperationException();
            }
        });
        Label speedLabel = new Label("Speed");
        speedLabel.setLabelFor(speed);
        speedLabel.getStyleClass().add("toolbar-label");

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getItems().addAll(startPause, stepEpisode, stepFrame, reset, separator(), watch,
                separator(), speedLabel, speed, stopWhenSolved, maps, compare, spacer, savePlots,
                exportCsv,
                saveCheckpoint, loadCheckpoint, pytorch);
        for (Node n : getItems()) {
            if (n instanceof Control c) {
                c.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
    }

    private void initListeners(TrainingViewModel vm, Runnable resetRun, FileActions files) {
        startPause.textProperty().bind(Bindings.createStringBinding(
                () -> vm.controlsProperty().get().startPauseText(), vm.controlsProperty()));
        startPause.disableProperty().bind(control(vm, ControlState::startPauseDisabled));
        stepEpisode.disableProperty().bind(control(vm, ControlState::stepDisabled));
        stepFrame.disableProperty().bind(control(vm, ControlState::stepDisabled));
        watch.disableProperty().bind(control(vm, ControlState::watchDisabled));
        reset.disableProperty().bind(control(vm, ControlState::resetDisabled));
        saveCheckpoint.disableProperty().bind(vm.fileBusyProperty());
        loadCheckpoint.disableProperty().bind(vm.fileBusyProperty());
        pytorch.disableProperty().bind(vm.fileBusyProperty());
        exportCsv.disableProperty().bind(vm.fileBusyProperty().or(Bindings.createBooleanBinding(
                () -> vm.statusProperty().get() == null
                        || vm.statusProperty().get().episodes() == 0, vm.statusProperty())));
        savePlots.disableProperty().bind(vm.fileBusyProperty());
        speed.valueProperty().bindBidirectional(vm.speedProperty());
        stopWhenSolved.selectedProperty().bindBidirectional(vm.stopWhenSolvedProperty());

        startPause.setOnAction(e -> vm.toggleStartPause());
        stepEpisode.setOnAction(e -> vm.stepEpisode());
        stepFrame.setOnAction(e -> vm.stepFrame());
        reset.setOnAction(e -> resetRun.run());
        watch.setOnAction(e -> vm.watch());
        savePlots.setOnAction(e -> files.savePlots(stackCharts));
        saveReward.setOnAction(e -> {
            stackCharts = false;
            files.savePlots(false);
        });
        saveStacked.setOnAction(e -> {
            stackCharts = true;
            files.savePlots(true);
        });
        saveMaps.setOnAction(e -> files.saveMaps());
        saveVariance.setOnAction(e -> files.saveVariance());
        exportCsv.setOnAction(e -> files.exportCsv());
        saveCheckpoint.setOnAction(e -> files.saveCheckpoint());
        loadCheckpoint.setOnAction(e -> files.loadCheckpoint());
        savePyTorch.setOnAction(e -> files.savePyTorch());
        openPyTorch.setOnAction(e -> files.openPyTorch());

        vm.settingsNeedResetProperty().addListener((o, a, b) -> {
            reset.getStyleClass().remove("attention");
            if (b) {
                reset.getStyleClass().add("attention");
            }
        });
    }

    /** The Maps button is disabled, and says why, while {@code available} is false. */
    void mapsAvailable(ObservableBooleanValue available) {
        maps.disableProperty().bind(Bindings.not(available));
        Tooltip narrow = new Tooltip("The network maps need a wider window: widen it (or "
                + "maximise it) to see them beside the cart");
        Tooltip usual = maps.getTooltip();
        available.addListener((o, a, b) -> maps.setTooltip(b ? usual : narrow));
        maps.setTooltip(available.get() ? usual : narrow);
    }

    /** Adds {@code n} after Compare…, before the file buttons (the View menu). */
    void addBeforeFiles(Node n) {
        int at = getItems().indexOf(compare) + 1;
        getItems().add(at, n);
        if (n instanceof Control c) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    /** What Compare… does. */
    void setOnCompare(Runnable action) {
        compare.setOnAction(e -> action.run());
    }

    /** Selected while the network maps show. */
    public BooleanProperty mapsShownProperty() {
        return maps.selectedProperty();
    }

    private static BooleanBinding control(TrainingViewModel vm, Predicate<ControlState> test) {
        return Bindings.createBooleanBinding(() -> test.test(vm.controlsProperty().get()),
                vm.controlsProperty());
    }

    private static Separator separator() {
        Separator s = new Separator(Orientation.VERTICAL);
        s.getStyleClass().add("toolbar-separator");
        return s;
    }

    private static void tip(Control c, String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(360);
        t.setShowDelay(Duration.millis(400));
        c.setTooltip(t);
    }

    /** Whether the Save plots button writes both charts stacked (the menu's last choice). */
    public boolean isStackCharts() {
        return stackCharts;
    }
}
