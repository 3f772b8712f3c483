package cartpolelab.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.env.CartPole;
import cartpolelab.nn.Activation;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * PPO's update against independent computations: the clipped objective's gradient against
 * central finite differences with samples inside and outside the clip range; one minibatch's
 * losses, approx_kl and clip fraction against a plain loop over the rollout (segments ending
 * by a fall, a cut and the rollout's end, advantages normalised); the seeded shuffling.
 */
class PpoTest {

    private static final int T = 12;
    private static final Hyperparameters PPO = Hyperparameters.MONTE_CARLO_DEFAULTS
            .withAlgorithm(Algorithm.PPO).toBuilder().hiddenSize(6).hiddenLayers(2)
            .activation(Activation.TANH).nSteps(T).minibatch(T).epochs(1).gaeLambda(0.8)
            .discount(0.98).entropyCoefficient(0.01).seed(5).build();

    /** T steps of made-up states; step 3 falls, step 7 is cut, the rollout ends running. */
    private static Agent recorded(Hyperparameters hp) {
        Agent agent = new Agent(hp);
        SplittableRandom random = new SplittableRandom(3);
        double[] s = state(random);
        for (int t = 0; t < T; t++) {
            agent.act(s, random);
            EpisodeEnd end = t == 3 ? EpisodeEnd.FELL : t == 7 ? EpisodeEnd.CUT_OFF
                    : EpisodeEnd.RUNNING;
            double[] next = state(random);
            agent.rollout().recordOutcome(0.5 + random.nextDouble(), next, end);
            // the next episode starts elsewhere; within one, s_{t+1} is the next step's state
            s = end.ended() ? state(random) : next;
        }
        return agent;
    }

    private static double[] state(SplittableRandom random) {
        double[] s = new double[CartPole.OBSERVATION_SIZE];
        for (int i = 0; i < s.length; i++) {
            s[i] = random.nextDouble(-1, 1);
        }
        return s;
    }

    /** Moves the actor's parameters so that π_θ differs from π_old (ratios ≠ 1). */
    private static void nudgeActor(Agent agent, double size) {
        SplittableRandom r = new SplittableRandom(11);
        List<DMatrixRMaj> p = agent.parameters();
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < p.get(i).getNumElements(); j++) {
                p.get(i).data[j] += r.nextDouble(-size, size);
            }
        }
    }

    private static double totalLoss(Agent agent, double clip) {
        PpoUpdate u = agent.ppo();
        u.minibatchGradients(agent.rollout(), 0, T, clip);
        return u.policyLoss() + u.valueLoss() - PPO.entropyCoefficient() * u.entropy();
    }

    @Test
    void theClippedObjectivesGradientMatchesFiniteDifferencesInsideAndOutsideTheClip() {
        Agent agent = recorded(PPO);
        agent.ppo().prepare(agent.rollout());
        nudgeActor(agent, 0.6);
        double clip = 0.1;
        totalLoss(agent, clip);
        double fraction = agent.ppo().clipFraction();
        assertTrue(fraction > 0.2 && fraction < 0.8, "both sides of the clip: " + fraction);
        List<DMatrixRMaj> params = agent.parameters();
        double[][] analytic = new double[params.size()][];
        for (int m = 0; m < params.size(); m++) {
            DMatrixRMaj g = agent.gradients().get(m);
            analytic[m] = Arrays.copyOf(g.data, g.getNumElements());
        }
        double h = 1e-6;
        for (int m = 0; m < params.size(); m++) {
            double[] p = params.get(m).data;
            for (int i = 0; i < params.get(m).getNumElements(); i++) {
                double keep = p[i];
                p[i] = keep + h;
                double up = totalLoss(agent, clip);
                p[i] = keep - h;
                double down = totalLoss(agent, clip);
                p[i] = keep;
                double fd = (up - down) / (2 * h);
                assertEquals(fd, analytic[m][i], 1e-7 * (1 + Math.abs(fd)),
                        agent.parameterNames().get(m) + "[" + i + "]");
            }
        }
    }

    @Test
    void oneMinibatchAgainstAPlainLoopOverTheRollout() {
        Hyperparameters hp = PPO.withNormaliseAdvantage(true);
        Agent agent = recorded(hp);
        RolloutBuffer r = agent.rollout();
        PpoUpdate u = agent.ppo();
        u.prepare(r);

        // GAE by hand per segment: [0..3] fell, [4..7] cut (V of its real last state),
        // [8..11] rollout end (V of the state after it)
        double g = hp.discount();
        double gl = g * hp.gaeLambda();
        double[] v = new double[T];
        double[] vNext = new double[T];
        double[] s = new double[CartPole.OBSERVATION_SIZE];
        for (int t = 0; t < T; t++) {
            System.arraycopy(r.states().data, t * s.length, s, 0, s.length);
            v[t] = agent.value(s);
            System.arraycopy(r.nextStates().data, t * s.length, s, 0, s.length);
            vNext[t] = agent.value(s);
        }
        double[] adv = new double[T];
        for (int t = T - 1; t >= 0; t--) {
            boolean fell = t == 3;
            boolean segmentEnd = t == 3 || t == 7 || t == T - 1;
            double after = segmentEnd ? vNext[t] : v[t + 1];
            double delta = r.rewards()[t] + (fell ? 0 : g * after) - v[t];
            adv[t] = delta + (segmentEnd ? 0 : gl * adv[t + 1]);
        }
        for (int t = 0; t < T; t++) {
            assertEquals(adv[t], u.advantages()[t], 1e-12, "Â_" + t);
            assertEquals(adv[t] + v[t], u.returns()[t], 1e-12, "R_" + t);
        }

        // the minibatch's losses with θ moved away from θ_old
        nudgeActor(agent, 0.3);
        double clip = 0.1;
        u.minibatchGradients(r, 0, T, clip);
        double mean = Arrays.stream(adv).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(adv).map(a -> (a - mean) * (a - mean)).sum()
                / (T - 1));
        double policy = 0;
        double kl = 0;
        double clipped = 0;
        double entropy = 0;
        double value = 0;
        double[] pi = new double[2];
        for (int t = 0; t < T; t++) {
            System.arraycopy(r.states().data, t * s.length, s, 0, s.length);
            agent.probabilities(s, pi);
            int a = r.actions()[t];
            double ratio = pi[a] / Math.exp(r.logProbabilities()[t * 2 + a]);
            double an = (adv[t] - mean) / (sd + 1e-8);
            double bounded = Math.min(Math.max(ratio, 1 - clip), 1 + clip);
            policy -= Math.min(ratio * an, bounded * an) / T;
            kl += (ratio - 1 - Math.log(ratio)) / T;
            clipped += Math.abs(ratio - 1) > clip ? 1.0 / T : 0;
            entropy -= (pi[0] * Math.log(pi[0]) + pi[1] * Math.log(pi[1])) / T;
            double e = adv[t] + v[t] - agent.value(s);
            value += hp.valueCoefficient() * e * e / T;
        }
        assertEquals(policy, u.policyLoss(), 1e-12);
        assertEquals(kl, u.approxKl(), 1e-12);
        assertEquals(clipped, u.clipFraction(), 1e-15);
        assertEquals(entropy, u.entropy(), 1e-12);
        assertEquals(value, u.valueLoss(), 1e-12);
        assertTrue(kl > 0 && clipped > 0, "the test exercises the clip");
    }

    @Test
    void shufflingIsSeededAndAPermutation() {
        int[] a = new int[50];
        int[] b = new int[50];
        for (int i = 0; i < 50; i++) {
            a[i] = i;
            b[i] = i;
        }
        PpoUpdate.shuffle(a, 50, new long[] {RandomStreams.minibatchSeed(1, 40)});
        PpoUpdate.shuffle(b, 50, new long[] {RandomStreams.minibatchSeed(1, 40)});
        assertArrayEquals(a, b, "same seed and update, same order");
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 50; i++) {
            assertEquals(i, sorted[i]);
        }
        int[] c = sorted.clone();
        PpoUpdate.shuffle(c, 50, new long[] {RandomStreams.minibatchSeed(1, 41)});
        assertFalse(Arrays.equals(a, c), "another update, another order");
        assertFalse(Arrays.equals(a, sorted));
    }

    @Test
    void aPpoRunIsDeterministicAndItsRolloutSpansEpisodes() {
        Hyperparameters hp = Hyperparameters.MONTE_CARLO_DEFAULTS.withAlgorithm(Algorithm.PPO)
                .toBuilder().hiddenSize(16).nSteps(64).minibatch(16).epochs(3).episodes(30)
                .seed(2).build();
        EpisodeRunner one = new EpisodeRunner(new Agent(hp));
        EpisodeRunner two = new EpisodeRunner(new Agent(hp));
        long updates = 0;
        for (int e = 0; e < 30; e++) {
            one.runEpisode();
            two.runEpisode();
            UpdateStats s1 = one.takeEpisodeStats();
            UpdateStats s2 = two.takeEpisodeStats();
            assertEquals(one.episodeReward(), two.episodeReward());
            assertEquals(s1, s2);
        }
        // one optimiser step per minibatch: 64 / 16 = 4 minibatches × 3 epochs per update
        updates = one.agent().updates();
        assertEquals(0, updates % 12, "steps come in whole updates of 12: " + updates);
        assertEquals(one.totalSteps() / 64 * 12, updates);
    }
}
