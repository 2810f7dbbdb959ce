package io.animata.runtime.train;

import io.animata.runtime.AnimataException;
import io.animata.runtime.rl.ActionBuffer;
import io.animata.runtime.rl.ActionSpace;
import io.animata.runtime.rl.Environment;
import io.animata.runtime.rl.EnvironmentFactory;
import io.animata.runtime.rl.GoalEnvironment;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code K} copies of an environment stepped in lockstep, as fast as the machine allows (no frame pacing, no
 * rendering). The copies are split into {@code P = min(K, threads)} fixed, contiguous partitions; partition 0 is
 * stepped by the calling thread and each other partition by a worker thread of its own, so every environment is
 * always stepped by the same thread and the results never depend on timing: the same seed gives the same
 * observations, bit for bit.
 *
 * <p>An environment whose episode ended (terminated or truncated) is reset at once, within the same
 * {@link #step}: {@link #observations()} then holds the new episode's first observation, and
 * {@link #finalObservations()} the observation the episode ended on (for bootstrapping a truncated episode). Episode
 * {@code n} of environment {@code e} is reset with a seed derived from the vector's seed, {@code e} and {@code n}.
 *
 * <p>Threading: {@link #reset}, {@link #step} and {@link #close} are called from one thread (the trainer's); the
 * arrays returned by the accessors are live and change on every step. {@link #close} stops the workers (bounded wait)
 * and closes the environments; it is idempotent.
 *
 * <pre>{@code
 * try (VecEnv envs = new VecEnv(i -> new CartPole(), 8, 42)) {
 *     envs.reset();
 *     ActionBuffer[] actions = envs.newActionBuffers();
 *     envs.step(actions);                       // all 8 at once
 *     float[] obs = envs.observations();        // 8 x 4 floats
 * }
 * }</pre>
 */
public final class VecEnv implements AutoCloseable {
    private static final long STOP_TIMEOUT_MS = 5_000;

    private final Environment[] envs;
    private final int width;
    private final ActionSpace actionSpace;
    private final long seed;
    private final float[] observations;
    private final float[] finalObservations;
    private final float[] rewards;
    private final boolean[] terminated;
    private final boolean[] truncated;
    private final boolean[] episodeEnded;
    private final boolean[] succeeded;
    private final boolean goalAware;
    private final float[] episodeReturns;
    private final int[] episodeLengths;
    private final float[] runningReturns;
    private final int[] runningLengths;
    private final long[] episodeCounts;
    /** Per environment: one row of its observation, so environments never share an array across threads. */
    private final float[][] scratch;
    private final int[] partitionStart;
    private final Thread[] workers;
    private final CyclicBarrier startBarrier;
    private final CyclicBarrier endBarrier;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile int command;
    private ActionBuffer[] currentActions;
    private boolean closed;

    private static final int STEP = 1;
    private static final int RESET = 2;
    private static final int STOP = 3;

    /**
     * Makes {@code count} environments stepped by {@code min(count, available processors)} threads.
     *
     * @param factory makes each copy
     * @param count copies, at least 1
     * @param seed seeds every episode's reset
     */
    public VecEnv(EnvironmentFactory factory, int count, long seed) {
        this(factory, count, seed, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param factory makes each copy
     * @param count copies, at least 1
     * @param seed seeds every episode's reset
     * @param threads most threads stepping them (the caller's included), at least 1
     * @throws AnimataException if the copies disagree on their shapes or one cannot be made
     */
    public VecEnv(EnvironmentFactory factory, int count, long seed, int threads) {
        if (count < 1 || threads < 1) {
            throw new AnimataException("a VecEnv needs at least 1 environment and 1 thread, got " + count + " and "
                    + threads);
        }
        this.envs = new Environment[count];
        try {
            for (int i = 0; i < count; i++) {
                envs[i] = factory.create(i);
                if (envs[i] == null) {
                    throw new AnimataException("the environment factory returned null for copy " + i);
                }
                if (envs[i].observationWidth() != envs[0].observationWidth()
                        || !envs[i].actionSpace().equals(envs[0].actionSpace())) {
                    throw new AnimataException("environment copy " + i + " has observation width "
                            + envs[i].observationWidth() + " and " + envs[i].actionSpace() + ", copy 0 has "
                            + envs[0].observationWidth() + " and " + envs[0].actionSpace());
                }
            }
        } catch (RuntimeException e) {
            closeEnvironments();
            throw e instanceof AnimataException a ? a
                    : new AnimataException("cannot make environment copies: " + e.getMessage(), e);
        }
        this.width = envs[0].observationWidth();
        this.actionSpace = envs[0].actionSpace();
        this.goalAware = envs[0] instanceof GoalEnvironment;
        this.seed = seed;
        this.observations = new float[count * width];
        this.finalObservations = new float[count * width];
        this.rewards = new float[count];
        this.terminated = new boolean[count];
        this.truncated = new boolean[count];
        this.episodeEnded = new boolean[count];
        this.succeeded = new boolean[count];
        this.episodeReturns = new float[count];
        this.episodeLengths = new int[count];
        this.runningReturns = new float[count];
        this.runningLengths = new int[count];
        this.episodeCounts = new long[count];
        this.scratch = new float[count][width];
        int partitions = Math.min(count, threads);
        this.partitionStart = new int[partitions + 1];
        for (int p = 0; p <= partitions; p++) {
            partitionStart[p] = (int) ((long) p * count / partitions);
        }
        this.workers = new Thread[partitions - 1];
        this.startBarrier = new CyclicBarrier(partitions);
        this.endBarrier = new CyclicBarrier(partitions);
        for (int p = 1; p < partitions; p++) {
            int partition = p;
            Thread worker = new Thread(() -> workerLoop(partition), "animata-vecenv-" + p);
            worker.setDaemon(true);
            workers[p - 1] = worker;
            worker.start();
        }
    }

    /** @return number of environments */
    public int size() {
        return envs.length;
    }

    /** @return threads stepping the environments, the caller's included */
    public int threads() {
        return workers.length + 1;
    }

    /** @return floats per observation */
    public int observationWidth() {
        return width;
    }

    /** @return the environments' action space */
    public ActionSpace actionSpace() {
        return actionSpace;
    }

    /** @return one action buffer per environment, to fill and pass to {@link #step} */
    public ActionBuffer[] newActionBuffers() {
        ActionBuffer[] buffers = new ActionBuffer[envs.length];
        for (int i = 0; i < buffers.length; i++) {
            buffers[i] = new ActionBuffer(actionSpace);
        }
        return buffers;
    }

    /** Starts a new episode in every environment; {@link #observations()} holds the first observations. */
    public void reset() {
        run(RESET, null);
    }

    /**
     * Steps every environment with its action, resetting those whose episode ended.
     *
     * @param actions one per environment
     * @throws AnimataException if an environment failed (the first failure, with its cause)
     */
    public void step(ActionBuffer[] actions) {
        if (actions.length != envs.length) {
            throw new AnimataException("step needs " + envs.length + " actions, got " + actions.length);
        }
        run(STEP, actions);
    }

    /** @return {@code size() * observationWidth()}: the observations now (a new episode's first where one ended) */
    public float[] observations() {
        return observations;
    }

    /** @return {@code size() * observationWidth()}: the last observation of episodes that ended this step */
    public float[] finalObservations() {
        return finalObservations;
    }

    /** @return rewards of the last step */
    public float[] rewards() {
        return rewards;
    }

    /** @return whether each environment's episode terminated with the last step */
    public boolean[] terminated() {
        return terminated;
    }

    /** @return whether each environment's episode was cut by a time limit with the last step (and not terminated) */
    public boolean[] truncated() {
        return truncated;
    }

    /**
     * @return per copy, whether the episode that the last step ended reached its goal (valid where
     *     {@link #episodeEnded()}; always false unless {@link #isGoalAware()})
     */
    public boolean[] succeeded() {
        return succeeded;
    }

    /** @return whether the copies are {@link GoalEnvironment}s, whose episodes succeed or fail */
    public boolean isGoalAware() {
        return goalAware;
    }

    /** @return whether each environment's episode ended with the last step */
    public boolean[] episodeEnded() {
        return episodeEnded;
    }

    /** @return undiscounted return of the episode that ended (valid where {@link #episodeEnded()}) */
    public float[] episodeReturns() {
        return episodeReturns;
    }

    /** @return length of the episode that ended (valid where {@link #episodeEnded()}) */
    public int[] episodeLengths() {
        return episodeLengths;
    }

    private void run(int what, ActionBuffer[] actions) {
        if (closed) {
            throw new AnimataException("this VecEnv is closed");
        }
        currentActions = actions;
        command = what;
        if (workers.length > 0) {
            await(startBarrier);
        }
        try {
            runPartition(0);
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        }
        if (workers.length > 0) {
            await(endBarrier);
        }
        currentActions = null;
        Throwable t = failure.getAndSet(null);
        if (t != null) {
            throw t instanceof AnimataException a ? a
                    : new AnimataException("an environment failed while stepping: " + t, t);
        }
    }

    private void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnimataException("interrupted while stepping environments", e);
        } catch (BrokenBarrierException e) {
            throw new AnimataException("an environment worker stopped", e);
        }
    }

    private void workerLoop(int partition) {
        try {
            while (true) {
                startBarrier.await();
                if (command == STOP) {
                    return;
                }
                try {
                    runPartition(partition);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
                endBarrier.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (BrokenBarrierException e) {
            // the vector is closing or the caller gave up: nothing left to do
        }
    }

    private void runPartition(int partition) {
        int end = partitionStart[partition + 1];
        for (int e = partitionStart[partition]; e < end; e++) {
            if (command == RESET) {
                resetOne(e);
            } else {
                stepOne(e);
            }
        }
    }

    private void resetOne(int e) {
        float[] row = scratch[e];
        envs[e].reset(episodeSeed(e, episodeCounts[e]++), row);
        System.arraycopy(row, 0, observations, e * width, width);
        runningReturns[e] = 0f;
        runningLengths[e] = 0;
        rewards[e] = 0f;
        terminated[e] = false;
        truncated[e] = false;
        episodeEnded[e] = false;
    }

    private void stepOne(int e) {
        float[] row = scratch[e];
        Environment env = envs[e];
        float reward = env.step(currentActions[e], row);
        boolean term = env.terminated();
        boolean trunc = !term && env.truncated();
        rewards[e] = reward;
        terminated[e] = term;
        truncated[e] = trunc;
        runningReturns[e] += reward;
        runningLengths[e]++;
        if (term || trunc) {
            episodeEnded[e] = true;
            // read before the reset below starts the next episode
            succeeded[e] = env instanceof GoalEnvironment goal && goal.reachedGoal();
            episodeReturns[e] = runningReturns[e];
            episodeLengths[e] = runningLengths[e];
            System.arraycopy(row, 0, finalObservations, e * width, width);
            env.reset(episodeSeed(e, episodeCounts[e]++), row);
            runningReturns[e] = 0f;
            runningLengths[e] = 0;
        } else {
            episodeEnded[e] = false;
        }
        System.arraycopy(row, 0, observations, e * width, width);
    }

    /** SplitMix64 of the vector's seed, the environment and the episode: independent streams per episode. */
    long episodeSeed(int env, long episode) {
        long z = seed + 0x9E3779B97F4A7C15L * (1 + env + 0x100000L * episode);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (workers.length > 0) {
            command = STOP;
            try {
                startBarrier.await(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (BrokenBarrierException | TimeoutException e) {
                // a worker is stuck in an environment: it is a daemon and will not keep the JVM alive
            }
            for (Thread worker : workers) {
                try {
                    worker.join(STOP_TIMEOUT_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        closeEnvironments();
    }

    private void closeEnvironments() {
        for (Environment env : envs) {
            if (env != null) {
                env.close();
            }
        }
    }
}
