/**
 * Training of agent policies: proximal policy optimisation (PPO) with generalised advantage estimation, and
 * behaviour cloning from recorded demonstrations, on DJL with PyTorch (CPU, or CUDA where DJL can load it).
 *
 * <p>The pieces, each small and checkable on its own: {@link io.animata.runtime.train.VecEnv} steps {@code K}
 * headless {@link io.animata.runtime.rl.Environment}s in lockstep on a fixed set of threads;
 * {@link io.animata.runtime.train.RunningNormalizer} keeps observation statistics;
 * {@link io.animata.runtime.train.RolloutBuffer} holds a rollout in preallocated arrays;
 * {@link io.animata.runtime.train.Gae} turns rewards and values into advantages.
 *
 * <p>DJL and PyTorch are optional dependencies of {@code ai-runtime}: a game that only runs policies does not carry
 * them. Tools that train (the {@code animata train} command) declare them.
 */
package io.animata.runtime.train;
