package io.animata.runtime.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.animata.runtime.AnimataException;
import io.animata.runtime.model.Activation;
import io.animata.runtime.rl.ActionBuffer;
import io.animata.runtime.rl.ActionSpace;
import io.animata.runtime.rl.EnvironmentFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Proximal policy optimisation (PPO, clipped objective) with generalised advantage estimation, on DJL with PyTorch.
 * Each iteration steps {@code K} environment copies ({@link VecEnv}) for {@code n} steps with the current policy,
 * sampling actions in Java from the network's outputs, then trains the {@link PolicyNetwork} for a number of epochs
 * over shuffled minibatches of that rollout with Adam: clipped policy loss, (optionally clipped) value loss and an
 * entropy bonus, advantages normalised per minibatch, gradients clipped to a global norm, learning rate optionally
 * decayed linearly to zero. Observations are normalised with running statistics, frozen for each rollout and
 * exported with the policy. Episodes cut by a time limit bootstrap from the value of their last observation.
 *
 * <p>Reproducible: the seed fixes the initial weights, every episode's reset, the action sampling and the minibatch
 * order (all in Java), and DJL's random seed; PyTorch runs on a fixed number of threads. The same seed on the same
 * machine gives the same learning curve.
 *
 * <p>Threading: not thread-safe; use from one thread. Only one trainer (PPO or behaviour cloning) may train at a
 * time in a JVM (DJL's PyTorch gradient recording is process-wide). Owns environments, threads and native memory:
 * {@link #close()} it (idempotent).
 *
 * <pre>{@code
 * try (PpoTrainer trainer = PpoTrainer.builder()
 *         .setEnvironment(i -> new CartPole())
 *         .optEnvironments(8).optSeed(1).build()) {
 *     trainer.train(300_000, stats -> System.out.println(stats.recentMeanReturn()));
 *     System.out.println(trainer.evaluate(100, 7).meanReturn());
 *     trainer.policy().export(Path.of("policy.onnx"), Path.of("policy.json"), "cartpole");
 * }
 * }</pre>
 */
public final class PpoTrainer implements AutoCloseable {
    private static final int RECENT_EPISODES = 100;

    private final Builder config;
    private final ActionSpace space;
    private final int width;
    private final int envCount;
    private final VecEnv envs;
    private final PolicyNetwork network;
    private final Adam adam;
    private final RolloutBuffer buffer;
    private final Random actionRandom;
    private final Random shuffleRandom;
    private final ActionBuffer[] actions;
    private final float[] stepObservations;
    private final float[] stepActorOut;
    private final float[] stepValues;
    private final float[] lastValues;
    private final float[] recentReturns = new float[RECENT_EPISODES];
    private long recentCount;
    private long totalSteps;
    private long totalEpisodes;
    private int totalUpdates;
    private boolean started;
    private boolean closed;

    private PpoTrainer(Builder b) {
        this.config = b;
        Engine engine = Torch.engine(b.torchThreads);
        engine.setRandomSeed((int) (b.seed ^ (b.seed >>> 32)));
        this.envs = new VecEnv(b.factory, b.envs, b.seed, b.envThreads > 0 ? b.envThreads
                : Runtime.getRuntime().availableProcessors());
        PolicyNetwork net = null;
        Adam opt = null;
        try {
            this.space = envs.actionSpace();
            this.width = envs.observationWidth();
            this.envCount = b.envs;
            net = PolicyNetwork.builder().setObservationWidth(width).setActionSpace(space)
                    .optHiddenSizes(b.hidden).optActivation(b.activation).optSeed(b.seed)
                    .optInitialLogStd(b.initialLogStd).optDevice(b.device).optTorchThreads(b.torchThreads).build();
            opt = new Adam(net.parameters(), net.manager(), 0.9f, 0.999f, b.adamEpsilon);
        } catch (RuntimeException e) {
            if (net != null) {
                net.close();
            }
            envs.close();
            throw e;
        }
        this.network = net;
        this.adam = opt;
        this.buffer = new RolloutBuffer(b.rolloutSteps, envCount, width, space);
        this.actionRandom = new Random(b.seed * 31 + 17);
        this.shuffleRandom = new Random(b.seed * 31 + 29);
        this.actions = envs.newActionBuffers();
        this.stepObservations = new float[envCount * width];
        this.stepActorOut = new float[envCount * network.actorOutputWidth()];
        this.stepValues = new float[envCount];
        this.lastValues = new float[envCount];
    }

    /** @return a builder; required: {@link Builder#setEnvironment} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the network being trained (to export, evaluate, or warm-start with behaviour cloning) */
    public PolicyNetwork policy() {
        return network;
    }

    /** @return environment copies stepped together */
    public int environments() {
        return envCount;
    }

    /** @return threads stepping the environments */
    public int environmentThreads() {
        return envs.threads();
    }

    /** @return environment steps taken so far, over all copies and all {@link #train} calls */
    public long environmentSteps() {
        return totalSteps;
    }

    /** @return environment steps per iteration: rollout steps times environments */
    public int stepsPerUpdate() {
        return buffer.size();
    }

    /**
     * Trains for at least {@code steps} environment steps (rounded up to whole rollouts).
     *
     * @param steps environment steps over all copies, at least 1
     * @param listener hears about every update
     * @return what the call did
     * @throws AnimataException if an environment or the engine fails
     */
    public TrainingSummary train(long steps, TrainingListener listener) {
        checkOpen();
        if (steps < 1) {
            throw new AnimataException("train needs at least 1 step, got " + steps);
        }
        int updates = (int) Math.min(Integer.MAX_VALUE, (steps + buffer.size() - 1) / buffer.size());
        long startSteps = totalSteps;
        long startEpisodes = totalEpisodes;
        long start = System.nanoTime();
        if (!started) {
            envs.reset();
            started = true;
        }
        for (int u = 0; u < updates; u++) {
            float lr = config.learningRateDecay
                    ? config.learningRate * (1f - (float) u / updates) : config.learningRate;
            if (config.normalizeObservations) {
                network.freezeNormalization();
            }
            double[] episodes = collectRollout();
            double[] losses = update(lr);
            totalUpdates++;
            double seconds = (System.nanoTime() - start) / 1e9;
            listener.onUpdate(new UpdateStats(totalUpdates, totalSteps, totalEpisodes, episodes[0], episodes[1],
                    recentMeanReturn(), losses[0], losses[1], losses[2], losses[3], losses[4], lr,
                    (totalSteps - startSteps) / Math.max(seconds, 1e-9)));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new TrainingSummary(totalSteps - startSteps, updates, totalEpisodes - startEpisodes, seconds,
                (totalSteps - startSteps) / Math.max(seconds, 1e-9), recentMeanReturn());
    }

    private double recentMeanReturn() {
        int n = (int) Math.min(recentCount, RECENT_EPISODES);
        if (n == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += recentReturns[i];
        }
        return sum / n;
    }

    /** Steps the environments for one rollout; returns {mean return, mean length} of the episodes it finished. */
    private double[] collectRollout() {
        RunningNormalizer.Snapshot norm = network.normalization();
        float[] logStd = network.logStd();
        float[] obs = buffer.observations();
        int branches = space.branchCount();
        int cont = space.continuousSize();
        int outWidth = network.actorOutputWidth();
        double returnSum = 0;
        double lengthSum = 0;
        int finished = 0;
        for (int t = 0; t < buffer.steps(); t++) {
            float[] raw = envs.observations();
            norm.normalize(raw, 0, stepObservations, 0, envCount);
            System.arraycopy(stepObservations, 0, obs, t * envCount * width, envCount * width);
            if (config.normalizeObservations) {
                network.normalizer().update(raw, 0, envCount);
            }
            network.predict(stepObservations, envCount, stepActorOut, stepValues);
            for (int e = 0; e < envCount; e++) {
                int row = t * envCount + e;
                double logProb = ActionSampler.sample(space, stepActorOut, e * outWidth, logStd, actionRandom,
                        actions[e]);
                buffer.logProbs()[row] = (float) logProb;
                buffer.values()[row] = stepValues[e];
                System.arraycopy(actions[e].discrete, 0, buffer.discreteActions(), row * branches, branches);
                System.arraycopy(actions[e].continuous, 0, buffer.continuousActions(), row * cont, cont);
            }
            envs.step(actions);
            totalSteps += envCount;
            bootstrapTruncated(norm, t);
            for (int e = 0; e < envCount; e++) {
                int row = t * envCount + e;
                buffer.rewards()[row] += envs.rewards()[e];
                buffer.dones()[row] = envs.episodeEnded()[e];
                if (envs.episodeEnded()[e]) {
                    finished++;
                    totalEpisodes++;
                    returnSum += envs.episodeReturns()[e];
                    lengthSum += envs.episodeLengths()[e];
                    recentReturns[(int) (recentCount++ % RECENT_EPISODES)] = envs.episodeReturns()[e];
                }
            }
        }
        norm.normalize(envs.observations(), 0, stepObservations, 0, envCount);
        network.predict(stepObservations, envCount, null, lastValues);
        buffer.computeAdvantages(lastValues, config.gamma, config.lambda);
        return new double[] {finished == 0 ? Double.NaN : returnSum / finished,
            finished == 0 ? Double.NaN : lengthSum / finished};
    }

    /**
     * Writes each step's bootstrap into the rollout's reward slots before the environment's own rewards are added:
     * {@code gamma * V(final observation)} for episodes cut by a time limit, 0 for the others.
     */
    private void bootstrapTruncated(RunningNormalizer.Snapshot norm, int t) {
        int rowBase = t * envCount;
        boolean[] truncated = envs.truncated();
        int count = 0;
        for (int e = 0; e < envCount; e++) {
            buffer.rewards()[rowBase + e] = 0f;
            if (truncated[e]) {
                norm.normalize(envs.finalObservations(), e * width, stepObservations, count * width, 1);
                count++;
            }
        }
        if (count == 0) {
            return;
        }
        network.predict(stepObservations, count, null, stepValues);
        int k = 0;
        for (int e = 0; e < envCount; e++) {
            if (truncated[e]) {
                buffer.rewards()[rowBase + e] = config.gamma * stepValues[k++];
            }
        }
    }

    /** Trains on the rollout; returns the mean {policy loss, value loss, entropy, approx KL, clip fraction}. */
    private double[] update(float lr) {
        int n = buffer.size();
        int mb = Math.min(config.minibatchSize, n);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        MinibatchArrays arrays = new MinibatchArrays(mb);
        double[] sums = new double[5];
        int batches = 0;
        for (int epoch = 0; epoch < config.epochs; epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = shuffleRandom.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            for (int start = 0; start < n; start += mb) {
                int rows = Math.min(mb, n - start);
                arrays.gather(order, start, rows);
                float[] stats = trainMinibatch(arrays, rows, lr);
                for (int s = 0; s < sums.length; s++) {
                    sums[s] += stats[s];
                }
                batches++;
            }
        }
        for (int s = 0; s < sums.length; s++) {
            sums[s] /= batches;
        }
        return sums;
    }

    /** Minibatch rows gathered from the rollout into reusable arrays. */
    private final class MinibatchArrays {
        final float[] obs;
        final float[] oneHot;
        final float[] continuous;
        final float[] oldLogProbs;
        final float[] advantages;
        final float[] returns;
        final float[] oldValues;

        MinibatchArrays(int rows) {
            obs = new float[rows * width];
            oneHot = new float[space.isDiscrete() ? rows * space.totalDiscreteOptions() : 0];
            continuous = new float[rows * space.continuousSize()];
            oldLogProbs = new float[rows];
            advantages = new float[rows];
            returns = new float[rows];
            oldValues = new float[rows];
        }

        void gather(int[] order, int start, int rows) {
            int options = space.totalDiscreteOptions();
            int branches = space.branchCount();
            int cont = space.continuousSize();
            double sum = 0;
            double sq = 0;
            Arrays.fill(oneHot, 0f);
            for (int r = 0; r < rows; r++) {
                int i = order[start + r];
                System.arraycopy(buffer.observations(), i * width, obs, r * width, width);
                int offset = 0;
                for (int b = 0; b < branches; b++) {
                    oneHot[r * options + offset + buffer.discreteActions()[i * branches + b]] = 1f;
                    offset += space.branchSize(b);
                }
                System.arraycopy(buffer.continuousActions(), i * cont, continuous, r * cont, cont);
                oldLogProbs[r] = buffer.logProbs()[i];
                returns[r] = buffer.returns()[i];
                oldValues[r] = buffer.values()[i];
                float a = buffer.advantages()[i];
                advantages[r] = a;
                sum += a;
                sq += (double) a * a;
            }
            if (config.normalizeAdvantages && rows > 1) {
                double mean = sum / rows;
                double std = Math.sqrt(Math.max(sq / rows - mean * mean, 0) * rows / (rows - 1));
                for (int r = 0; r < rows; r++) {
                    advantages[r] = (float) ((advantages[r] - mean) / (std + 1e-8));
                }
            }
        }
    }

    private float[] trainMinibatch(MinibatchArrays a, int rows, float lr) {
        NDManager manager = network.manager();
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray x = manager.create(prefix(a.obs, rows * width), new Shape(rows, width));
            NDArray oldLogProbs = manager.create(prefix(a.oldLogProbs, rows), new Shape(rows));
            NDArray advantages = manager.create(prefix(a.advantages, rows), new Shape(rows));
            NDArray returns = manager.create(prefix(a.returns, rows), new Shape(rows));
            NDArray oldValues = manager.create(prefix(a.oldValues, rows), new Shape(rows));
            NDArray logProbsKept;
            NDArray policyLossKept;
            NDArray valueLossKept;
            NDArray entropyKept;
            try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                NDArray out = network.actor(x);
                NDArray logProbs;
                NDArray entropy;
                if (space.isDiscrete()) {
                    int options = space.totalDiscreteOptions();
                    NDArray oneHot = manager.create(prefix(a.oneHot, rows * options), new Shape(rows, options));
                    NDArray[] lp = PpoLoss.categorical(out, space.branches(), oneHot);
                    logProbs = lp[0];
                    entropy = lp[1].mean();
                } else {
                    int c = space.continuousSize();
                    NDArray taken = manager.create(prefix(a.continuous, rows * c), new Shape(rows, c));
                    logProbs = PpoLoss.gaussianLogProb(out, network.logStdArray(), taken);
                    entropy = PpoLoss.gaussianEntropy(network.logStdArray());
                }
                NDArray values = network.critic(x);
                NDArray policyLoss = PpoLoss.policyLoss(logProbs, oldLogProbs, advantages, config.clip);
                NDArray valueLoss = PpoLoss.valueLoss(values, oldValues, returns, config.valueClip);
                NDArray loss = policyLoss.add(valueLoss.mul(config.valueCoefficient))
                        .sub(entropy.mul(config.entropyCoefficient));
                collector.backward(loss);
                logProbsKept = logProbs;
                policyLossKept = policyLoss;
                valueLossKept = valueLoss;
                entropyKept = entropy;
            }
            // statistics outside the recorded graph
            NDArray logRatio = logProbsKept.sub(oldLogProbs);
            NDArray ratio = logRatio.exp();
            NDArray approxKl = ratio.sub(1f).sub(logRatio).mean();
            NDArray clipFraction = ratio.sub(1f).abs().gt(config.clip).toType(DataType.FLOAT32, false).mean();
            NDArray stats = NDArrays.stack(new NDList(policyLossKept, valueLossKept, entropyKept.reshape(new Shape()),
                    approxKl, clipFraction));
            double norm = adam.gradientNorm();
            float scale = config.maxGradNorm > 0 && norm > config.maxGradNorm
                    ? (float) (config.maxGradNorm / (norm + 1e-6)) : 1f;
            adam.step(lr, scale);
            return stats.toFloatArray();
        }
    }

    private static float[] prefix(float[] data, int length) {
        return data.length == length ? data : Arrays.copyOf(data, length);
    }

    /**
     * Runs deterministic episodes with the current policy (argmax / mean) on fresh environment copies.
     *
     * @param episodes episodes, at least 1
     * @param seed seeds the episodes' resets
     * @return their returns
     * @see PolicyNetwork#evaluate
     */
    public Evaluation evaluate(int episodes, long seed) {
        checkOpen();
        return network.evaluate(config.factory, Math.min(episodes, envCount), episodes, seed);
    }

    /**
     * Writes the policy as {@code policy.onnx} + {@code policy.json} style files.
     *
     * @see PolicyNetwork#export
     */
    public void exportPolicy(Path onnx, Path json, String name) {
        checkOpen();
        network.export(onnx, json, name);
    }

    private void checkOpen() {
        if (closed) {
            throw new AnimataException("this PpoTrainer is closed");
        }
    }

    /** Stops the environment threads and frees the network. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            envs.close();
        } finally {
            adam.close();
            network.close();
        }
    }

    /**
     * Configures a {@link PpoTrainer}. Required: {@link #setEnvironment}. The defaults are common PPO settings
     * for small control tasks.
     *
     * <p>Threading: not thread-safe.
     */
    public static final class Builder {
        private EnvironmentFactory factory;
        private int envs = 8;
        private int envThreads;
        private long seed;
        private int rolloutSteps = 128;
        private float learningRate = 3e-4f;
        private boolean learningRateDecay = true;
        private float gamma = 0.99f;
        private float lambda = 0.95f;
        private float clip = 0.2f;
        private float valueClip;
        private int epochs = 10;
        private int minibatchSize = 256;
        private float entropyCoefficient;
        private float valueCoefficient = 0.5f;
        private float maxGradNorm = 0.5f;
        private int[] hidden = {64, 64};
        private Activation activation = Activation.TANH;
        private float initialLogStd;
        private boolean normalizeObservations = true;
        private boolean normalizeAdvantages = true;
        private float adamEpsilon = 1e-5f;
        private Device device;
        private int torchThreads = 1;

        private Builder() {
        }

        /** @param factory makes the environment copies (evaluation makes more with it) */
        public Builder setEnvironment(EnvironmentFactory factory) {
            this.factory = factory;
            return this;
        }

        /** @param count environment copies stepped together (default 8) */
        public Builder optEnvironments(int count) {
            this.envs = count;
            return this;
        }

        /** @param threads threads stepping the environments (default: the available processors, at most one per copy) */
        public Builder optEnvironmentThreads(int threads) {
            this.envThreads = threads;
            return this;
        }

        /** @param seed the seed of everything random (default 0) */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** @param steps steps per environment per rollout (default 128) */
        public Builder optRolloutSteps(int steps) {
            this.rolloutSteps = steps;
            return this;
        }

        /** @param rate Adam's learning rate (default 3e-4) */
        public Builder optLearningRate(float rate) {
            this.learningRate = rate;
            return this;
        }

        /** @param decay whether the learning rate falls linearly to 0 over a {@link #train} call (default true) */
        public Builder optLearningRateDecay(boolean decay) {
            this.learningRateDecay = decay;
            return this;
        }

        /** @param gamma discount (default 0.99) */
        public Builder optGamma(float gamma) {
            this.gamma = gamma;
            return this;
        }

        /** @param lambda GAE lambda (default 0.95) */
        public Builder optLambda(float lambda) {
            this.lambda = lambda;
            return this;
        }

        /** @param clip the policy ratio's clip range (default 0.2) */
        public Builder optClip(float clip) {
            this.clip = clip;
            return this;
        }

        /** @param clip the value clip range; 0 for an unclipped value loss (default 0) */
        public Builder optValueClip(float clip) {
            this.valueClip = clip;
            return this;
        }

        /** @param epochs passes over each rollout (default 10) */
        public Builder optEpochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** @param size samples per minibatch (default 256) */
        public Builder optMinibatchSize(int size) {
            this.minibatchSize = size;
            return this;
        }

        /** @param coefficient weight of the entropy bonus (default 0) */
        public Builder optEntropyCoefficient(float coefficient) {
            this.entropyCoefficient = coefficient;
            return this;
        }

        /** @param coefficient weight of the value loss (default 0.5) */
        public Builder optValueCoefficient(float coefficient) {
            this.valueCoefficient = coefficient;
            return this;
        }

        /** @param norm global gradient-norm limit; 0 for none (default 0.5) */
        public Builder optMaxGradNorm(float norm) {
            this.maxGradNorm = norm;
            return this;
        }

        /** @param sizes hidden widths of actor and critic (default 64, 64) */
        public Builder optHiddenSizes(int... sizes) {
            this.hidden = sizes.clone();
            return this;
        }

        /** @param activation hidden activation, TANH (default) or RELU */
        public Builder optActivation(Activation activation) {
            this.activation = activation;
            return this;
        }

        /** @param logStd initial log standard deviation of continuous actions (default 0) */
        public Builder optInitialLogStd(float logStd) {
            this.initialLogStd = logStd;
            return this;
        }

        /** @param normalize whether observations are normalised with running statistics (default true) */
        public Builder optNormalizeObservations(boolean normalize) {
            this.normalizeObservations = normalize;
            return this;
        }

        /** @param normalize whether advantages are normalised per minibatch (default true) */
        public Builder optNormalizeAdvantages(boolean normalize) {
            this.normalizeAdvantages = normalize;
            return this;
        }

        /** @param device where the network lives (default: DJL's default device, a GPU where it can use one) */
        public Builder optDevice(Device device) {
            this.device = device;
            return this;
        }

        /** @param threads PyTorch intra-op threads, process-wide (default 1) */
        public Builder optTorchThreads(int threads) {
            this.torchThreads = threads;
            return this;
        }

        /**
         * @return the trainer, with its environment copies made (they are reset by the first {@link PpoTrainer#train})
         * @throws AnimataException if a setting is invalid or the engine cannot be loaded
         */
        public PpoTrainer build() {
            if (factory == null) {
                throw new AnimataException("PpoTrainer needs setEnvironment(factory)");
            }
            check(envs >= 1, "optEnvironments must be >= 1, was " + envs);
            check(rolloutSteps >= 1, "optRolloutSteps must be >= 1, was " + rolloutSteps);
            check(epochs >= 1, "optEpochs must be >= 1, was " + epochs);
            check(minibatchSize >= 1, "optMinibatchSize must be >= 1, was " + minibatchSize);
            check(learningRate > 0, "optLearningRate must be > 0, was " + learningRate);
            check(gamma >= 0 && gamma <= 1, "optGamma must be in [0, 1], was " + gamma);
            check(lambda >= 0 && lambda <= 1, "optLambda must be in [0, 1], was " + lambda);
            check(clip > 0, "optClip must be > 0, was " + clip);
            return new PpoTrainer(this);
        }

        private static void check(boolean ok, String message) {
            if (!ok) {
                throw new AnimataException(message);
            }
        }
    }
}
