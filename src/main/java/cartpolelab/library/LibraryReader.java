package cartpolelab.library;

import cartpolelab.agent.HyperparameterBuilder;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.agent.NamedSettings;
import cartpolelab.io.Checkpoint;
import cartpolelab.metrics.EpisodeHistory;
import cartpolelab.metrics.EpisodeStats;
import cartpolelab.metrics.GradientVariance;
import cartpolelab.metrics.GradientVarianceHistory;
import cartpolelab.train.RecordedEpisode;
import cartpolelab.train.RunSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Queries of a {@link RunLibrary}: its runs, a run's history, checkpoints and experiments. */
public final class LibraryReader {

    private static final String RUN_COLUMNS = "id, name, source, experiment_id, cell, "
            + "sweep_value, algorithm, env, hidden, lr, gamma, entropy_coef, max_steps, "
            + "episode_budget, n_steps, gae_lambda, named_settings, seed, grad_variance_every, "
            + "grad_variance_episodes, "
            + "app_version, started, ended, state, failure, episodes, total_steps, solved_at, "
            + "best_ma50, final_ma50, notes";

    private final RunLibrary library;

    LibraryReader(RunLibrary library) {
        this.library = library;
    }

    /** A run's history as the trainer kept it, and its gradient-variance measurements. */
    public record History(EpisodeHistory episodes, GradientVarianceHistory gradientVariance) {
    }

    /** An experiment as recorded: its grid, and (for a shard) which shard. */
    public record Experiment(long id, String name, Instant created, String env,
                             List<String> algorithms, List<Long> seeds, String sweepName,
                             List<String> sweepValues, String shard, int episodes) {
    }

    /** The library's file. */
    public Path library() {
        return library.file();
    }

    /** Every run not in the trash, oldest first. */
    public List<StoredRun> runs() throws LibraryException {
        return query("SELECT " + RUN_COLUMNS + " FROM runs WHERE deleted = 0 ORDER BY id", -1);
    }

    /** The runs of one experiment, in the order they were recorded. */
    public List<StoredRun> runsOf(long experimentId) throws LibraryException {
        return query("SELECT " + RUN_COLUMNS + " FROM runs WHERE deleted = 0 AND experiment_id"
                + " = ? ORDER BY id", experimentId);
    }

    /**
     * One run, in the trash or not.
     *
     * @throws LibraryException if there is none with that id
     */
    public StoredRun run(long id) throws LibraryException {
        List<StoredRun> r = query("SELECT " + RUN_COLUMNS + " FROM runs WHERE id = ?", id);
        if (r.isEmpty()) {
            throw new LibraryException("no run " + id + " in " + library.file()
                    + ": see 'runs list' for the ids");
        }
        return r.get(0);
    }

