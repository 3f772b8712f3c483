package cartpolelab.ui;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.train.EpisodeSignals;
import cartpolelab.train.EpisodeRecorder;
import cartpolelab.train.Frame;
import cartpolelab.train.RecordedEpisode;
import cartpolelab.train.Speed;
import java.util.Locale;

/**
 * Replaying recorded episodes on the canvas, as plain state (no JavaFX), advanced once per
 * screen refresh by {@link #tick(long)}.
 *
 * <ul>
 *   <li><b>Latest</b>: replays the newest finished episode; when it ends, jumps to the newest
 *       one training has finished since (training goes on meanwhile, at its own speed).</li>
 *   <li><b>Chosen</b>: one episode the user picked (a click on the reward chart, the previous
 *       or next recorded one); it stops at its last frame.</li>
 * </ul>
 * Frames advance at a paced {@link Speed} (×1 = 50 frames a second, the true motion); stepping
 * a frame back or forward pauses. Off, the canvas shows the live frames.
 */
final class Replay {

    enum Mode { OFF, LATEST, CHOSEN }

    private EpisodeSignals signals;
    private RecordedEpisode signalsOf;
    private Hyperparameters signalsSettings;
    private EpisodeRecorder recorder;
    private Mode mode = Mode.OFF;
    private RecordedEpisode episode;
    private double position;
    private boolean playing;
    private Speed speed = Speed.X1;
    private long lastTick;
    private String note = "";
    /** The note while nothing is recorded; {@link #describe} says why. */
    private static final String NOTHING = "nothing recorded";

    /** The run's recordings (null: nothing to replay); a new run ends the replay. */
    void bind(EpisodeRecorder recorder) {
        if (recorder != this.recorder) {
            this.recorder = recorder;
            stop();
        }
    }

    boolean active() {
        return mode != Mode.OFF && episode != null;
    }

    Mode mode() {
        return mode;
    }

    /** Replays the newest finished episode, and the newest after each; false if none yet. */
    boolean followLatest() {
        RecordedEpisode latest = recorder == null ? null : recorder.latest();
        if (latest == null) {
            note = NOTHING;
            return false;
        }
        mode = Mode.LATEST;
        start(latest);
        note = "";
        return true;
    }

    /**
     * Replays {@code number}, or the nearest recorded episode (saying so); false when nothing
     * is recorded.
     */
    boolean show(int number) {
        RecordedEpisode e = recorder == null ? null : recorder.nearest(number);
        if (e == null) {
            note = NOTHING;
            return false;
        }
        mode = Mode.CHOSEN;
        start(e);
        note = e.episode() == number ? "" : String.format(Locale.ROOT,
                "episode %,d is not recorded: the nearest recorded one", number);
        return true;
    }

    /** Back to the live canvas. */
    void stop() {
        mode = Mode.OFF;
        episode = null;
        playing = false;
        note = "";
    }

    private void start(RecordedEpisode e) {
        episode = e;
        position = 0;
        playing = true;
        lastTick = 0;
    }

    void togglePlay() {
        if (!active()) {
            followLatest();
            return;
        }
        if (!playing && frameIndex() == episode.steps()) {
            position = 0; // at the end: play it again
        }
        playing = !playing;
        lastTick = 0;
    }

    boolean playing() {
        return active() && playing;
    }

    /** One frame back (negative) or forward; pauses. */
    void step(int frames) {
        if (active()) {
            playing = false;
            scrub(frameIndex() + frames);
        }
    }

    /** Shows frame {@code k} (clamped); keeps playing or paused as it was. */
    void scrub(int k) {
        if (active()) {
            position = Math.max(0, Math.min(episode.steps(), k));
            lastTick = 0;
        }
    }

    /** The previous (-1) or next (+1) recorded episode; pauses on its first frame. */
    void jump(int direction) {
        if (!active()) {
            followLatest();
            return;
        }
        RecordedEpisode e = direction < 0 ? recorder.before(episode.episode())
                : recorder.after(episode.episode());
        if (e != null) {
            mode = Mode.CHOSEN;
            start(e);
            playing = false;
            note = "";
        }
    }

    void setSpeed(Speed speed) {
        if (speed.paced()) {
            this.speed = speed;
        }
    }

    Speed speed() {
        return speed;
    }

    /** Advances the frames by the time since the last tick (nanoseconds). */
    void tick(long now) {
        if (!playing()) {
            lastTick = 0;
            return;
        }
        if (lastTick != 0) {
            // at most a tenth of a second at once: a stalled window does not skip ahead
            double seconds = Math.min(0.1, (now - lastTick) / 1e9);
            position += seconds * speed.stepsPerSecond();
        }
        lastTick = now;
        if (position >= episode.steps()) {
            position = episode.steps();
            RecordedEpisode latest = recorder.latest();
            if (mode == Mode.LATEST && latest != null && latest != episode) {
                start(latest); // the newest finished episode, from its start
            } else if (mode == Mode.CHOSEN) {
                playing = false;
            }
        }
    }

    RecordedEpisode episode() {
        return episode;
    }

    /** G_t and Ψ_t of the episode replayed, as a run with {@code hp} learned from it; or null. */
    EpisodeSignals signals(Hyperparameters hp) {
        if (!active()) {
            return null;
        }
        if (signalsOf != episode || !hp.equals(signalsSettings)) {
            signals = EpisodeSignals.of(episode, hp);
            signalsOf = episode;
            signalsSettings = hp;
        }
        return signals;
    }

    int frameIndex() {
        return active() ? (int) Math.floor(position) : 0;
    }

    /** The frame to draw, or null when off. */
    Frame frame() {
        return active() ? episode.frame(frameIndex()) : null;
    }

    /**
     * One line for the replay bar: "latest episode 812 · frame 35/200 · training at 1,034",
     * or why there is nothing to replay.
     */
    String describe(int trainingEpisode) {
        if (!active()) {
            if (note.equals(NOTHING)) {
                // the run's earlier episodes came from a checkpoint or from Compare
                return trainingEpisode == 0 ? "No finished episode to replay yet."
                        : String.format(Locale.ROOT, "Episodes 1\u2013%,d were loaded, not "
                        + "recorded: replays start with the next episode trained here",
                        trainingEpisode);
            }
            return note.isEmpty() ? "Replay recorded episodes: P plays the latest, or click "
                    + "the reward chart" : note;
        }
        String what = String.format(Locale.ROOT, "%sepisode %,d \u00b7 frame %,d/%,d "
                        + "\u00b7 training at %,d", mode == Mode.LATEST ? "latest " : "",
                episode.episode(), frameIndex(), episode.steps(), trainingEpisode);
        return note.isEmpty() ? what : what + " (" + note + ")";
    }
}
