package cartpolelab.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Algorithm;
import cartpolelab.agent.GradientVarianceProbe;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.metrics.GradientVarianceHistory;
import cartpolelab.metrics.Center;
import cartpolelab.metrics.RunStatistics;
import cartpolelab.metrics.Spread;
import cartpolelab.plot.CompareFigures;
import cartpolelab.train.Experiment;
import cartpolelab.train.ExperimentSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the Compare view computes from an experiment, checked against the runs themselves. */
class CompareDataTest {

    @Test
    void theVarianceOfAGroupIsTheMedianOfItsRunsLastMeasurements() throws Exception {
        Hyperparameters hp = Hyperparameters.DEFAULTS.withHiddenSize(8).withEpisodes(30);
        ExperimentSpec spec = ExperimentSpec.of(hp, List.of(Algorithm.A2C,
                Algorithm.REINFORCE), List.of(1L, 2L, 3L)).withThreads(2);
        try (Experiment e = new Experiment(spec)) {
            e.measureGradientVariance(new GradientVarianceProbe.Settings(10, 2));
            e.start();
            assertTrue(e.awaitDone(Duration.ofSeconds(60)));
            CompareData d = CompareData.of(e, Center.MEAN,
                    Spread.MIN_MAX);
            assertEquals(2, d.variance().size());
            for (CompareFigures.VarianceGroup g : d.variance()) {
                List<Integer> runs = e.cells().stream()
                        .filter(c -> c.groupLabel().equals(g.label())).map(c -> c.index())
                        .toList();
                assertEquals(3, runs.size());
                for (int episode : new int[] {5, 10, 17, 30}) {
                    double[] last = new double[3];
                    int n = 0;
                    for (int r : runs) {
                        GradientVarianceHistory h = e.gradientVariance(r);
                        int m = -1;
                        for (int k = 0; k < h.size(); k++) {
                            if (h.episode(k) <= episode) {
                                m = k;
                            }
                        }
                        if (m >= 0) {
                            last[n++] = h.td(m);
                        }
                    }
                    double want = n == 0 ? Double.NaN
                            : RunStatistics.median(java.util.Arrays.copyOf(last, n));
                    assertEquals(want, g.td()[episode - 1], 0, g.label() + " at " + episode);
                }
                assertTrue(Double.isNaN(g.reinforce()[0]), "nothing before a measurement");
                assertTrue(g.baseline()[29] > 0, "measured by episode 30");
            }
            // the reward chart's groups and the variance's come in the same order
            assertEquals(d.groups().get(0).label(), d.variance().get(0).label());
        }
    }

    /**
     * A grid of REINFORCE-only (the lesson's first chapter, or Compare) from the main
     * window's A2C settings: its subtitle names no entropy coefficient, which only A2C and
     * PPO use; a grid with A2C in it still names it.
     */
    @Test
    void theSubtitleNamesTheEntropyCoefficientOnlyWhenAnAlgorithmOfTheGridUsesIt()
            throws Exception {
        Hyperparameters hp = Hyperparameters.DEFAULTS.withHiddenSize(8).withEpisodes(3);
        assertEquals(Algorithm.A2C, hp.algorithm());
        for (List<Algorithm> grid : List.of(List.of(Algorithm.REINFORCE),
                List.of(Algorithm.REINFORCE, Algorithm.A2C))) {
            ExperimentSpec spec = ExperimentSpec.of(hp, grid, List.of(1L)).withThreads(1);
            try (Experiment e = new Experiment(spec)) {
                e.start();
                assertTrue(e.awaitDone(Duration.ofSeconds(60)));
                String subtitle = CompareData.of(e, Center.MEAN, Spread.MIN_MAX).description()
                        .subtitle();
                boolean uses = grid.stream().anyMatch(Algorithm::usesEntropy);
                assertEquals(uses, subtitle.contains("entropy"), grid + ": " + subtitle);
            }
        }
    }
}
