"""Makes CartPole-v1 reference data stepped by Gymnasium itself, for CartPoleGymnasiumTest.

How it was made (once, on Linux x86-64: Debian 12, glibc 2.36, CPython 3.11):
    python3 -m venv venv && venv/bin/pip install gymnasium==1.3.0 numpy
    venv/bin/python make_cartpole_reference.py
which writes, in the current directory:
  cartpole_v1_episodes.csv   400 whole episodes: episode, the reset state, the actions (one
                             character 0/1 per step), the length, the end state, terminated,
                             truncated;
  cartpole_v1_steps.csv.gz   every step of the first STEP_EPISODES of them: episode, step,
                             action, the state after it (step 0: the reset state, action -1).
Episode k of gymnasium.make("CartPole-v1") is reset with seed=k. Actions come from a noisy
balancing rule (push the way the pole falls; a random push with probability 0.3, numpy's PCG64
seeded 2026), so episodes are long and the pole visits its whole range. Gymnasium computes
sin/cos with Python's math module, i.e. the platform's libm (glibc here). Values are Python's
repr of each float64: the shortest text that reads back to the same bits (Java's
Double.parseDouble does).
"""
import sys

import gymnasium
import numpy as np

import gzip

EPISODES = 400
STEP_EPISODES = 80


def main():
    rng = np.random.Generator(np.random.PCG64(2026))
    env = gymnasium.make("CartPole-v1")
    head = "# CartPole-v1 stepped by Gymnasium %s (numpy %s); see make_cartpole_reference.py\n" % (
        gymnasium.__version__, np.__version__)
    episodes = open("cartpole_v1_episodes.csv", "w")
    steps = gzip.GzipFile("cartpole_v1_steps.csv.gz", "wb", mtime=0)
    episodes.write(head)
    episodes.write("episode,x,x_dot,theta,theta_dot,actions,length,end_x,end_x_dot,end_theta,"
                   "end_theta_dot,terminated,truncated\n")
    steps.write(head.encode())
    steps.write(b"episode,step,action,x,x_dot,theta,theta_dot\n")
    for episode in range(EPISODES):
        env.reset(seed=episode)
        start = ",".join(repr(float(v)) for v in env.unwrapped.state)
        if episode < STEP_EPISODES:
            steps.write(("%d,0,-1,%s\n" % (episode, start)).encode())
        actions = []
        while True:
            x, x_dot, theta, theta_dot = env.unwrapped.state
            if rng.random() < 0.3:
                action = int(rng.integers(2))
            else:
                action = 1 if theta + 0.5 * theta_dot + 0.05 * x + 0.1 * x_dot > 0 else 0
            _, _, terminated, truncated, _ = env.step(action)
            actions.append(str(action))
            state = ",".join(repr(float(v)) for v in env.unwrapped.state)
            if episode < STEP_EPISODES:
                steps.write(("%d,%d,%d,%s\n" % (episode, len(actions), action, state)).encode())
            if terminated or truncated:
                break
        episodes.write("%d,%s,%s,%d,%s,%d,%d\n" % (episode, start, "".join(actions),
                                                   len(actions), state, int(terminated),
                                                   int(truncated)))
    episodes.close()
    steps.close()


if __name__ == "__main__":
    main()
