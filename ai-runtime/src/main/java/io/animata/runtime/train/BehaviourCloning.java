package io.animata.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.animata.runtime.AnimataException;
import io.animata.runtime.rl.ActionBuffer;
import io.animata.runtime.rl.ActionSpace;
import java.util.Arrays;
import java.util.Random;

/**
 * Behaviour cloning: trains a {@link PolicyNetwork}'s actor to do what the demonstrations did, by supervised
 * learning with Adam over shuffled minibatches: cross-entropy of the demonstrated option in every branch (discrete),
 * or the squared error between the Gaussian's mean and the demonstrated action (continuous). The critic is left
 * alone. First (unless turned off) the network's observation statistics take in the demonstrations' observations
 * and are frozen, so the cloned policy exports with the right normalisation.
 *
 * <p>On its own it makes a policy from demonstrations; on a {@link PpoTrainer#policy()} before
 * {@link PpoTrainer#train} it is a warm start (the trainer keeps the normalisation statistics and goes on from them).
 *
 * <p>Threading: configure, then call {@link #train} from one thread; only one trainer trains at a time in a JVM.
 *
 * <pre>{@code
 * Demonstrations demos = Demonstrations.read(Path.of("demos.bin"));
 * try (PpoTrainer trainer = PpoTrainer.builder().setEnvironment(i -> new CartPole()).build()) {
 *     CloningResult cloned = BehaviourCloning.builder().optEpochs(30).build().train(trainer.policy(), demos);
 *     trainer.train(100_000, TrainingListener.NONE);
 * }
 * }</pre>
 */
public final class BehaviourCloning {
    private final int epochs;
    private final int minibatchSize;
    private final float learningRate;
    private final long seed;
    private final boolean updateNormalization;

    private BehaviourCloning(Builder b) {
        this.epochs = b.epochs;
        this.minibatchSize = b.minibatchSize;
        this.learningRate = b.learningRate;
        this.seed = b.seed;
        this.updateNormalization = b.updateNormalization;
    }

