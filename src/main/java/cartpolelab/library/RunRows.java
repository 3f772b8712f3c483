package cartpolelab.library;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.agent.NamedSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/** The rows a new experiment and a new run make, inserted in the caller's transaction. */
final class RunRows {

    private RunRows() {
    }

    static long insertExperiment(Connection connection, String name, String env, String algorithms, String seeds,
                          String sweepName, String sweepValues, String shard, int episodes)
            throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO experiments (name, "
                + "created, env, algorithms, seeds, sweep_name, sweep_values, shard, episodes) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, name);
            p.setString(2, Instant.now().toString());
            p.setString(3, env);
            p.setString(4, algorithms);
            p.setString(5, seeds);
            p.setString(6, sweepName);
            p.setString(7, sweepValues);
            p.setString(8, shard);
            p.setInt(9, episodes);
            p.executeUpdate();
            return generatedKey(p);
        }
    }

    /** Inserts a run and its tags in the caller's transaction. */
    static long insertRun(Connection connection, NewRun run, Long experimentId)
            throws SQLException {
        Hyperparameters hp = run.hyperparameters();
        long id;
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO runs (name, "
                + "source, experiment_id, cell, sweep_value, algorithm, env, hidden, lr, "
                + "gamma, entropy_coef, max_steps, episode_budget, n_steps, seed, "
                + "grad_variance_every, grad_variance_episodes, app_version, started, "
                + "state, pid, gae_lambda, named_settings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, 'running', ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, run.name());
            p.setString(2, run.source());
            setLong(p, 3, experimentId);
            p.setString(4, run.cell());
            if (run.sweepValue() == null) {
                p.setNull(5, Types.REAL);
            } else {
                p.setDouble(5, run.sweepValue());
            }
            p.setString(6, Names.algorithm(hp.algorithm()));
            p.setString(7, hp.version().id());
            p.setInt(8, hp.hiddenSize());
            p.setDouble(9, hp.learningRate());
            p.setDouble(10, hp.discount());
            p.setDouble(11, hp.entropyCoefficient());
            p.setInt(12, hp.maxSteps());
            p.setInt(13, hp.episodes());
            p.setInt(14, hp.nSteps());
            p.setLong(15, hp.seed());
            p.setInt(16, run.gradVarianceEvery());
            p.setInt(17, run.gradVarianceEpisodes());
            p.setString(18, RunLibrary.APP_VERSION);
            p.setString(19, Instant.now().toString());
            p.setLong(20, ProcessHandle.current().pid());
            p.setDouble(21, hp.gaeLambda());
            StringBuilder named = new StringBuilder();
            NamedSettings.of(hp).forEach((k, v) -> named.append(k).append('=')
                    .append(v).append('\n'));
            p.setString(22, named.toString());
            p.executeUpdate();
            id = generatedKey(p);
        }
        insertTags(connection, id, run.tags());
        return id;
    }

    static void insertTags(Connection connection, long id, List<String> tags)
            throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(
                "INSERT OR IGNORE INTO tags (run_id, tag) VALUES (?, ?)")) {
            for (String t : tags) {
                p.setLong(1, id);
                p.setString(2, t);
                p.executeUpdate();
            }
        }
    }

    private static void setLong(PreparedStatement p, int i, Long v) throws SQLException {
        if (v == null) {
            p.setNull(i, Types.INTEGER);
        } else {
            p.setLong(i, v);
        }
    }

    private static long generatedKey(PreparedStatement p) throws SQLException {
        try (ResultSet keys = p.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

}
