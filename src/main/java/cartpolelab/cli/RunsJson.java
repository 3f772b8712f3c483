package cartpolelab.cli;

import cartpolelab.library.StoredRun;
import cartpolelab.train.Cell;
import java.util.List;
import java.util.Locale;

/** {@code runs list --json}: each run as a JSON object, field names as the library's columns. */
final class RunsJson {

    private RunsJson() {
    }

    static String array(List<StoredRun> runs) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < runs.size(); i++) {
            b.append(i == 0 ? "\n  " : ",\n  ").append(object(runs.get(i)));
        }
        return b.append(runs.isEmpty() ? "]" : "\n]").toString();
    }

    static String object(StoredRun r) {
        var hp = r.hyperparameters();
        StringBuilder b = new StringBuilder("{");
        field(b, "id", r.id());
        field(b, "name", r.name());
        field(b, "source", r.source());
        field(b, "experiment_id", r.experimentId());
        field(b, "cell", r.cell());
        field(b, "sweep_value", r.sweepValue());
        field(b, "algorithm", Cell.cliName(hp.algorithm()));
        field(b, "env", hp.version().id());
        field(b, "hidden", hp.hiddenSize());
        field(b, "lr", hp.learningRate());
        field(b, "gamma", hp.discount());
        field(b, "entropy_coef", hp.entropyCoefficient());
        field(b, "max_steps", hp.maxSteps());
        field(b, "episode_budget", hp.episodes());
        field(b, "n_steps", hp.nSteps());
        field(b, "seed", hp.seed());
        field(b, "grad_variance_every", r.gradVarianceEvery());
        field(b, "grad_variance_episodes", r.gradVarianceEpisodes());
        field(b, "app_version", r.appVersion());
        field(b, "started", r.started().toString());
        field(b, "ended", r.ended() == null ? null : r.ended().toString());
        field(b, "state", r.state());
        field(b, "failure", r.failure());
        field(b, "episodes", r.episodes());
        field(b, "total_steps", r.totalSteps());
        field(b, "solved_at", r.solvedAt());
        field(b, "best_ma50", r.bestMa50());
        field(b, "final_ma50", r.finalMa50());
        field(b, "notes", r.notes());
        b.append(", \"tags\": [");
        for (int i = 0; i < r.tags().size(); i++) {
            b.append(i == 0 ? "" : ", ").append(string(r.tags().get(i)));
        }
        return b.append("]}").toString();
    }

    private static void field(StringBuilder b, String name, Object value) {
        b.append(b.length() == 1 ? "" : ", ").append('"').append(name).append("\": ");
        if (value == null || value instanceof Double d && !Double.isFinite(d)) {
            b.append("null");
        } else if (value instanceof Number) {
            b.append(value instanceof Double d ? String.format(Locale.ROOT, "%s", d) : value);
        } else {
            b.append(string(value.toString()));
        }
    }

    /** A JSON string: quotes, backslashes and control characters escaped. */
    static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
