package cartpolelab.metrics;

/**
 * One gradient-variance measurement of a run: the variance (trace of the covariance of the
 * flattened actor gradient over {@code samples} episodes of the current policy) of each of the
 * study notebook's three policy-gradient estimators and of the run's own learner's.
 *
 * @param episode   the episode after whose update it was taken (1-based, as in the history)
 * @param update    learning updates so far when it was taken
 * @param reinforce Σ_t ∇log π(a_t|s_t) · G_t
 * @param baseline  Σ_t ∇log π(a_t|s_t) · (G_t − V(s_t))
 * @param td        Σ_t ∇log π(a_t|s_t) · δ_t,  δ_t = r_{t+1} + γ V(s_{t+1}) − V(s_t)
 * @param learner   Σ_t ∇log π(a_t|s_t) · Ψ_t with the run's own Ψ_t (its algorithm, its λ)
 * @param samples   M, the episodes the variances are estimated from
 */
public record GradientVariance(int episode, long update, double reinforce, double baseline,
                               double td, double learner, int samples) {
}
