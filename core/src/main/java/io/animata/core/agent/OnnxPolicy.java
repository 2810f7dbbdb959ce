package io.animata.core.agent;

import com.badlogic.gdx.math.RandomXS128;
import io.animata.runtime.AiRuntime;
import io.animata.runtime.AnimataException;
import io.animata.runtime.InferenceListener;
import io.animata.runtime.InferenceResult;
import io.animata.runtime.ModelQueue;
import io.animata.runtime.model.BatchModel;
import io.animata.runtime.rl.ActionBuffer;
import io.animata.runtime.rl.ActionSpace;
import io.animata.runtime.rl.PolicySpec;
import java.nio.file.Path;

/**
 * A trained policy exported to ONNX ({@code policy.onnx} with its {@link PolicySpec} sidecar {@code policy.json}),
 * run by the AI runtime. Every agent given this policy submits its observation to the model's one
 * {@link ModelQueue}, so the runtime runs one batch for all of them per frame.
 *
 * <p>Decoding: discrete branches take the allowed option with the largest logit (deterministic, the default) or
 * draw from the softmax of the allowed logits ({@link Builder#optStochastic}); masked options are never chosen.
 * Continuous actions are the mean, or the mean plus {@code exp(logStd) * N(0, 1)} when stochastic, clipped to
 * [-1, 1]. The draws use the policy's seeded random numbers in the order results are delivered, so a lockstep run
 * repeats exactly.
 *
 * <p>Build one {@code OnnxPolicy} per model and give it to every agent that uses the model. The runtime owns the
 * model (loaded through it) and closes it with itself, or earlier on {@link #release()}.
 *
 * <pre>{@code
 * OnnxPolicy policy = OnnxPolicy.builder()
 *         .setRuntime(animata.runtime())
 *         .setModel(Path.of("assets/models/nav/policy.onnx"))   // reads policy.json next to it
 *         .build();
 * agent.policy = policy;
 * }</pre>
 *
 * <p>Threading: built on any thread (loading is slow: do it while the game loads); used on the game thread.
 * {@link #submit}, {@link #decode} and {@link #cancel} allocate nothing.
 */
public final class OnnxPolicy implements BatchedPolicy {
    private final AiRuntime runtime;
    private final ModelQueue queue;
    private final PolicySpec spec;
    private final ActionSpace space;
    private final int logitsOutput;
    private final int meanOutput;
    private final float[] std;
    private final boolean stochastic;
    private final RandomXS128 random;
    /** One result's logits, copied out of the batch once (decoding reads them several times). */
    private final float[] logits;
    private final int[] branchOffsets;

    private OnnxPolicy(AiRuntime runtime, ModelQueue queue, PolicySpec spec, boolean stochastic, long seed) {
        BatchModel model = queue.model();
        this.runtime = runtime;
        this.queue = queue;
        this.spec = spec;
        this.space = spec.actionSpace();
        if (model.inputWidth() != spec.getObservationWidth()) {
            throw new AnimataException("policy model '" + model.name() + "' takes observations of "
                    + model.inputWidth() + " floats but its sidecar says " + spec.getObservationWidth()
                    + ": export the model and its policy.json together");
        }
        this.logitsOutput = space.branchCount() == 0 ? -1
                : findOutput(model, PolicySpec.LOGITS, space.totalDiscreteOptions(), "discrete branches " + java.util.Arrays.toString(space.branches()));
        this.meanOutput = space.continuousSize() == 0 ? -1
                : findOutput(model, PolicySpec.MEAN, space.continuousSize(), space.continuousSize() + " continuous actions");
        float[] logStd = spec.getLogStd();
        this.std = new float[space.continuousSize()];
        for (int i = 0; i < std.length; i++) {
            std[i] = (float) Math.exp(logStd[i]);
        }
        this.stochastic = stochastic;
        this.random = new RandomXS128(seed);
        this.logits = new float[space.totalDiscreteOptions()];
        this.branchOffsets = new int[space.branchCount()];
        for (int b = 0; b < branchOffsets.length; b++) {
            branchOffsets[b] = space.branchOffset(b);
        }
    }

    private static int findOutput(BatchModel model, String name, int width, String what) {
        StringBuilder outputs = new StringBuilder();
        for (int o = 0; o < model.outputCount(); o++) {
            if (name.equals(model.outputName(o))) {
                if (model.outputWidth(o) != width) {
                    throw new AnimataException("policy model '" + model.name() + "': output '" + name + "' has width "
                            + model.outputWidth(o) + " but the sidecar's " + what + " need " + width);
                }
                return o;
            }
            outputs.append(o == 0 ? "" : ", ").append(model.outputName(o));
        }
        throw new AnimataException("policy model '" + model.name() + "' has outputs [" + outputs + "] but its "
                + what + " need an output named '" + name + "' of width " + width
                + " (see PolicySpec for the exported graph's conventions)");
    }

    /** @return a builder; {@link Builder#setRuntime} and one {@code setModel} are required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the sidecar: observation width, action space, normalisation */
    public PolicySpec spec() {
        return spec;
    }

    /** @return the model's queue, shared by every agent using this policy */
    public ModelQueue queue() {
        return queue;
    }

    /** @return whether actions are drawn (true) or the most likely ones taken (false) */
    public boolean isStochastic() {
        return stochastic;
    }