    private List<StoredRun> query(String sql, long arg) throws LibraryException {
        synchronized (library) {
            try (PreparedStatement p = library.connection.prepareStatement(sql)) {
                if (arg >= 0) {
                    p.setLong(1, arg);
                }
                List<StoredRun> runs = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        runs.add(row(r));
                    }
                }
                Map<Long, List<String>> tags = tags();
                List<StoredRun> tagged = new ArrayList<>(runs.size());
                for (StoredRun s : runs) {
                    tagged.add(new StoredRun(s.id(), s.name(), s.source(), s.experimentId(),
                            s.cell(), s.sweepValue(), s.hyperparameters(),
                            s.gradVarianceEvery(), s.gradVarianceEpisodes(), s.appVersion(),
                            s.started(), s.ended(), s.state(), s.failure(), s.episodes(),
                            s.totalSteps(), s.solvedAt(), s.bestMa50(), s.finalMa50(),
                            s.notes(), tags.getOrDefault(s.id(), List.of())));
                }
                return tagged;
            } catch (SQLException e) {
                throw new LibraryException(SqlErrors.describe(library.file(), e), e);
            } catch (IllegalArgumentException e) {
                throw new LibraryException(library.file() + " holds a run with settings this "
                        + "build cannot read (" + e.getMessage() + "): was it written by a "
                        + "newer CartPole Lab?", e);
            }
        }
    }

    private Map<Long, List<String>> tags() throws SQLException {
        Map<Long, List<String>> tags = new HashMap<>();
        try (PreparedStatement p = library.connection.prepareStatement(
                "SELECT run_id, tag FROM tags ORDER BY run_id, tag");
             ResultSet r = p.executeQuery()) {
            while (r.next()) {
                tags.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(r.getString(2));
            }
        }
        return tags;
    }

    private static StoredRun row(ResultSet r) throws SQLException {
        HyperparameterBuilder b = Hyperparameters.DEFAULTS.toBuilder()
                .algorithm(Names.algorithm(r.getString("algorithm")))
                .version(Names.version(r.getString("env"))).hiddenSize(r.getInt("hidden"))
                .learningRate(r.getDouble("lr")).discount(r.getDouble("gamma"))
                .entropyCoefficient(r.getDouble("entropy_coef"))
                .maxSteps(r.getInt("max_steps")).episodes(r.getInt("episode_budget"))
                .nSteps(r.getInt("n_steps")).gaeLambda(r.getDouble("gae_lambda"))
                .seed(r.getLong("seed"));
        // every other setting as the checkpoint's named settings: key=value lines
        for (String line : r.getString("named_settings").split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                NamedSettings.apply(b, line.substring(0, eq),
                        line.substring(eq + 1));
            }
        }
        Hyperparameters hp = b.build();
        long experiment = r.getLong("experiment_id");
        Long experimentId = r.wasNull() ? null : experiment;
        double sweep = r.getDouble("sweep_value");
        Double sweepValue = r.wasNull() ? null : sweep;
        int solved = r.getInt("solved_at");
        Integer solvedAt = r.wasNull() ? null : solved;
        String ended = r.getString("ended");
        return new StoredRun(r.getLong("id"), r.getString("name"), r.getString("source"),
                experimentId, r.getString("cell"), sweepValue, hp,
                r.getInt("grad_variance_every"), r.getInt("grad_variance_episodes"),
                r.getString("app_version"), Instant.parse(r.getString("started")),
                ended == null ? null : Instant.parse(ended), r.getString("state"),
                r.getString("failure"), r.getInt("episodes"), r.getLong("total_steps"),
                solvedAt, nanIfNull(r, "best_ma50"), nanIfNull(r, "final_ma50"),
                r.getString("notes"), List.of());
    }

    private static double nanIfNull(ResultSet r, String column) throws SQLException {
        double v = r.getDouble(column);
        return r.wasNull() ? Double.NaN : v;
    }

    private static double nullable(ResultSet r, int column) throws SQLException {
        double v = r.getDouble(column);
        return r.wasNull() ? Double.NaN : v;
    }

    /**
     * A run's whole checkpoint as a {@code .cplb} file holds it (the stored one joined with its
     * episodes), or null if none was stored.
     */
    public byte[] checkpointFile(long runId) throws LibraryException {
        StoredCheckpoint c = latestCheckpoint(runId);
        if (c == null) {
            return null;
        }
        History stored = history(runId);
        EpisodeHistory all = stored.episodes();
        if (all.size() < c.episode()) {
            throw new LibraryException("run " + runId + " of " + library.file() + " has a "
                    + "checkpoint after episode " + c.episode() + " but only " + all.size()
                    + " episodes stored: the library is damaged");
        }
        EpisodeHistory first = new EpisodeHistory();
        for (int i = 0; i < c.episode(); i++) {
            first.add(all.get(i));
        }
        try {
            // the measurements taken by then, as train's checkpoint holds them
            GradientVarianceHistory measured =
                    new GradientVarianceHistory();
            for (int i = 0; i < stored.gradientVariance().size()
                    && stored.gradientVariance().episode(i) <= c.episode(); i++) {
                measured.add(stored.gradientVariance().get(i));
            }
            return Checkpoint.joinHistory(c.data(), first, measured);
        } catch (IllegalArgumentException e) {
            throw new LibraryException("run " + runId + " of " + library.file() + " has a "
                    + "damaged checkpoint (" + e.getMessage() + ")", e);
        }
    }

    /**
     * A run's last checkpoint read back as a checkpoint file is (its networks, optimiser and
     * episodes by then), or null if none was stored: what opening a stored run, exporting its
     * networks or {@code eval --run} starts from.
     */
    public RunSnapshot snapshot(long runId) throws LibraryException {
        byte[] bytes = checkpointFile(runId);
        if (bytes == null) {
            return null;
        }
        try {
            Path tmp = Files.createTempFile("cartpole-lab-run", Checkpoint.EXTENSION);
            try {
                Files.write(tmp, bytes);
                return Checkpoint.read(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new LibraryException("run " + runId + " of " + library.file() + ": its "
                    + "checkpoint cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * A run's milestone recordings (see {@link cartpolelab.train.EpisodeRecorder}), by episode;
     * empty if none were kept.
     *
     * @throws LibraryException naming the run and the episode if a recording is damaged
     */
    public List<RecordedEpisode> milestones(long runId)
            throws LibraryException {
        return MilestoneRows.read(library, runId);
    }

    /** A run's stored episodes and measurements, in order. */
    public History history(long runId) throws LibraryException {
        synchronized (library) {
            EpisodeHistory h = new EpisodeHistory();
            GradientVarianceHistory g = new GradientVarianceHistory();
            try (PreparedStatement p = library.connection.prepareStatement("SELECT episode, "
                    + "reward, length, reward_ma50, loss_actor, loss_critic, entropy, "
                    + "total_steps, wall_seconds, steps_per_sec, ppo_approx_kl, "
                    + "ppo_clip_fraction FROM episodes WHERE run_id = ? ORDER BY episode")) {
                p.setLong(1, runId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        h.add(new EpisodeStats(r.getInt(1), r.getDouble(2), r.getInt(3),
                                r.getDouble(4), r.getDouble(5), r.getDouble(6), r.getDouble(7),
                                r.getLong(8), r.getDouble(9), r.getDouble(10), nullable(r, 11),
                                nullable(r, 12)));
                    }
                }
                try (PreparedStatement q = library.connection.prepareStatement("SELECT episode, "
                        + "updates, reinforce, baseline, td, samples, learner FROM gradvar "
                        + "WHERE run_id = ? ORDER BY episode")) {
                    q.setLong(1, runId);
                    try (ResultSet r = q.executeQuery()) {
                        while (r.next()) {
                            double learner = r.getDouble(7);
                            g.add(new GradientVariance(r.getInt(1), r.getLong(2), r.getDouble(3),
                                    r.getDouble(4), r.getDouble(5),
                                    r.wasNull() ? Double.NaN : learner, r.getInt(6)));
                        }
                    }
                }
                return new History(h, g);
            } catch (SQLException e) {
                throw new LibraryException(SqlErrors.describe(library.file(), e), e);
            } catch (IllegalArgumentException e) {
                throw new LibraryException("run " + runId + " of " + library.file()
                        + " has a damaged history (" + e.getMessage() + ")", e);
            }
        }
    }

    /**
     * A stored checkpoint: taken after {@code episode}, its bytes a {@code .cplb} file without
     * the history ({@link cartpolelab.io.Checkpoint#joinHistory} puts the episodes back).
     */
    public record StoredCheckpoint(int episode, String kind, byte[] data) {
    }

    /** The newest checkpoint of a run, or null if none. */
    public StoredCheckpoint latestCheckpoint(long runId) throws LibraryException {
        synchronized (library) {
            try (PreparedStatement p = library.connection.prepareStatement("SELECT episode, kind, "
                    + "data FROM checkpoints WHERE run_id = ? ORDER BY episode DESC LIMIT 1")) {
                p.setLong(1, runId);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? new StoredCheckpoint(r.getInt(1), r.getString(2),
                            r.getBytes(3)) : null;
                }
            } catch (SQLException e) {
                throw new LibraryException(SqlErrors.describe(library.file(), e), e);
            }
        }
    }

    /** An experiment, or null if there is none with that id. */
    public Experiment experiment(long id) throws LibraryException {
        synchronized (library) {
            try (PreparedStatement p = library.connection.prepareStatement("SELECT id, name, "
                    + "created, env, algorithms, seeds, sweep_name, sweep_values, shard, "
                    + "episodes FROM experiments WHERE id = ?")) {
                p.setLong(1, id);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        return null;
                    }
                    String values = r.getString(8);
                    return new Experiment(r.getLong(1), r.getString(2),
                            Instant.parse(r.getString(3)), r.getString(4),
                            List.of(r.getString(5).split(",")),
                            Arrays.stream(r.getString(6).split(","))
                                    .map(Long::parseLong).toList(), r.getString(7),
                            values == null ? List.of() : List.of(values.split(",")),
                            r.getString(9), r.getInt(10));
                }
            } catch (SQLException e) {
                throw new LibraryException(SqlErrors.describe(library.file(), e), e);
            } catch (RuntimeException e) {
                throw new LibraryException("experiment " + id + " of " + library.file()
                        + " is damaged (" + e.getMessage() + ")", e);
            }
        }
    }
}
