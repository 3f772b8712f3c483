package cartpolelab.train;

import cartpolelab.agent.Algorithm;
import cartpolelab.agent.Hyperparameters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What an experiment trains: algorithms × seeds × (optionally) the values of one swept setting,
 * every other setting taken from {@code base} (its algorithm and seed are replaced per cell).
 *
 * @param base            the shared settings (episodes, version, hidden size, ...)
 * @param algorithms      one or more, no repeats; kept in the notebook's order (REINFORCE,
 *                        REINFORCE + baseline, A2C), whatever order they were given in
 * @param seeds           one or more, no repeats; kept in ascending order
 * @param sweep           the swept setting and its values, or null
 * @param threads         worker threads, 1 .. {@link #MAX_THREADS}
 * @param stopWhenSolved  stop each run once solved (off by default: every run trains its
 *                        whole budget, so every curve has every episode)
 * @param episodesPerTurn episodes a run trains before going to the back of the queue (so all
 *                        groups grow together); 0 trains each run to its end in one turn
 */
public record ExperimentSpec(Hyperparameters base, List<Algorithm> algorithms, List<Long> seeds,
                             Sweep sweep, int threads, boolean stopWhenSolved,
                             int episodesPerTurn) {

    public static final int MAX_THREADS = 1024;
    public static final int MAX_CELLS = 100_000;
    /** Default turn: long enough that handing a run between threads costs nothing measurable. */
    public static final int DEFAULT_EPISODES_PER_TURN = 20;
    /** The default grid: the three algorithms × seeds 1–10. */
    public static final List<Algorithm> DEFAULT_ALGORITHMS = List.of(Algorithm.A2C,
            Algorithm.REINFORCE_BASELINE, Algorithm.REINFORCE);

    public ExperimentSpec {
        Objects.requireNonNull(base, "base");
        // a grid is a set: one canonical order, so shards and merges never depend on how the
        // flags were spelled
        algorithms = algorithms.stream().sorted().toList();
        seeds = seeds.stream().sorted().toList();
        if (algorithms.isEmpty()) {
            throw new IllegalArgumentException("no algorithm to run: name at least one, e.g. "
                    + "--algorithms a2c,reinforce-baseline,reinforce");
        }
        if (new LinkedHashSet<>(algorithms).size() != algorithms.size()) {
            throw new IllegalArgumentException("an algorithm is named twice in " + algorithms
                    + ": name each once");
        }
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("no seed to run: give a count (--seeds 10) or "
                    + "a list (--seeds 3,7,9)");
        }
        if (new LinkedHashSet<>(seeds).size() != seeds.size()) {
            throw new IllegalArgumentException("a seed is given twice in " + seeds
                    + ": list each seed once");
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be in [1, " + MAX_THREADS
                    + "], was " + threads);
        }
        if (episodesPerTurn < 0) {
            throw new IllegalArgumentException("episodes per turn must be >= 0, was "
                    + episodesPerTurn);
        }
        long cells = (long) algorithms.size() * seeds.size()
                * (sweep == null ? 1 : sweep.values().size());
        if (cells > MAX_CELLS) {
            throw new IllegalArgumentException("the grid has " + cells + " runs, more than "
                    + MAX_CELLS + ": use fewer seeds or values, or split it with --shard");
        }
        if (sweep != null) {
            for (double v : sweep.values()) {
                sweep.apply(base, v); // the record's own check, should a range ever narrow
            }
        }
    }

    /**
     * {@code 10} → seeds 1..10; {@code 3,7,9} or {@code 7,} → that list.
     *
     * @throws IllegalArgumentException starting "seeds …", saying what to write instead
     */
    public static List<Long> parseSeeds(String text) {
        String t = text.trim();
        try {
            if (!t.contains(",")) {
                int n = Integer.parseInt(t);
                if (n < 1 || n > MAX_CELLS) {
                    throw new IllegalArgumentException("seeds " + t + ": give a count in [1, "
                            + MAX_CELLS + "] or a list like 3,7,9");
                }
                return seeds(n);
            }
            List<Long> list = new ArrayList<>();
            for (String part : t.split(",")) {
                if (!part.isBlank()) {
                    list.add(Long.parseLong(part.trim()));
                }
            }
            return list;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("seeds " + t + " is neither a count nor a list "
                    + "of whole numbers: write e.g. 10 or 3,7,9");
        }
    }

    /** All algorithms × the given seeds, no sweep, all cores, whole budgets, default turns. */
    public static ExperimentSpec of(Hyperparameters base, List<Algorithm> algorithms,
                                    List<Long> seeds) {
        return new ExperimentSpec(base, algorithms, seeds, null, defaultThreads(), false,
                DEFAULT_EPISODES_PER_TURN);
    }

    /** One worker per core the JVM may use. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** Seeds 1 .. n. */
    public static List<Long> seeds(int n) {
        List<Long> s = new ArrayList<>();
        for (long i = 1; i <= n; i++) {
            s.add(i);
        }
        return s;
    }

    public ExperimentSpec withSweep(Sweep s) {
        return new ExperimentSpec(base, algorithms, seeds, s, threads, stopWhenSolved,
                episodesPerTurn);
    }

    public ExperimentSpec withThreads(int n) {
        return new ExperimentSpec(base, algorithms, seeds, sweep, n, stopWhenSolved,
                episodesPerTurn);
    }

    public ExperimentSpec withEpisodesPerTurn(int n) {
        return new ExperimentSpec(base, algorithms, seeds, sweep, threads, stopWhenSolved, n);
    }

    /**
     * Every cell, in a fixed order: by algorithm (notebook order), then swept value
     * (ascending), then seed (ascending); {@link Cell#index()} is the position in this list.
     */
    public List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        if (sweep == null) {
            values.add(null);
        } else {
            values.addAll(sweep.values());
        }
        // a sweep of presets takes each preset's algorithm: one pass, not one per algorithm
        boolean presets = presetSweep();
        for (Algorithm a : presets ? algorithms.subList(0, 1) : algorithms) {
            for (Double v : values) {
                Hyperparameters hp = v == null ? base : sweep.apply(base, v);
                for (long seed : seeds) {
                    cells.add(Cell.of(cells.size(), (presets ? hp : hp.withAlgorithm(a))
                            .withSeed(seed), sweep, v));
                }
            }
        }
        return List.copyOf(cells);
    }

    /**
     * The cells of shard {@code k} of {@code n} (1-based): those whose index is k − 1 modulo
     * n. Every cell is in exactly one shard, and the assignment depends only on the grid.
     */
    public List<Cell> shard(int k, int n) {
        if (n < 1 || k < 1 || k > n) {
            throw new IllegalArgumentException("shard " + k + "/" + n + " does not exist: "
                    + "write K/N with 1 <= K <= N, e.g. --shard 2/4");
        }
        return cells().stream().filter(c -> c.index() % n == k - 1).toList();
    }

    /** The groups (keys), in the order of the cells. */
    public List<String> groups() {
        return cells().stream().map(Cell::group).distinct().toList();
    }

    /**
     * The grid on one line, as the run library names an experiment:
     * "CartPole-v0 · a2c,reinforce × 10 seeds × lr".
     */
    public String label() {
        return base.version().id() + " \u00b7 " + algorithms.stream().map(Cell::cliName)
                .collect(Collectors.joining(",")) + " \u00d7 " + seeds.size() + " seeds"
                + (sweep == null ? "" : " \u00d7 " + sweep.name());
    }

    /** True when the sweep is of whole presets ({@code preset=notebook,sb3-a2c,sb3-ppo}). */
    public boolean presetSweep() {
        return sweep != null && sweep.presets();
    }
}