    @Override
    public ActionSpace actionSpace() {
        return space;
    }

    @Override
    public int observationWidth() {
        return spec.getObservationWidth();
    }

    @Override
    public long submit(float[] observation, InferenceListener listener, int tag) {
        return queue.submit(observation, 0, listener, tag);
    }

    @Override
    public boolean cancel(long requestId) {
        return queue.cancel(requestId);
    }

    @Override
    public void decode(InferenceResult result, ActionMask mask, ActionBuffer action) {
        if (logitsOutput >= 0) {
            result.copyTo(logitsOutput, logits, 0);
            for (int b = 0; b < branchOffsets.length; b++) {
                int size = space.branchSize(b);
                action.discrete[b] = stochastic
                        ? Sampling.sample(logits, branchOffsets[b], size, mask, b, random)
                        : Sampling.argmax(logits, branchOffsets[b], size, mask, b);
            }
        }
        if (meanOutput >= 0) {
            for (int i = 0; i < std.length; i++) {
                float value = result.get(meanOutput, i);
                if (stochastic) {
                    value += std[i] * (float) random.nextGaussian();
                }
                action.continuous[i] = Sampling.clip(value);
            }
        }
    }

    /**
     * Gives the model back to the runtime ({@link AiRuntime#release}) when the game swaps this policy for another:
     * decisions still on their way are dropped and the ONNX session is closed once the worker is done with it.
     * Agents must not use this policy afterwards. Game thread.
     */
    public void release() {
        runtime.release(queue.model());
    }

    @Override
    public String toString() {
        return "OnnxPolicy[" + queue.model().name() + ", " + space + (stochastic ? ", stochastic" : "") + "]";
    }

    /**
     * Builds an {@link OnnxPolicy}. Required: {@link #setRuntime} and one of the {@code setModel}s (with
     * {@link #optSpec} where the model has no sidecar file). Not thread-safe.
     */
    public static final class Builder {
        private AiRuntime runtime;
        private Path file;
        private String name;
        private byte[] bytes;
        private BatchModel model;
        private PolicySpec spec;
        private boolean stochastic;
        private long seed;

        private Builder() {
        }

        /** Required: the runtime that runs the model (and owns it from now on). */
        public Builder setRuntime(AiRuntime runtime) {
            this.runtime = runtime;
            return this;
        }

        /**
         * The exported policy file; its sidecar is read from the same folder, same name, extension {@code .json}
         * ({@code policy.onnx} → {@code policy.json}) unless {@link #optSpec} gives one.
         */
        public Builder setModel(Path onnxFile) {
            clearModel();
            this.file = onnxFile;
            return this;
        }

        /** An exported policy held in memory; needs {@link #optSpec}. */
        public Builder setModel(String name, byte[] onnx) {
            clearModel();
            this.name = name;
            this.bytes = onnx;
            return this;
        }

        /**
         * Any batch model whose outputs follow the policy conventions (e.g. a plain-Java
         * {@link io.animata.runtime.model.JavaMlpModel} wrapped to name its output {@code logits}); needs
         * {@link #optSpec}. The runtime takes ownership.
         */
        public Builder setModel(BatchModel model) {
            clearModel();
            this.model = model;
            return this;
        }

        private void clearModel() {
            file = null;
            name = null;
            bytes = null;
            model = null;
        }

        /** The sidecar, instead of reading it from a file. */
        public Builder optSpec(PolicySpec spec) {
            this.spec = spec;
            return this;
        }

        /** Draw actions from the policy's distribution with this seed, instead of taking the most likely ones. */
        public Builder optStochastic(long seed) {
            this.stochastic = true;
            this.seed = seed;
            return this;
        }

        /** Take the most likely actions (the default). */
        public Builder optDeterministic() {
            this.stochastic = false;
            return this;
        }

        /**
         * Loads the model (slow for ONNX: keep it off the game thread in a running game) and checks it against the
         * sidecar.
         *
         * @throws AnimataException when a file is missing or malformed, or the model's widths or output names do
         *     not match the sidecar
         * @throws IllegalStateException when a required setting is missing
         */
        public OnnxPolicy build() {
            if (runtime == null) {
                throw new IllegalStateException("OnnxPolicy.Builder.setRuntime(...) is required");
            }
            PolicySpec s = spec;
            BatchModel m;
            if (file != null) {
                if (s == null) {
                    s = PolicySpec.read(sidecarOf(file));
                }
                m = runtime.loadModel(s.getName(), file);
            } else if (bytes != null) {
                m = runtime.loadModel(name, bytes);
            } else if (model != null) {
                m = model;
            } else {
                throw new IllegalStateException("OnnxPolicy.Builder.setModel(...) is required");
            }
            if (s == null) {
                throw new IllegalStateException("OnnxPolicy.Builder.optSpec(...) is required for a model given "
                        + "without a policy.json file");
            }
            return new OnnxPolicy(runtime, runtime.queue(m), s, stochastic, seed);
        }
    }

    /** @return the sidecar path of an exported policy: {@code policy.onnx} → {@code policy.json} */
    public static Path sidecarOf(Path onnxFile) {
        String fileName = onnxFile.getFileName().toString();
        String base = fileName.endsWith(".onnx") ? fileName.substring(0, fileName.length() - 5) : fileName;
        return onnxFile.resolveSibling(base + ".json");
    }
}
