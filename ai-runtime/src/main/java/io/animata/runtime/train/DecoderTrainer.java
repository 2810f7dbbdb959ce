package io.animata.runtime.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.internal.NDArrayEx;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.training.GradientCollector;
import io.animata.runtime.AnimataException;
import io.animata.runtime.text.TinyDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains a {@link TinyDecoder} (the GPT-style decoder the project ships as an ONNX model) on DJL PyTorch: the same
 * parameters with the same shapes and the same arithmetic as the ONNX graph, so the trained weights go straight into a
 * {@link TinyDecoder} ({@link #toDecoder()}) and out through {@link TinyDecoder#writeModelFolder}. The loss is the
 * next-token cross-entropy on the positions a sequence marks as trained (a chat model's replies, not its prompts).
 *
 * <p>Each step takes a batch of sequences drawn from the seeded generator, pads them on the right (padding is never
 * trained on and, the attention being causal, never read by a trained position), and takes one Adam step with
 * warm-up, cosine decay and global gradient-norm clipping. The same seed and thread count give the same run on the
 * same machine.
 *
 * <p>Threading: not thread-safe; use from one thread. It owns native memory: {@link #close()} it (idempotent).
 *
 * <pre>{@code
 * try (DecoderTrainer trainer = DecoderTrainer.builder().setConfig(config).optSteps(2000).build()) {
 *     DecoderTrainer.Summary s = trainer.train(train, heldOut, (step, total, loss) -> { });
 *     trainer.toDecoder().writeModelFolder(dir, tokenizerJson, ChatTemplate.CHATML, eosId);
 * }
 * }</pre>
 */
public final class DecoderTrainer implements AutoCloseable {

    /**
     * A training sequence.
     *
     * @param ids the tokens
     * @param trained {@code trained[i]}: the model learns to predict {@code ids[i]} from the tokens before it
     *     (ignored at 0)
     */
    public record Sequence(int[] ids, boolean[] trained) {
        /** Checks the lengths. */
        public Sequence {
            if (ids.length != trained.length || ids.length < 2) {
                throw new IllegalArgumentException("a sequence needs at least 2 tokens and one flag per token");
            }
        }

        /** @return positions trained on */
        public int trainedCount() {
            int n = 0;
            for (int i = 1; i < trained.length; i++) {
                n += trained[i] ? 1 : 0;
            }
            return n;
        }
    }

    /** Told after each step, on the training thread. */
    @FunctionalInterface
    public interface Listener {
        /** @param step done so far, from 1 @param total steps in the run @param loss this step's mean loss */
        void step(int step, int total, float loss);
    }

    /**
     * What a run did.
     *
     * @param steps optimiser steps
     * @param firstLoss the first step's training loss
     * @param finalLoss the mean training loss of the last 50 steps (or fewer)
     * @param heldOutLoss the loss on the held-out sequences after training (NaN without any)
     * @param trainedTokens tokens trained on over the run
     * @param skippedSteps steps left out because their loss or gradient was not finite
     * @param seconds wall time of the run
     */
    public record Summary(int steps, float firstLoss, float finalLoss, float heldOutLoss, long trainedTokens,
            int skippedSteps, double seconds) {
    }

    /** Steps in a row whose loss or gradient may overflow before a run gives up. */
    private static final int MAX_BAD_IN_A_ROW = 10;
    private final Builder settings;
    private final TinyDecoder.Config config;
    private final NDManager manager;
    private final NDArray wte;
    private final NDArray wpe;
    private final NDArray[] norm1Scale;
    private final NDArray[] norm1Bias;
    private final NDArray[] wq;
    private final NDArray[] wk;
    private final NDArray[] wv;
    private final NDArray[] wo;
    private final NDArray[] norm2Scale;
    private final NDArray[] norm2Bias;
    private final NDArray[] w1;
    private final NDArray[] b1;
    private final NDArray[] w2;
    private final NDArray[] b2;
    private final NDArray finalScale;
    private final NDArray finalBias;
    private final NDArray lmHead;
    private final List<NDArray> parameters = new ArrayList<>();
    private final Adam adam;
    private final SplittableRandom random;
    private boolean closed;

    private DecoderTrainer(Builder b) {
        this.settings = b;
        TinyDecoder start = b.initial != null ? b.initial : initialWeights(b.config, b.seed);
        this.config = start.config();
        Engine engine = Torch.engine(b.torchThreads);
        this.manager = engine.newBaseManager(engine.defaultDevice());
        try {
            int d = config.hiddenSize();
            int kvd = config.kvDim();
            int ffn = config.ffnSize();
            int layers = config.layers();
            wte = parameter(start.tokenEmbedding, config.vocabSize(), d);
            wpe = parameter(start.positionEmbedding, config.maxPositions(), d);
            norm1Scale = new NDArray[layers];
            norm1Bias = new NDArray[layers];
            wq = new NDArray[layers];
            wk = new NDArray[layers];
            wv = new NDArray[layers];
            wo = new NDArray[layers];
            norm2Scale = new NDArray[layers];
            norm2Bias = new NDArray[layers];
            w1 = new NDArray[layers];
            b1 = new NDArray[layers];
            w2 = new NDArray[layers];
            b2 = new NDArray[layers];
            for (int l = 0; l < layers; l++) {
                norm1Scale[l] = parameter(start.norm1Scale[l], d);
                norm1Bias[l] = parameter(start.norm1Bias[l], d);
                wq[l] = parameter(start.wq[l], d, d);
                wk[l] = parameter(start.wk[l], d, kvd);
                wv[l] = parameter(start.wv[l], d, kvd);
                wo[l] = parameter(start.wo[l], d, d);
                norm2Scale[l] = parameter(start.norm2Scale[l], d);
                norm2Bias[l] = parameter(start.norm2Bias[l], d);
                w1[l] = parameter(start.w1[l], d, ffn);
                b1[l] = parameter(start.b1[l], ffn);
                w2[l] = parameter(start.w2[l], ffn, d);
                b2[l] = parameter(start.b2[l], d);
            }
            finalScale = parameter(start.finalScale, d);
            finalBias = parameter(start.finalBias, d);
            lmHead = parameter(start.lmHead, d, config.vocabSize());
            adam = new Adam(parameters, manager, 0.9f, 0.98f, 1e-8f);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        this.random = new SplittableRandom(b.seed * 0x9E3779B97F4A7C15L + 11);
    }

    /** @return a builder; {@link Builder#setConfig} or {@link Builder#setInitial} is required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The starting weights of a training run: small normal embeddings, projections with standard deviation
     * {@code 1/sqrt(fan-in)} (the residual branches' outputs scaled down by {@code sqrt(2 layers)}), zero biases,
     * unit norms.
     */
    static TinyDecoder initialWeights(TinyDecoder.Config c, long seed) {
        TinyDecoder t = new TinyDecoder(c);
        SplittableRandom r = new SplittableRandom(seed);
        int d = c.hiddenSize();
        double residual = 1 / Math.sqrt(2.0 * c.layers());
        normal(r, t.tokenEmbedding, 0.1);
        normal(r, t.positionEmbedding, 0.02);
        for (int l = 0; l < c.layers(); l++) {
            normal(r, t.wq[l], 1 / Math.sqrt(d));
            normal(r, t.wk[l], 1 / Math.sqrt(d));
            normal(r, t.wv[l], 1 / Math.sqrt(d));
            normal(r, t.wo[l], residual / Math.sqrt(d));
            normal(r, t.w1[l], 1 / Math.sqrt(d));
            normal(r, t.w2[l], residual / Math.sqrt(c.ffnSize()));
        }
        normal(r, t.lmHead, 0.5 / Math.sqrt(d));
        return t;
    }

    private static void normal(SplittableRandom r, float[] a, double std) {
        for (int i = 0; i < a.length; i++) {
            double u = 1.0 - r.nextDouble();
            double v = r.nextDouble();
            a[i] = (float) (std * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
        }
    }

    private NDArray parameter(float[] values, long... shape) {
        NDArray a = manager.create(values, new Shape(shape));
        NDScope.unregister(a);
        a.setRequiresGradient(true);
        parameters.add(a);
        return a;
    }

    /** @return the decoder's shape */
    public TinyDecoder.Config config() {
        return config;
    }

    /**
     * Runs the configured steps on batches drawn from {@code train}, then measures the loss on {@code heldOut}.
     *
     * @param train sequences to learn from; longer ones are cut to the context length
     * @param heldOut sequences never trained on, for the held-out loss (may be empty)
     * @param listener told after each step
     * @return what the run did
     * @throws AnimataException when there is nothing to train on or the loss diverges
     */
    public Summary train(List<Sequence> train, List<Sequence> heldOut, Listener listener) {
        checkOpen();
        List<Sequence> usable = new ArrayList<>();
        for (Sequence s : train) {
            if (cut(s).trainedCount() > 0) {
                usable.add(cut(s));
            }
        }
        if (usable.isEmpty()) {
            throw new AnimataException("no training sequence has a trained position within the context of "
                    + config.maxPositions() + " tokens");
        }
        Builder b = settings;
        long start = System.nanoTime();
        float first = Float.NaN;
        float[] recent = new float[Math.min(50, b.steps)];
        long tokens = 0;
        int skipped = 0;
        int finite = 0;
        int badInARow = 0;
        for (int step = 0; step < b.steps; step++) {
            List<Sequence> batch = new ArrayList<>(b.batchSize);
            for (int i = 0; i < b.batchSize; i++) {
                batch.add(usable.get(random.nextInt(usable.size())));
            }
            float value;
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                Batch in = batch(batch, b.unknownRate);
                NDArray loss;
                try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                    loss = loss(in);
                    collector.backward(loss);
                }
                value = loss.getFloat();
                double norm = adam.gradientNorm();
                if (Float.isFinite(value) && Double.isFinite(norm)) {
                    float clip = norm > b.maxGradNorm ? (float) (b.maxGradNorm / norm) : 1f;
                    adam.step(learningRate(step), clip);
                    tokens += in.targets.length;
                    badInARow = 0;
                } else {
                    // a batch whose loss or gradient overflowed is left out rather than written into the weights
                    zeroGradients();
                    skipped++;
                    if (++badInARow >= MAX_BAD_IN_A_ROW) {
                        throw new AnimataException("decoder training diverged at step " + (step + 1) + " (loss "
                                + value + ", gradient norm " + norm + " for " + badInARow + " steps in a row); try a "
                                + "lower learning rate (was " + b.learningRate + ")");
                    }
                }
            }
            if (step == 0) {
                first = value;
            }
            if (Float.isFinite(value)) {
                recent[finite++ % recent.length] = value;
            }
            listener.step(step + 1, b.steps, value);
        }
        double sum = 0;
        int count = Math.min(recent.length, finite);
        for (int i = 0; i < count; i++) {
            sum += recent[i];
        }
        float held = heldOut.isEmpty() ? Float.NaN : loss(heldOut);
        return new Summary(b.steps, first, (float) (sum / Math.max(1, count)), held, tokens, skipped,
                (System.nanoTime() - start) / 1e9);
    }

    private void zeroGradients() {
        for (NDArray p : parameters) {
            try (NDArray g = p.getGradient()) {
                g.muli(0f);
            }
        }
    }

    /** Linear warm-up over the first 5% of the steps, then cosine decay to a tenth. */
    private float learningRate(int step) {
        Builder b = settings;
        int warmup = Math.max(1, b.steps / 20);
        if (step < warmup) {
            return b.learningRate * (step + 1) / warmup;
        }
        double progress = (step - warmup) / (double) Math.max(1, b.steps - warmup);
        return (float) (b.learningRate * (0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * progress))));
    }

    /**
     * @return the mean next-token loss over the trained positions of {@code sequences} (cut to the context), with
     *     the current weights
     */
    public float loss(List<Sequence> sequences) {
        checkOpen();
        double sum = 0;
        long n = 0;
        for (int from = 0; from < sequences.size(); from += settings.batchSize) {
            List<Sequence> part = new ArrayList<>();
            for (Sequence s : sequences.subList(from, Math.min(sequences.size(), from + settings.batchSize))) {
                if (cut(s).trainedCount() > 0) {
                    part.add(cut(s));
                }
            }
            if (part.isEmpty()) {
                continue;
            }
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                Batch in = batch(part, 0);
                sum += loss(in).getFloat() * (double) in.targets.length;
                n += in.targets.length;
            }
        }
        return n == 0 ? Float.NaN : (float) (sum / n);
    }

    /**
     * @return the logits of every position of {@code tokens}, {@code [length * vocab]}, from the DJL forward pass
     *     (what the exported ONNX model computes)
     */
    public float[] logits(int[] tokens) {
        checkOpen();
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            long[] ids = new long[tokens.length];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = tokens[i];
            }
            NDArray hidden = hidden(manager.create(ids, new Shape(1, tokens.length)));
            return hidden.reshape(tokens.length, config.hiddenSize()).matMul(lmHead).toFloatArray();
        }
    }

    /** @return the trained weights in a new {@link TinyDecoder} */
    public TinyDecoder toDecoder() {
        checkOpen();
        TinyDecoder t = new TinyDecoder(config);
        copy(wte, t.tokenEmbedding);
        copy(wpe, t.positionEmbedding);
        for (int l = 0; l < config.layers(); l++) {
            copy(norm1Scale[l], t.norm1Scale[l]);
            copy(norm1Bias[l], t.norm1Bias[l]);
            copy(wq[l], t.wq[l]);
            copy(wk[l], t.wk[l]);
            copy(wv[l], t.wv[l]);
            copy(wo[l], t.wo[l]);
            copy(norm2Scale[l], t.norm2Scale[l]);
            copy(norm2Bias[l], t.norm2Bias[l]);
            copy(w1[l], t.w1[l]);
            copy(b1[l], t.b1[l]);
            copy(w2[l], t.w2[l]);
            copy(b2[l], t.b2[l]);
        }
        copy(finalScale, t.finalScale);
        copy(finalBias, t.finalBias);
        copy(lmHead, t.lmHead);
        return t;
    }

    private static void copy(NDArray from, float[] to) {
        float[] values = from.toFloatArray();
        System.arraycopy(values, 0, to, 0, to.length);
    }

    // ---- the forward pass: TinyDecoder's ONNX graph, in DJL ------------------------------------------------

    /** A padded batch: input ids [b, t], and the flat rows (b * t + i) and targets of the trained positions. */
    private record Batch(NDArray ids, int batch, int length, long[] rows, long[] targets) {
    }

    private Sequence cut(Sequence s) {
        int max = config.maxPositions();
        if (s.ids().length <= max) {
            return s;
        }
        return new Sequence(java.util.Arrays.copyOf(s.ids(), max), java.util.Arrays.copyOf(s.trained(), max));
    }

    /** Inputs are the tokens but the last, targets the tokens but the first; prompt tokens may become unknown. */
    private Batch batch(List<Sequence> sequences, double unknownRate) {
        int length = 0;
        int targets = 0;
        for (Sequence s : sequences) {
            length = Math.max(length, s.ids().length - 1);
            targets += s.trainedCount();
        }
        long[] ids = new long[sequences.size() * length];
        long[] rows = new long[targets];
        long[] labels = new long[targets];
        int t = 0;
        for (int b = 0; b < sequences.size(); b++) {
            Sequence s = sequences.get(b);
            for (int i = 0; i + 1 < s.ids().length; i++) {
                int id = s.ids()[i];
                // the unknown token (id 0) never occurs in the corpus; replacing a few prompt tokens by it teaches
                // the model to read past words it does not know
                boolean prompt = !s.trained()[i] && !s.trained()[i + 1];
                ids[b * length + i] = prompt && unknownRate > 0 && random.nextDouble() < unknownRate ? 0 : id;
                if (s.trained()[i + 1]) {
                    rows[t] = (long) b * length + i;
                    labels[t] = s.ids()[i + 1];
                    t++;
                }
            }
        }
        return new Batch(manager.create(ids, new Shape(sequences.size(), length)), sequences.size(), length, rows,
                labels);
    }

    private NDArray loss(Batch in) {
        int d = config.hiddenSize();
        NDArray hidden = hidden(in.ids).reshape(in.batch * (long) in.length, d);
        NDArray index = manager.create(in.rows).expandDims(1).repeat(1, d);
        NDArray picked = hidden.gather(index, 0); // [n, d]: only the trained positions go through the output layer
        NDArray logProbs = picked.matMul(lmHead).logSoftmax(1);
        NDArray target = manager.create(in.targets).expandDims(1);
        return logProbs.gather(target, 1).mean().neg();
    }

    /** @return the final norm's output [b, t, hidden] for input ids [b, t] */
    private NDArray hidden(NDArray ids) {
        long b = ids.getShape().get(0);
        long t = ids.getShape().get(1);
        int d = config.hiddenSize();
        int h = config.heads();
        int kvh = config.kvHeads();
        int hd = config.headDim();
        int group = h / kvh;
        NDArrayEx ex = ids.getNDArrayInternal();
        NDArray positions = manager.arange(0L, t, 1L, DataType.INT64).expandDims(0);
        NDArray x = ex.embedding(ids, wte, SparseFormat.DENSE).singletonOrThrow()
                .add(ex.embedding(positions, wpe, SparseFormat.DENSE).singletonOrThrow());
        // the ONNX graph replaces invisible scores by -1e9; adding -1e9 gives the same softmax
        float[] causal = new float[(int) (t * t)];
        for (int i = 0; i < t; i++) {
            for (int j = i + 1; j < t; j++) {
                causal[(int) (i * t + j)] = -1e9f;
            }
        }
        NDArray mask = manager.create(causal, new Shape(1, 1, t, t));
        float scale = (float) (1 / Math.sqrt(hd));
        for (int l = 0; l < config.layers(); l++) {
            NDArray n1 = norm(x, norm1Scale[l], norm1Bias[l]);
            NDArray q = n1.matMul(wq[l]).reshape(b, t, h, hd).transpose(0, 2, 1, 3);
            NDArray k = kvHeads(n1.matMul(wk[l]), b, t, kvh, hd, group);
            NDArray v = kvHeads(n1.matMul(wv[l]), b, t, kvh, hd, group);
            NDArray weights = q.matMul(k.transpose(0, 1, 3, 2)).mul(scale).add(mask).softmax(-1);
            NDArray context = weights.matMul(v).transpose(0, 2, 1, 3).reshape(b, t, d);
            x = x.add(context.matMul(wo[l]));
            NDArray n2 = norm(x, norm2Scale[l], norm2Bias[l]);
            x = x.add(n2.matMul(w1[l]).add(b1[l]).getNDArrayInternal().relu().matMul(w2[l]).add(b2[l]));
        }
        return norm(x, finalScale, finalBias);
    }

    /** [b, t, kvHeads * headDim] to [b, heads, t, headDim]: query head i reads key/value head i / group. */
    private static NDArray kvHeads(NDArray x, long b, long t, int kvh, int hd, int group) {
        NDArray heads = x.reshape(b, t, kvh, hd).transpose(0, 2, 1, 3);
        if (group == 1) {
            return heads;
        }
        return heads.expandDims(2).repeat(2, group).reshape(b, (long) kvh * group, t, hd);
    }

    private NDArray norm(NDArray x, NDArray scale, NDArray bias) {
        return x.getNDArrayInternal().layerNorm(x, new Shape(config.hiddenSize()), scale, bias, 1e-5f)
                .singletonOrThrow();
    }

    private void checkOpen() {
        if (closed) {
            throw new AnimataException("this DecoderTrainer is closed");
        }
    }

    /** Frees the weights and the optimiser. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            adam.close();
            manager.close();
        }
    }

    /** Settings of a {@link DecoderTrainer}. */
    public static final class Builder {
        private TinyDecoder.Config config;
        private TinyDecoder initial;
        private long seed = 1;
        private int steps = 1000;
        private int batchSize = 8;
        private float learningRate = 3e-3f;
        private double maxGradNorm = 1.0;
        private double unknownRate = 0.02;
        private int torchThreads = 1;

        private Builder() {
        }

        /** The shape of a decoder trained from fresh weights ({@link #setInitial} instead starts from given ones). */
        public Builder setConfig(TinyDecoder.Config shape) {
            this.config = shape;
            return this;
        }

        /** Starts from these weights (copied) instead of fresh ones. */
        public Builder setInitial(TinyDecoder decoder) {
            this.initial = decoder;
            return this;
        }

        /** @param value seed of the fresh weights, the batches and the unknown-token noise (default 1) */
        public Builder optSeed(long value) {
            this.seed = value;
            return this;
        }

        /** @param n optimiser steps, at least 1 (default 1000) */
        public Builder optSteps(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("steps must be at least 1, was " + n);
            }
            this.steps = n;
            return this;
        }

        /** @param n sequences per step, at least 1 (default 8) */
        public Builder optBatchSize(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("batch size must be at least 1, was " + n);
            }
            this.batchSize = n;
            return this;
        }

        /** @param value Adam's peak learning rate, after warm-up (default 3e-3) */
        public Builder optLearningRate(float value) {
            if (!(value > 0)) {
                throw new IllegalArgumentException("learning rate must be positive, was " + value);
            }
            this.learningRate = value;
            return this;
        }

        /** @param value share of prompt tokens replaced by the unknown token while training, 0 to 0.5 (default 0.02) */
        public Builder optUnknownRate(double value) {
            if (value < 0 || value > 0.5) {
                throw new IllegalArgumentException("unknown-token rate must be in [0, 0.5], was " + value);
            }
            this.unknownRate = value;
            return this;
        }

        /** @param n PyTorch intra-op threads, process-wide (default 1) */
        public Builder optTorchThreads(int n) {
            this.torchThreads = n;
            return this;
        }

        /**
         * @return the trainer, its weights on DJL's default device
         * @throws IllegalStateException when neither a shape nor initial weights were given
         */
        public DecoderTrainer build() {
            if (config == null && initial == null) {
                throw new IllegalStateException("DecoderTrainer.Builder.setConfig(shape) or setInitial(decoder) is required");
            }
            return new DecoderTrainer(this);
        }
    }
}
