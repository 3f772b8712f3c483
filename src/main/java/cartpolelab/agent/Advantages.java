package cartpolelab.agent;

/**
 * The one home of the returns-and-advantage rule: generalised advantage estimation, GAE(λ)
 * (Schulman, Moritz, Levine, Jordan and Abbeel 2016, "High-dimensional continuous control using
 * generalized advantage estimation"). The learner ({@link PolicyGradientUpdate}), the
 * gradient-variance probe and the replay overlay all call it, so what the overlay shows is
 * what the update used.
 *
 * <p>For one segment of consecutive steps t = 0 … T−1 of one environment, with rewards r_t
 * (the reward of the action taken in s_t), critic values V(s_t), and V_T the value of the
 * state after the last step:
 * <pre>
 *   δ_t = r_t + γ V(s_{t+1}) − V(s_t)                     the one-step TD error
 *   Â_t = Σ_l (γλ)^l δ_{t+l}                               GAE(λ)
 *   V_T = 0        when the pole fell or the cart left the track ({@link EpisodeEnd#FELL})
 *   V_T = V(s_T)   when the segment was cut: time limit, max steps ({@link EpisodeEnd#CUT_OFF})
 *                  or an n-step boundary in a running episode ({@link EpisodeEnd#RUNNING})
 * </pre>
 * λ = 0 is the study notebook's TD advantage r_{t+1} + γ V(s_{t+1}) − V(s_t); λ = 1 is the
 * Monte-Carlo return minus the baseline, G_t − V(s_t). The critic's target is Â_t + V(s_t).
 *
 * <p>It is computed as the λ-return, which is the same sum written recursively:
 * <pre>
 *   G^λ_T = V_T,   G^λ_t = r_t + γ ((1 − λ) V(s_{t+1}) + λ G^λ_{t+1}),   Â_t = G^λ_t − V(s_t)
 * </pre>
 * At λ = 1 the bracket is exactly G^λ_{t+1} in floating point (0 · V adds ±0, 1 · G is G), so
 * the numbers are bit for bit those of the plain discounted return G_t = r_t + γ G_{t+1} that
 * the learner used before λ existed: every earlier result stays reproducible.
 *
 * <p>Without a critic (REINFORCE) pass {@code values == null}: V ≡ 0, so Â_t = G_t.
 * Pure and allocation-free.
 */
public final class Advantages {

    private Advantages() {
    }

    /**
     * Â_t and the critic's targets G^λ_t for the segment of {@code count} steps at indices
     * {@code start, start + stride, …} of the arrays (stride 1 for one environment; the number
     * of environments for a step-major batch).
     *
     * @param rewards        r_t
     * @param values         V(s_t) at the same indices, or null for V ≡ 0 (no critic)
     * @param end            how the segment's last step ended (decides V_T, see the class)
     * @param bootstrapValue V(s_T), used unless {@code end} is {@link EpisodeEnd#FELL}
     * @param gamma          the discount γ
     * @param lambda         GAE's λ in [0, 1]
     * @param advantages     receives Â_t
     * @param targets        receives G^λ_t = Â_t + V(s_t); may be null
     */
    public static void gae(double[] rewards, double[] values, int start, int count, int stride,
                           EpisodeEnd end, double bootstrapValue, double gamma, double lambda,
                           double[] advantages, double[] targets) {
        // G^λ_T = V_T: 0 after a fall, V(s_T) after a cut or at an n-step boundary
        double next = end == EpisodeEnd.FELL ? 0 : bootstrapValue;
        double nextValue = next;
        for (int k = count - 1; k >= 0; k--) {
            int t = start + k * stride;
            // G^λ_t = r_t + γ ((1 − λ) V(s_{t+1}) + λ G^λ_{t+1})
            next = rewards[t] + gamma * ((1 - lambda) * nextValue + lambda * next);
            double v = values == null ? 0 : values[t];
            // Â_t = G^λ_t − V(s_t)
            advantages[t] = next - v;
            if (targets != null) {
                targets[t] = next;
            }
            nextValue = v;
        }
    }

    /** {@link #gae} for one environment's consecutive steps {@code [0, count)}. */
    public static void gae(double[] rewards, double[] values, int count, EpisodeEnd end,
                           double bootstrapValue, double gamma, double lambda,
                           double[] advantages, double[] targets) {
        gae(rewards, values, 0, count, 1, end, bootstrapValue, gamma, lambda, advantages,
                targets);
    }

    /**
     * {@link #gae} over a whole rollout that may span episodes and environments: each
     * environment's block of rows (consecutive steps, see {@link RolloutBuffer}) splits into
     * segments where an episode ended ({@link EpisodeEnd#FELL} → 0, {@link EpisodeEnd#CUT_OFF}
     * → V of the real last state, {@code nextValues} of that row) and at the block's last row
     * (V of the state after it, the same). One environment is one block.
     *
     * @param values     V(s_t) of every row
     * @param nextValues V(s'_t) of every row, the state after its step
     */
    static void gaeBlocks(RolloutBuffer rollout, double[] values, double[] nextValues,
                          double gamma, double lambda, double[] advantages, double[] targets) {
        EpisodeEnd[] ends = rollout.ends();
        int steps = rollout.size();
        for (int e = 0; e < rollout.envs(); e++) {
            int first = rollout.row(e, 0);
            int last = rollout.row(e, steps - 1);
            for (int start = first, r = first; r <= last; r++) {
                if (ends[r].ended() || r == last) {
                    gae(rollout.rewards(), values, start, r - start + 1, 1, ends[r],
                            nextValues[r], gamma, lambda, advantages, targets);
                    start = r + 1;
                }
            }
        }
    }
}
