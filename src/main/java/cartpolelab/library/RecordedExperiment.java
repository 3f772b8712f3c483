package cartpolelab.library;

import java.sql.SQLException;

/** An experiment being recorded; its id is known once the writer has created it. */
public final class RecordedExperiment {

    private final String[] text;
    private final int episodes;
    private volatile long id = -1;

    RecordedExperiment(String[] text, int episodes) {
        this.text = text;
        this.episodes = episodes;
    }

    void create(RunLibrary l) throws SQLException {
        if (id < 0) {
            id = l.insertExperiment(text[0], text[1], text[2], text[3], text[4], text[5],
                    text[6], episodes);
        }
    }

    /** Its id in the library, or −1 before the writer created it. */
    public long id() {
        return id;
    }
}
