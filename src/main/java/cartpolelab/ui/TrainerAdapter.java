package cartpolelab.ui;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.io.MetricsCsv;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.train.Frame;
import cartpolelab.train.Speed;
import cartpolelab.train.Trainer;
import cartpolelab.train.TrainerStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/** The real {@link Trainer} behind the {@link TrainerPort} the view model talks to. */
public final class TrainerAdapter implements TrainerPort {

    private final Trainer trainer;

    public TrainerAdapter(Hyperparameters hyperparameters) {
        this.trainer = new Trainer(hyperparameters);
    }

    @Override
    public Hyperparameters hyperparameters() {
        return trainer.hyperparameters();
    }

    @Override
    public void start() {
        trainer.start();
    }

    @Override
    public void pause() {
        trainer.pause();
    }

    @Override
    public void resume() {
        trainer.resume();
    }

    @Override
    public void stepEpisode() {
        trainer.stepEpisode();
    }

    @Override
    public void stepFrame() {
        trainer.stepFrame();
    }

    @Override
    public void reset(Hyperparameters hyperparameters) {
        trainer.reset(hyperparameters);
    }

    @Override
    public void watch() {
        trainer.watch();
    }

    @Override
    public void setSpeed(Speed speed) {
        trainer.setSpeed(speed);
    }

    @Override
    public void setStopWhenSolved(boolean stopWhenSolved) {
        trainer.setStopWhenSolved(stopWhenSolved);
    }

    @Override
    public void close() {
        trainer.close();
    }

    @Override
    public Frame latestFrame() {
        return trainer.latestFrame();
    }

    @Override
    public TrainerStatus status() {
        return trainer.status();
    }

    @Override
    public EpisodeHistory history() {
        return trainer.history();
    }

    @Override
    public CompletableFuture<Void> saveCheckpoint(Path file) {
        return trainer.saveCheckpoint(file);
    }

    @Override
    public CompletableFuture<Void> loadCheckpoint(Path file) {
        return trainer.loadCheckpoint(file);
    }

    @Override
    public void writeCsv(Path file) throws IOException {
        MetricsCsv.write(file, trainer.history());
    }
}
