package cartpolelab.ui;

import cartpolelab.train.EpisodeRecorder;
import cartpolelab.train.Speed;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The controls of {@link Replay} under the canvas: previous and next recorded episode, a
 * frame back and forward, play/pause, a timeline to scrub, the replay speed, and "Live" to go
 * back to the training frames; a line says which episode is shown and how far training has
 * got. {@link #update} brings it in line with the replay once per screen refresh.
 *
 * <p>The line has a row of its own under the controls, where it wraps rather than being cut;
 * narrower than {@link #COMPACT_WIDTH} (a small window) the buttons show their arrows only: no
 * control and no part of the line is ever cut to "…".
 */
final class ReplayBar extends VBox {

    /** Narrower than this, the buttons show arrows only. */
    static final double COMPACT_WIDTH = 760;

    private final Replay replay;
    private final Button previous = button("replayPrevious", "\u00ab Episode",
            "The previous recorded episode  (Page Up)");
    private final Button back = button("replayBack", "\u2039 Frame", "One frame back  (\u2190)");
    private final Button play = button("replayPlay", "Replay", "Replay the newest finished "
            + "episode, then the newest after it, while training goes on; or play/pause the "
            + "episode shown  (P)");
    private final Button forward = button("replayForward", "Frame \u203a",
            "One frame forward  (\u2192)");
    private final Button next = button("replayNext", "Episode \u00bb",
            "The next recorded episode  (Page Down)");
    private final Slider timeline = new Slider(0, 1, 0);
    private final ChoiceBox<Speed> speed = new ChoiceBox<>(FXCollections.observableArrayList(
            Arrays.stream(Speed.values()).filter(Speed::paced).toList()));
    private final Button live = button("replayLive", "Live", "Back to the training frames  "
            + "(Esc)");
    private final Label text = new Label();
    private boolean compact;
    private final ChoiceBox<Integer> keep = new ChoiceBox<>(FXCollections.observableArrayList(
            100, 1_000, 10_000));
    private boolean updating;

    /**
     * What "Save as GIF…" was asked for.
     *
     * @param atReplaySpeed at the bar's speed (else ×1, real time)
     * @param overlay       with the numbers panel
     * @param width         pixels wide, or 0 for the canvas's width
     */
    record GifChoice(boolean atReplaySpeed, boolean overlay, int width) {
    }

    private final MenuButton gif =
            new MenuButton("GIF");
    private final CheckMenuItem gifAtSpeed =
            new CheckMenuItem("At the replay speed (else ×1)");
    private final CheckMenuItem gifOverlay =
            new CheckMenuItem("With the numbers panel");
    private final ToggleGroup gifWidth =
            new ToggleGroup();
    private Consumer<GifChoice> onSaveGif = c -> { };

    /** What "Save as GIF…" does with the choice. */
    void setOnSaveGif(Consumer<GifChoice> action) {
        onSaveGif = Objects.requireNonNull(action);
    }

    private void createGifMenu() {
        gif.setId("replayGif");
        gif.setMinWidth(Region.USE_PREF_SIZE);
        gif.setFocusTraversable(false);
        gif.setTooltip(new Tooltip("Save the episode shown as an animated GIF, for slides"));
        MenuItem save =
                new MenuItem("Save as GIF…");
        save.setId("replaySaveGif");
        gifOverlay.setSelected(true);
        gif.getItems().addAll(save, new SeparatorMenuItem(), gifAtSpeed,
                gifOverlay);
        for (int w : new int[] {0, 480, 800}) {
            RadioMenuItem item = new RadioMenuItem(
                    w == 0 ? "Canvas size" : w + " px wide");
            item.setUserData(w);
            item.setToggleGroup(gifWidth);
            item.setSelected(w == 0);
            gif.getItems().add(item);
        }
        save.setOnAction(e -> onSaveGif.accept(new GifChoice(gifAtSpeed.isSelected(),
                gifOverlay.isSelected(), (Integer) gifWidth.getSelectedToggle().getUserData())));
    }

    ReplayBar(Replay replay) {
        this.replay = replay;
        setId("replayBar");
        getStyleClass().add("replay-bar");
        setAlignment(Pos.CENTER_LEFT);
        timeline.setId("replayTimeline");
        timeline.setMinWidth(36);
        timeline.setTooltip(new Tooltip("Drag to scrub through the episode's frames"));
        timeline.valueProperty().addListener((o, a, b) -> {
            if (!updating) {
                replay.scrub((int) Math.round(b.doubleValue()));
            }
        });
        HBox.setHgrow(timeline, Priority.ALWAYS);
        speed.setId("replaySpeed");
        speed.setAccessibleText("Replay speed");
        speed.setMinWidth(Region.USE_PREF_SIZE);
        speed.setValue(replay.speed());
        speed.setTooltip(new Tooltip("Replay speed: ×1 is the true motion, 50 frames a second"));
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Speed s) {
                return s == null ? "" : s.displayName().replace(" real time", "");
            }

            @Override
            public Speed fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        speed.valueProperty().addListener((o, a, b) -> replay.setSpeed(b));
        text.setId("replayText");
        text.getStyleClass().add("replay-text");
        text.setMinWidth(0);
        previous.setOnAction(e -> replay.jump(-1));
        back.setOnAction(e -> replay.step(-1));
        play.setOnAction(e -> replay.togglePlay());
        forward.setOnAction(e -> replay.step(1));
        next.setOnAction(e -> replay.jump(1));
        live.setOnAction(e -> replay.stop());
        keep.setId("replayKeep");
        keep.setAccessibleText("Recent episodes kept for replay");
        keep.setMinWidth(Region.USE_PREF_SIZE);
        keep.setValue(EpisodeRecorder.DEFAULT_KEEP);
        keep.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer n) {
                return n == null ? "" : String.format(Locale.ROOT, "keep %,d", n);
            }

            @Override
            public Integer fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        keep.setTooltip(new Tooltip("Recent episodes kept for replay, besides the milestones "
                + "(first, each new best, the solving window's first). A frame takes 29 bytes: "
                + "1,000 episodes of 200 steps take about 6 MB."));
        createGifMenu();
        HBox controls = new HBox(previous, back, play, forward, next, timeline, speed, keep, live,
                gif);
        controls.getStyleClass().add("replay-controls");
        controls.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(controls, text);
        text.setMaxWidth(Double.MAX_VALUE);
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        setMinWidth(0);
        widthProperty().addListener((o, a, b) -> fit(b.doubleValue()));
    }

    /** Full labels on the buttons, or arrows only when narrower than {@link #COMPACT_WIDTH}. */
    private void fit(double width) {
        boolean arrows = width < COMPACT_WIDTH;
        if (arrows != compact) {
            compact = arrows;
            previous.setText(arrows ? "\u00ab" : "\u00ab Episode");
            back.setText(arrows ? "\u2039" : "\u2039 Frame");
            forward.setText(arrows ? "\u203a" : "Frame \u203a");
            next.setText(arrows ? "\u00bb" : "Episode \u00bb");
        }
    }

    boolean compact() {
        return compact;
    }

    private static Button button(String id, String label, String tip) {
        Button b = new Button(label);
        b.setId(id);
        b.getStyleClass().add("replay-button");
        Tooltip t = new Tooltip(tip);
        t.setWrapText(true);
        t.setMaxWidth(340);
        b.setTooltip(t);
        b.setAccessibleText(Accessibility.firstSentence(tip)); // "One frame back", not "‹"
        b.setFocusTraversable(false);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    /** Gives {@code recorder} (null: none) the number of recent episodes the bar says. */
    void applyKeep(EpisodeRecorder recorder) {
        if (recorder != null && recorder.keep() != keep.getValue()) {
            recorder.setKeep(keep.getValue());
        }
    }

    /** Shows the replay's state; {@code trainingEpisode} is how far training has got. */
    void update(int trainingEpisode) {
        boolean on = replay.active();
        updating = true;
        try {
            if (on) {
                timeline.setMax(Math.max(1, replay.episode().steps()));
                timeline.setValue(replay.frameIndex());
            } else {
                timeline.setValue(0); // live: no replay's position left behind
            }
        } finally {
            updating = false;
        }
        timeline.setDisable(!on);
        back.setDisable(!on);
        forward.setDisable(!on);
        live.setDisable(!on);
        gif.setDisable(!on);
        String playText = !on ? "Replay" : replay.playing() ? "Pause" : "Play";
        if (!playText.equals(play.getText())) {
            play.setText(playText);
        }
        String line = replay.describe(trainingEpisode);
        if (!line.equals(text.getText())) {
            text.setText(line);
            text.setTooltip(new Tooltip(line));
        }
    }
}
