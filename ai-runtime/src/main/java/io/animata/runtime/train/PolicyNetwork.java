package io.animata.runtime.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import io.animata.runtime.AnimataException;
import io.animata.runtime.model.Activation;
import io.animata.runtime.model.Mlp;
import io.animata.runtime.onnx.MlpOnnxExporter;
import io.animata.runtime.rl.ActionBuffer;
import io.animata.runtime.rl.ActionSpace;
import io.animata.runtime.rl.EnvironmentFactory;
import io.animata.runtime.rl.PolicySpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * An actor-critic policy as DJL arrays: an actor MLP (observation to the concatenated logits of every discrete branch,
 * or to the means of the continuous actions, with state-independent log standard deviations) and a separate critic
 * MLP (observation to one value), both with the same hidden widths and activation, plus the observation
 * normalisation they read their inputs through. PPO and behaviour cloning train it; it exports to the runtime's
 * policy format.
 *
 * <p>Export: an {@link Mlp} trunk that holds the normalisation followed by an identity layer (so the heads read
 * normalised observations), with heads {@value PolicySpec#LOGITS} (or {@value PolicySpec#MEAN}) and
 * {@value PolicySpec#VALUE}; the graph input is {@value PolicySpec#INPUT} and takes raw observations. The DJL weights
 * ({@code [in, out]}) are transposed into the {@code Mlp}'s {@code [out][in]}; the numbers are the same float32
 * arithmetic, so the exported graph gives the DJL network's outputs to rounding.
 *
 * <p>Weights start orthogonal (the usual PPO initialisation): gain {@code sqrt(2)} for hidden layers, a small
 * gain for the actor's output (a near-uniform first policy) and 1 for the critic's, zero biases; seeded in Java, so
 * the same seed gives the same network on every machine.
 *
 * <p>Threading: not thread-safe; use from one thread. It owns native memory: {@link #close()} it (idempotent).
 *
 * <pre>{@code
 * try (PolicyNetwork net = PolicyNetwork.builder().setObservationWidth(4)
 *         .setActionSpace(ActionSpace.discrete(2)).optHiddenSizes(64, 64).optSeed(1).build()) {
 *     net.export(Path.of("policy.onnx"), Path.of("policy.json"), "cartpole");
 * }
 * }</pre>
 */
public final class PolicyNetwork implements AutoCloseable {
    private final int observationWidth;
    private final ActionSpace actionSpace;
    private final int[] hidden;
    private final Activation activation;
    private final int actorOutputs;
    private final NDManager manager;
    private final NDArray[] actorWeights;
    private final NDArray[] actorBiases;
    private final NDArray[] criticWeights;
    private final NDArray[] criticBiases;
    /** {@code [C]} for continuous spaces, else null. */
    private final NDArray logStd;
    private final List<NDArray> parameters;
    private final RunningNormalizer normalizer;
    private RunningNormalizer.Snapshot normalization;
    private boolean closed;

    private PolicyNetwork(Builder b, Engine engine) {
        this.observationWidth = b.observationWidth;
        this.actionSpace = b.actionSpace;
        this.hidden = b.hidden.clone();
        this.activation = b.activation;
        this.actorOutputs = actionSpace.isDiscrete() ? actionSpace.totalDiscreteOptions() : actionSpace.continuousSize();
        Device device = b.device != null ? b.device : Torch.defaultDevice(engine);
        this.manager = engine.newBaseManager(device);
        try {
            Random random = new Random(b.seed);
            int layers = hidden.length + 1;
            actorWeights = new NDArray[layers];
            actorBiases = new NDArray[layers];
            criticWeights = new NDArray[layers];
            criticBiases = new NDArray[layers];
            List<NDArray> params = new ArrayList<>();
            initMlp(random, actorWeights, actorBiases, actorOutputs, b.actorOutputGain, params);
            initMlp(random, criticWeights, criticBiases, 1, 1.0, params);
            if (!actionSpace.isDiscrete()) {
                float[] init = new float[actionSpace.continuousSize()];
                Arrays.fill(init, b.initialLogStd);
                logStd = parameter(init, new Shape(init.length));
                params.add(logStd);
            } else {
                logStd = null;
            }
            this.parameters = Collections.unmodifiableList(params);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        this.normalizer = new RunningNormalizer(observationWidth);
        this.normalization = RunningNormalizer.Snapshot.identity(observationWidth);
    }

    /** @return a builder; required: observation width and action space */
    public static Builder builder() {
        return new Builder();
    }

    private void initMlp(Random random, NDArray[] weights, NDArray[] biases, int outputs, double outputGain,
            List<NDArray> params) {
        int in = observationWidth;
        for (int l = 0; l < weights.length; l++) {
            boolean last = l == weights.length - 1;
            int out = last ? outputs : hidden[l];
            float[] w = orthogonal(random, out, in, last ? outputGain : Math.sqrt(2));
            weights[l] = parameter(transpose(w, out, in), new Shape(in, out));
            biases[l] = parameter(new float[out], new Shape(out));
            params.add(weights[l]);
            params.add(biases[l]);
            in = out;
        }
    }

    private NDArray parameter(float[] values, Shape shape) {
        NDArray array = manager.create(values, shape);
        NDScope.unregister(array); // lives as long as the network, whatever scope the caller has open
        array.setRequiresGradient(true);
        return array;
    }

    /**
     * A random {@code [rows][cols]} row-major matrix with orthonormal rows or columns (whichever are fewer), times
     * {@code gain}: Gram-Schmidt on Gaussian vectors, in double precision.
     */
    static float[] orthogonal(Random random, int rows, int cols, double gain) {
        boolean tall = rows >= cols; // orthonormal columns (length rows) when tall, else orthonormal rows
        int n = tall ? cols : rows;
        int len = tall ? rows : cols;
        double[][] v = new double[n][len];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < len; k++) {
                v[i][k] = random.nextGaussian();
            }
            for (int pass = 0; pass < 2; pass++) { // twice: classical Gram-Schmidt loses orthogonality once
                for (int j = 0; j < i; j++) {
                    double dot = 0;
                    for (int k = 0; k < len; k++) {
                        dot += v[i][k] * v[j][k];
                    }
                    for (int k = 0; k < len; k++) {
                        v[i][k] -= dot * v[j][k];
                    }
                }
            }
            double norm = 0;
            for (int k = 0; k < len; k++) {
                norm += v[i][k] * v[i][k];
            }
            norm = Math.sqrt(norm);
            for (int k = 0; k < len; k++) {
                v[i][k] /= norm;
            }
        }
        float[] m = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                m[r * cols + c] = (float) (gain * (tall ? v[c][r] : v[r][c]));
            }
        }
        return m;
    }

    static float[] transpose(float[] m, int rows, int cols) {
        float[] t = new float[m.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = m[r * cols + c];
            }
        }
        return t;
    }

    /** @return floats per observation */
    public int observationWidth() {
        return observationWidth;
    }

    /** @return the actions */
    public ActionSpace actionSpace() {
        return actionSpace;
    }

    /** @return floats per row of the actor's output: total discrete options, or continuous actions */
    public int actorOutputWidth() {
        return actorOutputs;
    }

    /** @return the device the arrays live on */
    public Device device() {
        return manager.getDevice();
    }

    /** @return the running observation statistics the trainers update */
    public RunningNormalizer normalizer() {
        return normalizer;
    }

    /** @return the frozen normalisation the network reads its inputs through (and exports) */
    public RunningNormalizer.Snapshot normalization() {
        return normalization;
    }

    /** Freezes the running statistics as the normalisation from now on. */
    public void freezeNormalization() {
        this.normalization = normalizer.snapshot();
    }

    /** @param normalization the normalisation from now on */
    public void setNormalization(RunningNormalizer.Snapshot normalization) {
        if (normalization.width() != observationWidth) {
            throw new AnimataException("normalisation has width " + normalization.width() + ", the network reads "
                    + observationWidth);
        }
        this.normalization = normalization;
    }

    /** @return a copy of the continuous log standard deviations (empty for discrete spaces) */
    public float[] logStd() {
        return logStd == null ? new float[0] : logStd.toFloatArray();
    }

    /** @return every trainable array, actor first, then critic, then the log std */
    List<NDArray> parameters() {
        return parameters;
    }

    /** @return the actor's weights and biases (not the log std) */
    List<NDArray> actorParameters() {
        List<NDArray> actor = new ArrayList<>();
        for (int l = 0; l < actorWeights.length; l++) {
            actor.add(actorWeights[l]);
            actor.add(actorBiases[l]);
        }
        return actor;
    }

    NDManager manager() {
        return manager;
    }

    NDArray logStdArray() {
        return logStd;
    }

    /** @return the actor's output {@code [B, actorOutputWidth]} for normalised observations {@code [B, W]} */
    NDArray actor(NDArray x) {
        return mlp(x, actorWeights, actorBiases);
    }

    /** @return the critic's output {@code [B]} for normalised observations {@code [B, W]} */
    NDArray critic(NDArray x) {
        return mlp(x, criticWeights, criticBiases).reshape(-1);
    }

    private NDArray mlp(NDArray x, NDArray[] weights, NDArray[] biases) {
        NDArray h = x;
        for (int l = 0; l < weights.length; l++) {
            h = h.matMul(weights[l]).add(biases[l]);
            if (l < weights.length - 1) {
                h = activation == Activation.RELU ? ai.djl.nn.Activation.relu(h) : h.tanh();
            }
        }
        return h;
    }

    /**
     * Runs actor and critic on normalised observations, without building a gradient graph.
     *
     * @param normalized {@code rows * observationWidth()} normalised observations
     * @param rows rows
     * @param actorOut receives {@code rows * actorOutputWidth()} logits or means (null to skip the actor)
     * @param valuesOut receives {@code rows} values (null to skip the critic)
     */
    public void predict(float[] normalized, int rows, float[] actorOut, float[] valuesOut) {
        checkOpen();
        int n = rows * observationWidth;
        if (rows < 1 || normalized.length < n || (actorOut != null && actorOut.length < rows * actorOutputs)
                || (valuesOut != null && valuesOut.length < rows)) {
            throw new AnimataException("predict of " + rows + " rows needs " + n + " input floats, "
                    + rows * actorOutputs + " actor and " + rows + " value floats; got " + normalized.length + ", "
                    + (actorOut == null ? "-" : actorOut.length) + ", " + (valuesOut == null ? "-" : valuesOut.length));
        }
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            float[] data = normalized.length == n ? normalized : Arrays.copyOf(normalized, n);
            NDArray x = manager.create(data, new Shape(rows, observationWidth));
            if (actorOut != null) {
                float[] a = actor(x).toFloatArray();
                System.arraycopy(a, 0, actorOut, 0, a.length);
            }
            if (valuesOut != null) {
                float[] v = critic(x).toFloatArray();
                System.arraycopy(v, 0, valuesOut, 0, v.length);
            }
        }
    }

    /**
     * Runs deterministic episodes (argmax of each branch, or the mean) on fresh environment copies stepped together:
     * copy {@code e} of {@code k} runs its share of the episodes ({@code episodes / k}, one more for the first
     * {@code episodes % k}), so the result does not depend on which episodes end first.
     *
     * @param factory makes the copies
     * @param copies environment copies, at least 1 (at most {@code episodes} are used)
     * @param episodes episodes, at least 1
     * @param seed seeds the episodes' resets
     * @return their returns
     * @throws AnimataException when an environment fails or does not fit this network
     */
    public Evaluation evaluate(EnvironmentFactory factory, int copies, int episodes, long seed) {
        checkOpen();
        if (episodes < 1 || copies < 1) {
            throw new AnimataException("evaluate needs at least 1 episode and 1 copy, got " + episodes + " and "
                    + copies);
        }
        int k = Math.min(episodes, copies);
        int[] quota = new int[k];
        for (int e = 0; e < k; e++) {
            quota[e] = episodes / k + (e < episodes % k ? 1 : 0);
        }
        double[] returns = new double[episodes];
        double lengthSum = 0;
        int done = 0;
        int successes = 0;
        boolean goalAware;
        try (VecEnv eval = new VecEnv(factory, k, seed)) {
            if (eval.observationWidth() != observationWidth || !eval.actionSpace().equals(actionSpace)) {
                throw new AnimataException("environment with observation width " + eval.observationWidth() + " and "
                        + eval.actionSpace() + " does not fit " + this);
            }
            goalAware = eval.isGoalAware();
            eval.reset();
            ActionBuffer[] actions = eval.newActionBuffers();
            float[] normalized = new float[k * observationWidth];
            float[] out = new float[k * actorOutputs];
            int[] finished = new int[k];
            while (done < episodes) {
                normalization.normalize(eval.observations(), 0, normalized, 0, k);
                predict(normalized, k, out, null);
                for (int e = 0; e < k; e++) {
                    ActionSampler.greedy(actionSpace, out, e * actorOutputs, actions[e]);
                }
                eval.step(actions);
                for (int e = 0; e < k; e++) {
                    if (eval.episodeEnded()[e] && finished[e] < quota[e]) {
                        finished[e]++;
                        returns[done++] = eval.episodeReturns()[e];
                        lengthSum += eval.episodeLengths()[e];
                        if (eval.succeeded()[e]) {
                            successes++;
                        }
                    }
                }
            }
        }
        double mean = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double r : returns) {
            mean += r;
            min = Math.min(min, r);
            max = Math.max(max, r);
        }
        mean /= episodes;
        double var = 0;
        for (double r : returns) {
            var += (r - mean) * (r - mean);
        }
        return new Evaluation(episodes, mean, Math.sqrt(var / episodes), min, max, lengthSum / episodes,
                goalAware ? (double) successes / episodes : Double.NaN);
    }

    /**
     * @return the trunk of the exported policy: the normalisation and an identity layer
     */
    public Mlp trunk() {
        float[] identity = new float[observationWidth * observationWidth];
        for (int i = 0; i < observationWidth; i++) {
            identity[i * observationWidth + i] = 1f;
        }
        return Mlp.builder(observationWidth).optNormalization(normalization.mean(), normalization.std())
                .addLayer(identity, new float[observationWidth], Activation.IDENTITY).build();
    }

    /** @return the actor as a plain-Java MLP reading normalised observations */
    public Mlp actorMlp() {
        return toMlp(actorWeights, actorBiases);
    }

    /** @return the critic as a plain-Java MLP reading normalised observations */
    public Mlp criticMlp() {
        return toMlp(criticWeights, criticBiases);
    }

    private Mlp toMlp(NDArray[] weights, NDArray[] biases) {
        checkOpen();
        Mlp.Builder builder = Mlp.builder(observationWidth);
        for (int l = 0; l < weights.length; l++) {
            long[] shape = weights[l].getShape().getShape();
            float[] w = transpose(weights[l].toFloatArray(), (int) shape[0], (int) shape[1]);
            builder.addLayer(w, biases[l].toFloatArray(), l < weights.length - 1 ? activation : Activation.IDENTITY);
        }
        return builder.build();
    }

    /** @return the exported graph's heads, in output order: logits (or mean), then value */
    public Map<String, Mlp> heads() {
        Map<String, Mlp> heads = new LinkedHashMap<>();
        heads.put(actionSpace.isDiscrete() ? PolicySpec.LOGITS : PolicySpec.MEAN, actorMlp());
        heads.put(PolicySpec.VALUE, criticMlp());
        return heads;
    }

    /**
     * @param name the policy's name, e.g. the environment's
     * @return the sidecar describing the exported policy
     */
    public PolicySpec spec(String name) {
        return new PolicySpec(name, observationWidth, actionSpace, normalization.mean(), normalization.std(),
                actionSpace.isDiscrete() ? null : logStd(), true);
    }

    /** @return the exported policy as ONNX bytes */
    public byte[] toOnnx() {
        return new MlpOnnxExporter().optInputName(PolicySpec.INPUT).optGraphName("animata_policy")
                .exportWithHeads(trunk(), heads());
    }

    /**
     * Writes the policy: the ONNX graph and its JSON sidecar.
     *
     * @param onnx e.g. {@code out/policy.onnx}
     * @param json e.g. {@code out/policy.json}
     * @param name the policy's name
     * @throws AnimataException if a file cannot be written
     */
    public void export(Path onnx, Path json, String name) {
        new MlpOnnxExporter().optInputName(PolicySpec.INPUT).optGraphName("animata_policy")
                .exportWithHeads(trunk(), heads(), onnx);
        spec(name).write(json);
    }

    private void checkOpen() {
        if (closed) {
            throw new AnimataException("this PolicyNetwork is closed");
        }
    }

    /** Frees the arrays. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            manager.close();
        }
    }

    @Override
    public String toString() {
        return "PolicyNetwork[obs " + observationWidth + ", hidden " + Arrays.toString(hidden) + " "
                + activation.name().toLowerCase(java.util.Locale.ROOT) + ", " + actionSpace + "]";
    }

    /**
     * Builds a {@link PolicyNetwork}. Required: {@link #setObservationWidth}, {@link #setActionSpace}.
     *
     * <p>Threading: not thread-safe.
     */
    public static final class Builder {
        private int observationWidth;
        private ActionSpace actionSpace;
        private int[] hidden = {64, 64};
        private Activation activation = Activation.TANH;
        private long seed;
        private double actorOutputGain = 0.01;
        private float initialLogStd;
        private Device device;
        private int torchThreads = 1;

        private Builder() {
        }

        /** @param width floats per observation, at least 1 */
        public Builder setObservationWidth(int width) {
            this.observationWidth = width;
            return this;
        }

        /** @param space the actions: discrete branches or continuous actions (not both) */
        public Builder setActionSpace(ActionSpace space) {
            this.actionSpace = space;
            return this;
        }

        /** @param sizes hidden layer widths of actor and critic (default 64, 64) */
        public Builder optHiddenSizes(int... sizes) {
            this.hidden = sizes.clone();
            return this;
        }

        /** @param activation {@link Activation#TANH} (default) or {@link Activation#RELU} */
        public Builder optActivation(Activation activation) {
            this.activation = activation;
            return this;
        }

        /** @param seed seeds the initial weights */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** @param gain scale of the actor's initial output layer (default 0.01: a near-uniform first policy) */
        public Builder optActorOutputGain(double gain) {
            this.actorOutputGain = gain;
            return this;
        }

        /** @param logStd initial log standard deviation of continuous actions (default 0) */
        public Builder optInitialLogStd(float logStd) {
            this.initialLogStd = logStd;
            return this;
        }

        /** @param device where the arrays live (default: DJL's default device, a GPU where it can use one) */
        public Builder optDevice(Device device) {
            this.device = device;
            return this;
        }

        /** @param threads PyTorch intra-op threads, process-wide (default 1: fastest for small networks) */
        public Builder optTorchThreads(int threads) {
            this.torchThreads = threads;
            return this;
        }

        /**
         * @return the network
         * @throws AnimataException if a setting is missing or invalid, or PyTorch cannot be loaded
         */
        public PolicyNetwork build() {
            if (observationWidth < 1) {
                throw new AnimataException("PolicyNetwork needs setObservationWidth (>= 1), got " + observationWidth);
            }
            if (actionSpace == null) {
                throw new AnimataException("PolicyNetwork needs setActionSpace");
            }
            if (actionSpace.continuousSize() > 0 && actionSpace.branchCount() > 0) {
                throw new AnimataException("PolicyNetwork supports discrete or continuous actions, not both: "
                        + actionSpace);
            }
            if (activation != Activation.TANH && activation != Activation.RELU) {
                throw new AnimataException("hidden activation must be TANH or RELU, got " + activation);
            }
            for (int h : hidden) {
                if (h < 1) {
                    throw new AnimataException("hidden sizes must be >= 1: " + Arrays.toString(hidden));
                }
            }
            return new PolicyNetwork(this, Torch.engine(torchThreads));
        }
    }
}
