/**
 * Training of agent policies: proximal policy optimisation (PPO) with generalised advantage estimation, and
 * behaviour cloning from recorded demonstrations, on DJL with PyTorch (CPU, or CUDA where DJL can load it).
 *
 * <p>The pieces, each small and checkable on its own: {@link io.animata.runtime.train.VecEnv} steps {@code K}
 * headless {@link io.animata.runtime.rl.Environment}s in lockstep on a fixed set of threads;
 * {@link io.animata.runtime.train.RunningNormalizer} keeps observation statistics;
 * {@link io.animata.runtime.train.RolloutBuffer} holds a rollout in preallocated arrays;
 * {@link io.animata.runtime.train.Gae} turns rewards and values into advantages;
 * {@link io.animata.runtime.train.PpoLoss} holds the loss pieces; {@link io.animata.runtime.train.ActionSampler}
 * turns network outputs into actions in Java. {@link io.animata.runtime.train.PolicyNetwork} is the actor-critic
 * in DJL arrays and exports to the runtime's policy format ({@code policy.onnx} with input {@code observation} and
 * outputs {@code logits}/{@code mean} and {@code value}, plus the {@link io.animata.runtime.rl.PolicySpec}
 * sidecar); {@link io.animata.runtime.train.PpoTrainer} puts it all together.
 * {@link io.animata.runtime.train.DemonstrationWriter} records what a heuristic or a player did,
 * {@link io.animata.runtime.train.Demonstrations} reads it back and
 * {@link io.animata.runtime.train.BehaviourCloning} imitates it, on its own or as PPO's warm start.
 * {@link io.animata.runtime.train.DecoderTrainer} trains the small language model the project ships (a
 * {@link io.animata.runtime.text.TinyDecoder}, same weights and arithmetic as its ONNX export) on the NPC replies of a
 * dialogue corpus.
 *
 * <p>Threading: trainers are used from one thread; only one trainer trains at a time in a JVM (DJL's PyTorch
 * gradient recording is process-wide). Nothing here touches libGDX.
 *
 * <p>DJL and PyTorch are optional dependencies of {@code ai-runtime}: a game that only runs policies does not carry
 * them. Tools that train (the {@code animata train} command) declare them.
 */
package io.animata.runtime.train;