    /** @return a builder; every setting has a default */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Trains the network's actor on the demonstrations.
     *
     * @param network the policy to train (its shapes must match the demonstrations')
     * @param demos what to imitate, at least one step
     * @return the last epoch's loss and the accuracy reached
     * @throws AnimataException when the shapes differ or there are no demonstrations
     */
    public CloningResult train(PolicyNetwork network, Demonstrations demos) {
        ActionSpace space = network.actionSpace();
        int width = network.observationWidth();
        if (demos.observationWidth() != width || !demos.actionSpace().equals(space)) {
            throw new AnimataException("demonstrations " + demos + " do not fit the policy " + network);
        }
        int n = demos.size();
        if (n == 0) {
            throw new AnimataException("behaviour cloning needs at least one demonstrated step");
        }
        float[] raw = demos.observations();
        if (updateNormalization) {
            network.normalizer().update(raw, 0, n);
            network.freezeNormalization();
        }
        float[] obs = new float[raw.length];
        network.normalization().normalize(raw, 0, obs, 0, n);
        int[] discrete = demos.discreteActions();
        float[] continuous = demos.continuousActions();
        int outWidth = network.actorOutputWidth();
        int branches = space.branchCount();
        int cont = space.continuousSize();
        int mb = Math.min(minibatchSize, n);
        float[] batchObs = new float[mb * width];
        float[] batchTarget = new float[mb * outWidth];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        NDManager manager = network.manager();
        double epochLoss = 0;
        try (Adam adam = new Adam(network.actorParameters(), manager, 0.9f, 0.999f, 1e-8f)) {
            for (int epoch = 0; epoch < epochs; epoch++) {
                for (int i = n - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int tmp = order[i];
                    order[i] = order[j];
                    order[j] = tmp;
                }
                double lossSum = 0;
                int batches = 0;
                for (int start = 0; start < n; start += mb) {
                    int rows = Math.min(mb, n - start);
                    Arrays.fill(batchTarget, 0f);
                    for (int r = 0; r < rows; r++) {
                        int i = order[start + r];
                        System.arraycopy(obs, i * width, batchObs, r * width, width);
                        if (space.isDiscrete()) {
                            int offset = 0;
                            for (int b = 0; b < branches; b++) {
                                batchTarget[r * outWidth + offset + discrete[i * branches + b]] = 1f;
                                offset += space.branchSize(b);
                            }
                        } else {
                            System.arraycopy(continuous, i * cont, batchTarget, r * cont, cont);
                        }
                    }
                    lossSum += step(network, adam, batchObs, batchTarget, rows);
                    batches++;
                }
                epochLoss = lossSum / batches;
            }
        }
        return new CloningResult(epochs, n, epochLoss, space.isDiscrete() ? accuracy(network, obs, discrete, n)
                : Double.NaN);
    }

    private double step(PolicyNetwork network, Adam adam, float[] obs, float[] target, int rows) {
        ActionSpace space = network.actionSpace();
        int width = network.observationWidth();
        int outWidth = network.actorOutputWidth();
        NDManager manager = network.manager();
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray x = manager.create(Arrays.copyOf(obs, rows * width), new Shape(rows, width));
            NDArray y = manager.create(Arrays.copyOf(target, rows * outWidth), new Shape(rows, outWidth));
            NDArray loss;
            try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                NDArray out = network.actor(x);
                if (space.isDiscrete()) {
                    loss = PpoLoss.categorical(out, space.branches(), y)[0].mean().neg();
                } else {
                    loss = out.sub(y).square().mean();
                }
                collector.backward(loss);
            }
            adam.step(learningRate, 1f);
            return loss.getFloat();
        }
    }

    private static double accuracy(PolicyNetwork network, float[] obs, int[] discrete, int n) {
        ActionSpace space = network.actionSpace();
        int outWidth = network.actorOutputWidth();
        int branches = space.branchCount();
        int chunk = 1024;
        float[] out = new float[chunk * outWidth];
        ActionBuffer action = new ActionBuffer(space);
        int right = 0;
        for (int start = 0; start < n; start += chunk) {
            int rows = Math.min(chunk, n - start);
            float[] x = Arrays.copyOfRange(obs, start * network.observationWidth(),
                    (start + rows) * network.observationWidth());
            network.predict(x, rows, out, null);
            for (int r = 0; r < rows; r++) {
                ActionSampler.greedy(space, out, r * outWidth, action);
                boolean same = true;
                for (int b = 0; b < branches; b++) {
                    same &= action.discrete[b] == discrete[(start + r) * branches + b];
                }
                right += same ? 1 : 0;
            }
        }
        return (double) right / n;
    }

    /**
     * Configures {@link BehaviourCloning}; every setting is optional.
     *
     * <p>Threading: not thread-safe.
     */
    public static final class Builder {
        private int epochs = 20;
        private int minibatchSize = 64;
        private float learningRate = 1e-3f;
        private long seed;
        private boolean updateNormalization = true;

        private Builder() {
        }

        /** @param epochs passes over the demonstrations (default 20) */
        public Builder optEpochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** @param size steps per minibatch (default 64) */
        public Builder optMinibatchSize(int size) {
            this.minibatchSize = size;
            return this;
        }

        /** @param rate Adam's learning rate (default 1e-3) */
        public Builder optLearningRate(float rate) {
            this.learningRate = rate;
            return this;
        }

        /** @param seed seeds the minibatch order (default 0) */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * @param update whether the demonstrations' observations join the network's statistics, which are then
         *     frozen as its normalisation (default true)
         */
        public Builder optUpdateNormalization(boolean update) {
            this.updateNormalization = update;
            return this;
        }

        /**
         * @return the configured cloner
         * @throws AnimataException if a setting is out of range
         */
        public BehaviourCloning build() {
            if (epochs < 1 || minibatchSize < 1 || !(learningRate > 0)) {
                throw new AnimataException("behaviour cloning needs epochs >= 1, minibatch size >= 1 and a learning "
                        + "rate > 0; got " + epochs + ", " + minibatchSize + ", " + learningRate);
            }
            return new BehaviourCloning(this);
        }
    }
}
