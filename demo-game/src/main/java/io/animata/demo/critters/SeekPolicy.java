package io.animata.demo.critters;

import io.animata.runtime.model.Activation;
import io.animata.runtime.model.Mlp;
import io.animata.runtime.onnx.MlpOnnxExporter;

/**
 * The critters' policy: a two-layer neural network with hand-set weights that implements "seek" steering, so the
 * demo runs a real ONNX model through the AI runtime without needing training first.
 *
 * <p>Observation (4 floats): the unit vector towards the target {@code (ux, uy)} and the critter's velocity divided
 * by its top speed {@code (vx, vy)}. Action: one of {@value #ACTIONS} compass directions, the argmax of 8 logits.
 *
 * <p>Seek steers along {@code s = u - w v}: the desired velocity minus (a part {@code w} = {@value #VELOCITY_WEIGHT}
 * of) the current one. The hidden layer computes
 * {@code h = relu(sx, -sx, sy, -sy)} and the output layer {@code logit_k = cos_k (h0 - h1) + sin_k (h2 - h3)}; as
 * {@code relu(a) - relu(-a) = a}, {@code logit_k = dot(direction_k, s)} exactly, and the argmax is the direction
 * closest to the steering vector.
 *
 * <p>Threading: stateless; the direction tables are immutable after class initialisation.
 *
 * <pre>{@code
 * ModelQueue policy = runtime.queue(runtime.loadModel(SeekPolicy.MODEL_NAME, SeekPolicy.onnxBytes()));
 * }</pre>
 */
public final class SeekPolicy {
    /** Name of the model in the runtime, its logs and its metrics. */
    public static final String MODEL_NAME = "seek-policy";
    /** Floats in one observation row. */
    public static final int INPUT_WIDTH = 4;
    /** Number of actions: compass directions, 0 = east, counter-clockwise in steps of 45 degrees. */
    public static final int ACTIONS = 8;

    /**
     * How much of the current velocity the steering subtracts. Below 1 the desired velocity lies beyond top speed,
     * so a critter racing straight at its target keeps pushing forward, while sideways drift is still cancelled.
     */
    public static final float VELOCITY_WEIGHT = 0.5f;

    private static final float[] DIRECTION_X = new float[ACTIONS];
    private static final float[] DIRECTION_Y = new float[ACTIONS];

    static {
        for (int k = 0; k < ACTIONS; k++) {
            double angle = k * (2 * Math.PI / ACTIONS);
            DIRECTION_X[k] = (float) Math.cos(angle);
            DIRECTION_Y[k] = (float) Math.sin(angle);
        }
    }

    private SeekPolicy() {
    }

    /** @return the x component of action {@code k}'s unit direction */
    public static float directionX(int k) {
        return DIRECTION_X[k];
    }

    /** @return the y component of action {@code k}'s unit direction */
    public static float directionY(int k) {
        return DIRECTION_Y[k];
    }

    /** @return the seek network: 4 inputs, a 4-unit ReLU layer, 8 linear logits */
    public static Mlp mlp() {
        float w = VELOCITY_WEIGHT;
        float[] hidden = {
            1, 0, -w, 0,   // relu(sx)
            -1, 0, w, 0,   // relu(-sx)
            0, 1, 0, -w,   // relu(sy)
            0, -1, 0, w,   // relu(-sy)
        };
        float[] logits = new float[ACTIONS * 4];
        for (int k = 0; k < ACTIONS; k++) {
            logits[k * 4] = DIRECTION_X[k];
            logits[k * 4 + 1] = -DIRECTION_X[k];
            logits[k * 4 + 2] = DIRECTION_Y[k];
            logits[k * 4 + 3] = -DIRECTION_Y[k];
        }
        return Mlp.builder(INPUT_WIDTH)
                .addLayer(hidden, new float[4], Activation.RELU)
                .addLayer(logits, new float[ACTIONS], Activation.IDENTITY)
                .build();
    }

    /** @return {@link #mlp()} as ONNX (Gemm, Relu, Gemm): input {@code [batch, 4]}, output {@code [batch, 8]} */
    public static byte[] onnxBytes() {
        return new MlpOnnxExporter().optGraphName("seek_policy").optOutputName("logits").export(mlp());
    }
}
