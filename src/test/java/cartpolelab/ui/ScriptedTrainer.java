package cartpolelab.ui;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.EpisodeStats;
import cartpolelab.metrics.GradientVariance;
import cartpolelab.metrics.GradientVarianceHistory;
import cartpolelab.train.Frame;
import cartpolelab.train.RunSnapshot;
import cartpolelab.train.TrainerPort;
import cartpolelab.train.Speed;
import cartpolelab.train.TrainerState;
import cartpolelab.train.TrainerStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A trainer whose episodes and failures the test decides: for what the real trainer cannot be
 * made to do on demand (fail mid-run) and for chart tests with many synthetic episodes.
 * Thread-safe; nothing runs by itself.
 */
final class ScriptedTrainer implements TrainerPort {

    private Hyperparameters hp;
    private TrainerState state = TrainerState.IDLE;
    private String failure;
    private List<EpisodeStats> episodes = new ArrayList<>();
    private Frame frame;
    private EpisodeHistory history = new EpisodeHistory();
    /** A synthetic measurement every {@value #MEASURE_EVERY} episodes (as the app's K). */
    private GradientVarianceHistory gradientVariance = new GradientVarianceHistory();
    static final int MEASURE_EVERY = 150;
    private boolean closed;
    /** When set, a reset waits for {@link #finishReset()}, as the real trainer's thread may. */
    private boolean deferResets;
    private Hyperparameters pendingReset;
    final List<String> commands = new ArrayList<>();

    ScriptedTrainer(Hyperparameters hp) {
        this.hp = hp;
    }

    synchronized void addEpisodes(int n, java.util.function.IntToDoubleFunction reward) {
        List<EpisodeStats> copy = new ArrayList<>(episodes);
        for (int k = 0; k < n; k++) {
            int i = copy.size();
            double r = reward.applyAsDouble(i);
            double sum = 0;
            int from = Math.max(0, i - 49);
            for (int j = from; j < i; j++) {
                sum += copy.get(j).reward();
            }
            double ma = (sum + r) / (i - from + 1);
            EpisodeStats s = new EpisodeStats(i + 1, r, (int) r, ma, Math.sin(i * 0.1),
                    50 + 40 * Math.cos(i * 0.05), 0.69 * Math.exp(-i / 2000.0), i * 100L,
                    i * 0.01, 10000);
            copy.add(s);
            history.add(s);
            if ((i + 1) % MEASURE_EVERY == 0) {
                double scale = 1e4 * Math.exp(-i / 1500.0) + 100;
                gradientVariance.add(new GradientVariance(i + 1, i + 1, scale, scale / 5,
                        scale / 40, scale / 40, 8));
            }
        }
        episodes = copy;
        frame = new Frame(0.3, 0, 0.05, 0, 1, 0.4, 0.6, 12.5, 17, episodes.size() + 1, 17,
                false, false, false);
    }

    synchronized void fail(String message) {
        state = TrainerState.FAILED;
        failure = message;
    }

    synchronized boolean closed() {
        return closed;
    }

    @Override
    public synchronized Hyperparameters hyperparameters() {
        return hp;
    }

    @Override
    public synchronized void start() {
        commands.add("start");
        state = TrainerState.RUNNING;
    }

    @Override
    public synchronized void pause() {
        commands.add("pause");
        state = TrainerState.PAUSED;
    }

    @Override
    public synchronized void resume() {
        commands.add("resume");
        state = TrainerState.RUNNING;
    }

    @Override
    public synchronized void stepEpisode() {
        commands.add("stepEpisode");
        addEpisodes(1, i -> 20);
        state = TrainerState.PAUSED;
    }

    @Override
    public synchronized void stepFrame() {
        commands.add("stepFrame");
        state = TrainerState.PAUSED;
    }

    @Override
    public synchronized void reset(Hyperparameters hyperparameters) {
        commands.add("reset");
        if (deferResets) {
            pendingReset = hyperparameters;
        } else {
            install(hyperparameters);
        }
    }

    synchronized void deferResets() {
        deferResets = true;
    }

    /** The deferred reset happens now. */
    synchronized void finishReset() {
        install(pendingReset);
        pendingReset = null;
    }

    private void install(Hyperparameters hyperparameters) {
        hp = hyperparameters;
        state = TrainerState.IDLE;
        failure = null;
        episodes = new ArrayList<>();
        history = new EpisodeHistory();
        gradientVariance = new GradientVarianceHistory();
        frame = null;
    }

    @Override
    public synchronized void setEpisodeBudget(int episodes) {
        commands.add("episodes " + episodes);
        hp = hp.withEpisodes(episodes);
    }

    @Override
    public synchronized void watch() {
        commands.add("watch");
        state = TrainerState.RUNNING;
    }

    @Override
    public synchronized void setSpeed(Speed speed) {
        commands.add("speed " + speed);
    }

    @Override
    public synchronized void measureGradientVariance(
            cartpolelab.agent.GradientVarianceProbe.Settings settings) {
        commands.add("measure " + (settings == null ? "off" : settings.everyEpisodes() + "/"
                + settings.episodes()));
    }

    @Override
    public synchronized void setStopWhenSolved(boolean stopWhenSolved) {
        commands.add("stopWhenSolved " + stopWhenSolved);
    }

    @Override
    public synchronized void stop() {
        commands.add("stop");
        closed = true;
        state = TrainerState.STOPPED;
    }

    @Override
    public synchronized void close() {
        commands.add("close");
        stop();
    }

    @Override
    public synchronized Frame latestFrame() {
        return frame;
    }

    @Override
    public synchronized TrainerStatus status() {
        int n = episodes.size();
        EpisodeStats last = n == 0 ? null : episodes.get(n - 1);
        double best = episodes.stream().mapToDouble(EpisodeStats::movingAverage).max()
                .orElse(Double.NaN);
        return new TrainerStatus(state, n, last == null ? 0 : last.totalSteps(),
                last == null ? Double.NaN : last.reward(),
                last == null ? Double.NaN : last.movingAverage(), best, 10000, -1, failure);
    }

    @Override
    public synchronized EpisodeHistory history() {
        return history;
    }

    @Override
    public cartpolelab.train.EpisodeRecorder recorder() {
        return null;
    }

    @Override
    public synchronized GradientVarianceHistory gradientVariance() {
        return gradientVariance;
    }

    @Override
    public CompletableFuture<RunSnapshot> snapshot() {
        return CompletableFuture.failedFuture(new IllegalStateException("scripted trainer "
                + "takes no snapshot"));
    }

    @Override
    public CompletableFuture<Void> restore(RunSnapshot snapshot,
            java.util.List<cartpolelab.train.RecordedEpisode> milestones) {
        return CompletableFuture.failedFuture(new IllegalArgumentException("scripted trainer "
                + "restores nothing"));
    }
}
