package cartpolelab.library;

import cartpolelab.metrics.EpisodeStats;
import cartpolelab.metrics.GradientVarianceHistory;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * A recording's new episodes, measurements and progress as rows, in the writer's transaction:
 * {@value #ROWS_PER_INSERT} episodes per INSERT, so one native call binds and steps many rows.
 */
final class EpisodeRows {

    private EpisodeRows() {
    }

    private static final int EPISODE_COLUMNS = 13;
    private static final int ROWS_PER_INSERT = 64;

    private static String insertEpisodes(int rows) {
        StringBuilder sql = new StringBuilder("INSERT OR REPLACE INTO episodes (run_id, episode, "
                + "reward, length, reward_ma50, loss_actor, loss_critic, entropy, total_steps, "
                + "wall_seconds, steps_per_sec, ppo_approx_kl, ppo_clip_fraction) VALUES ");
        for (int k = 0; k < rows; k++) {
            sql.append(k == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        return sql.toString();
    }

    private static void bindEpisode(PreparedStatement p, int at, LibraryWriter.Recording r,
                                    int index)
            throws SQLException {
        EpisodeStats s = r.history.get(index);
        p.setLong(at + 1, r.runId);
        p.setInt(at + 2, s.episode());
        p.setDouble(at + 3, s.reward());
        p.setInt(at + 4, s.length());
        p.setDouble(at + 5, s.movingAverage());
        p.setDouble(at + 6, s.actorLoss());
        p.setDouble(at + 7, s.criticLoss());
        p.setDouble(at + 8, s.entropy());
        p.setLong(at + 9, s.totalSteps());
        p.setDouble(at + 10, s.wallSeconds());
        p.setDouble(at + 11, s.stepsPerSecond());
        // PPO's measures, NULL when the episode has none
        if (s.hasPpo()) {
            p.setDouble(at + 12, s.approxKl());
            p.setDouble(at + 13, s.clipFraction());
        } else {
            p.setNull(at + 12, Types.REAL);
            p.setNull(at + 13, Types.REAL);
        }
        r.progress.add(s.reward());
    }

    /** Writes up to {@code budget} of a run's new rows and its progress; returns rows written. */
    static int write(RunLibrary library, LibraryWriter.Recording r, int budget)
            throws SQLException {
        int from = r.written;
        int to = (int) Math.min(r.history.size(), (long) from + Math.max(0, budget));
        if (to <= from) {
            return 0;
        }
        // many rows per statement: one native call binds and steps ROWS_PER_INSERT rows
        int i = from;
        if (to - from >= ROWS_PER_INSERT) {
            try (PreparedStatement p = library.connection.prepareStatement(
                    insertEpisodes(ROWS_PER_INSERT))) {
                for (; i + ROWS_PER_INSERT <= to; i += ROWS_PER_INSERT) {
                    for (int k = 0; k < ROWS_PER_INSERT; k++) {
                        bindEpisode(p, k * EPISODE_COLUMNS, r, i + k);
                    }
                    p.addBatch();
                }
                p.executeBatch();
            }
        }
        if (i < to) {
            try (PreparedStatement p = library.connection.prepareStatement(insertEpisodes(1))) {
                for (; i < to; i++) {
                    bindEpisode(p, 0, r, i);
                    p.addBatch();
                }
                p.executeBatch();
            }
        }
        GradientVarianceHistory g = r.gradientVariance;
        if (g != null) {
            int m = g.size();
            try (PreparedStatement p = library.connection.prepareStatement("INSERT OR REPLACE "
                    + "INTO gradvar (run_id, episode, updates, reinforce, baseline, td, samples, "
                    + "learner) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                while (r.measurementsWritten < m && g.episode(r.measurementsWritten) <= to) {
                    var v = g.get(r.measurementsWritten++);
                    p.setLong(1, r.runId);
                    p.setInt(2, v.episode());
                    p.setLong(3, v.update());
                    p.setDouble(4, v.reinforce());
                    p.setDouble(5, v.baseline());
                    p.setDouble(6, v.td());
                    p.setInt(7, v.samples());
                    p.setDouble(8, v.learner());
                    p.addBatch();
                }
                p.executeBatch();
            }
        }
        EpisodeStats last = r.history.get(to - 1);
        try (PreparedStatement p = library.connection.prepareStatement("UPDATE runs SET "
                + "episodes = ?, total_steps = ?, solved_at = ?, best_ma50 = ?, final_ma50 = ? "
                + "WHERE id = ?")) {
            p.setInt(1, to);
            p.setLong(2, last.totalSteps());
            if (r.progress.solved()) {
                p.setInt(3, r.progress.solvedAtEpisode());
            } else {
                p.setNull(3, Types.INTEGER);
            }
            p.setDouble(4, r.progress.bestMovingAverage());
            p.setDouble(5, last.movingAverage());
            p.setLong(6, r.runId);
            p.executeUpdate();
        }
        r.written = to;
        return to - from;
    }
}
