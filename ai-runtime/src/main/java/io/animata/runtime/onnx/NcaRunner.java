package io.animata.runtime.onnx;

import io.animata.runtime.AnimataException;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Grows a texture with a neural cellular automaton exported by {@link NcaOnnxExporter}: a grid of any size starts
 * from seeded noise ({@link #seedState}) and takes {@code steps} steps, each with a seeded random update mask
 * ({@link #mask}), through ONNX Runtime (on the GPU where the session has one). The first three channels plus 0.5
 * are the colour. The grid wraps around, so the texture tiles.
 *
 * <p>The seeds and masks are drawn exactly as the trainer draws them ({@code NcaTrainer.grow}), so the same seed gives
 * the same texture here as in training previews, up to float rounding.
 *
 * <p>Threading: blocks the calling thread for the whole growth (call it on a worker, never the game thread); one
 * growth at a time per runner (the model's calls are synchronised). {@link #close()} closes the model (idempotent).
 *
 * <pre>{@code
 * try (NcaRunner lava = new NcaRunner(OnnxModel.load("lava", Path.of("lava.onnx"), config), 0.5)) {
 *     float[] rgb = lava.grow(256, 256, 96, 7);   // [3, 256, 256], values in [0, 1]
 * }
 * }</pre>
 */
public final class NcaRunner implements AutoCloseable {
    /** How far seed states stray from 0 (uniform in +- this), on every channel. */
    public static final double SEED_NOISE = 0.1;

    private final OnnxModel model;
    private final int channels;
    private final double fireRate;

    /**
     * @param model an NCA step from {@link NcaOnnxExporter}; this runner owns it from now on
     * @param fireRate the chance a cell updates in a step, as in training, in (0, 1]
     * @throws AnimataException when the model is not an NCA step (its input is not named {@value NcaOnnxExporter#INPUT}
     *     of shape [batch, C + 1, H, W])
     */
    public NcaRunner(OnnxModel model, double fireRate) {
        this.model = Objects.requireNonNull(model, "model");
        if (!(fireRate > 0 && fireRate <= 1)) {
            throw new IllegalArgumentException("fire rate must be in (0, 1], got " + fireRate);
        }
        this.fireRate = fireRate;
        TensorSpec in = model.inputs().isEmpty() ? null : model.inputs().get(0);
        if (in == null || model.inputs().size() != 1 || !NcaOnnxExporter.INPUT.equals(in.name()) || in.rank() != 4
                || in.dim(1) < 4) {
            throw new AnimataException("model '" + model.name() + "' is not a neural cellular automaton step: it needs "
                    + "one input '" + NcaOnnxExporter.INPUT + "' of shape [batch, C + 1, H, W], it has "
                    + model.inputs());
        }
        this.channels = (int) in.dim(1) - 1;
    }

    /** @return the state channels C */
    public int channels() {
        return channels;
    }

    /** @return where the model runs: {@code "cuda"} or {@code "cpu"} */
    public String device() {
        return model.device();
    }

    /**
     * @return a state to grow from: {@code channels * cells} values, channel by channel, uniform in
     *     +-{@value #SEED_NOISE}
     */
    public static float[] seedState(int channels, int cells, SplittableRandom random) {
        float[] s = new float[channels * cells];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) ((random.nextDouble() * 2 - 1) * SEED_NOISE);
        }
        return s;
    }

    /** Writes {@code n} mask values (1 with probability {@code fireRate}, else 0) into {@code out} from {@code at}. */
    public static void mask(float[] out, int at, int n, double fireRate, SplittableRandom random) {
        for (int i = 0; i < n; i++) {
            out[at + i] = random.nextDouble() < fireRate ? 1f : 0f;
        }
    }

    /**
     * Grows a texture.
     *
     * @param width grid width in cells (= pixels), at least 3
     * @param height grid height, at least 3
     * @param steps steps to take, at least 1
     * @param seed seed of the start state and the masks
     * @return {@code [3, height, width]} planar RGB, clamped to [0, 1]
     */
    public float[] grow(int width, int height, int steps, long seed) {
        if (width < 3 || height < 3 || steps < 1) {
            throw new AnimataException("NCA growth needs a grid of at least 3 x 3 and 1 step, got " + width + " x "
                    + height + " and " + steps);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int cells = width * height;
        float[] input = Arrays.copyOf(seedState(channels, cells, random), (channels + 1) * cells);
        long[] shape = {1, channels + 1, height, width};
        for (int s = 0; s < steps; s++) {
            mask(input, channels * cells, cells, fireRate, random);
            Map<String, float[]> out = model.run(NcaOnnxExporter.INPUT, input, shape);
            System.arraycopy(out.get(NcaOnnxExporter.OUTPUT), 0, input, 0, channels * cells);
        }
        float[] rgb = new float[3 * cells];
        for (int i = 0; i < rgb.length; i++) {
            float v = input[i] + 0.5f;
            rgb[i] = v < 0 ? 0 : v > 1 ? 1 : v;
        }
        return rgb;
    }

    /** Closes the model. Idempotent. */
    @Override
    public void close() {
        model.close();
    }
}
