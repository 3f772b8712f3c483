package cartpolelab.library;

import cartpolelab.train.EpisodeCodec;
import cartpolelab.train.RecordedEpisode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;

/**
 * A run's milestone recordings as rows of {@code milestones}: written in the writer's
 * transaction (each once, and only up to the episodes stored, so a milestone never outlives
 * its episode after a kill), read back checked, {@link EpisodeCodec}'s bytes in {@code frames}.
 */
final class MilestoneRows {

    private MilestoneRows() {
    }

    /** Writes the recording's milestones not yet written whose episodes are stored. */
    static void write(RunLibrary library, LibraryWriter.Recording r) throws SQLException {
        NavigableMap<Integer, RecordedEpisode> kept = r.milestones;
        if (kept == null || r.written == 0) {
            return;
        }
        PreparedStatement p = null;
        try {
            for (RecordedEpisode e : kept.headMap(r.written, true).values()) {
                if (!r.milestonesWritten.add(e.episode())) {
                    continue;
                }
                if (p == null) {
                    p = library.connection.prepareStatement("INSERT OR REPLACE INTO milestones "
                            + "(run_id, episode, steps, reward, fell, frames) VALUES "
                            + "(?, ?, ?, ?, ?, ?)");
                }
                p.setLong(1, r.runId);
                p.setInt(2, e.episode());
                p.setInt(3, e.steps());
                p.setDouble(4, e.reward());
                p.setInt(5, e.fell() ? 1 : 0);
                p.setBytes(6, EpisodeCodec.encode(e));
                p.addBatch();
            }
            if (p != null) {
                p.executeBatch();
            }
        } finally {
            if (p != null) {
                p.close();
            }
        }
    }

    /** The run's milestone recordings by episode; a damaged one is refused, named. */
    static List<RecordedEpisode> read(RunLibrary library, long runId) throws LibraryException {
        synchronized (library) {
            try (PreparedStatement p = library.connection.prepareStatement("SELECT episode, "
                    + "steps, fell, frames FROM milestones WHERE run_id = ? ORDER BY episode")) {
                p.setLong(1, runId);
                List<RecordedEpisode> kept = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        kept.add(decode(library, runId, r.getInt(1), r.getInt(2),
                                r.getInt(3) != 0, r.getBytes(4)));
                    }
                }
                return kept;
            } catch (SQLException e) {
                throw new LibraryException(SqlErrors.describe(library.file(), e), e);
            }
        }
    }

    private static RecordedEpisode decode(RunLibrary library, long runId, int episode,
                                          int steps, boolean fell, byte[] frames)
            throws LibraryException {
        String why;
        try {
            RecordedEpisode e = EpisodeCodec.decode(frames);
            if (e.episode() == episode && e.steps() == steps && e.fell() == fell) {
                return e;
            }
            why = "its frames are episode " + e.episode() + " of " + e.steps() + " steps"
                    + (e.fell() ? ", fallen" : "") + ", not what the row says";
        } catch (IllegalArgumentException x) {
            why = x.getMessage();
        }
        throw new LibraryException("run " + runId + " of " + library.file() + ": the milestone "
                + "recording of episode " + episode + " is damaged (" + why + "); remove it with "
                + "sqlite3: DELETE FROM milestones WHERE run_id = " + runId + " AND episode = "
                + episode);
    }
}
