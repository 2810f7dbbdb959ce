package io.animata.runtime.onnx;

import io.animata.runtime.AnimataException;

/**
 * Writes one step of a neural cellular automaton (A. Mordvintsev et al., "Growing neural cellular automata",
 * Distill 2020; E. Niklasson et al., "Self-organising textures", Distill 2021) as an ONNX graph, for ONNX Runtime to
 * run on the worker (on the GPU where there is one).
 *
 * <p>The graph: input {@value #INPUT} of shape {@code [batch, C + 1, H, W]} (any H and W): the C state channels and,
 * as the last channel, the update mask (1 where a cell updates this step, 0 where it does not; the caller draws it,
 * seeded, so runs are reproducible). Output {@value #OUTPUT}, {@code [batch, C, H, W]}:
 * <pre>
 * p  = wrap-pad(state, 1)                       // the grid is a torus: textures tile by construction
 * y  = depthwise 3x3 conv(p, perception)       // per channel: identity, Sobel x, Sobel y, Laplacian -> 4C
 * h  = relu(1x1 conv(y, w1) + b1)               // hidden
 * ds = 1x1 conv(h, w2)                          // C, no bias
 * next = state + ds * mask
 * </pre>
 * Wrap padding is two slices and a concatenation per axis (opset 17 has no wrap mode for {@code Pad}).
 *
 * <p>Threading: stateless; thread-safe.
 */
public final class NcaOnnxExporter {
    /** The input's name: the state channels, then the update mask. */
    public static final String INPUT = "state_and_mask";
    /** The output's name: the next state. */
    public static final String OUTPUT = "next_state";

    private NcaOnnxExporter() {
    }

    /**
     * @param channels C, the state channels (the first three are the texture's RGB, offset by -0.5)
     * @param hidden the hidden 1x1 layer's width
     * @param perception {@code [4C, 1, 3, 3]}, row-major: filter {@code k} of channel {@code c} at {@code 4c + k}
     * @param w1 {@code [hidden, 4C]} (a 1x1 convolution's {@code [hidden, 4C, 1, 1]})
     * @param b1 {@code [hidden]}
     * @param w2 {@code [C, hidden]}
     * @param docString stored in the graph (what the model was trained on)
     * @return the serialised model
     * @throws AnimataException when an array's length does not match the sizes
     */
    public static byte[] export(int channels, int hidden, float[] perception, float[] w1, float[] b1, float[] w2,
            String docString) {
        check("perception", perception, 4L * channels * 9);
        check("w1", w1, (long) hidden * 4 * channels);
        check("b1", b1, hidden);
        check("w2", w2, (long) channels * hidden);
        long d = OnnxGraphBuilder.DYNAMIC;
        OnnxGraphBuilder g = new OnnxGraphBuilder("nca_step").optDocString(docString);
        String x = g.addInput(INPUT, channels + 1, d, d);
        String state = slice(g, x, 0, channels, 1, "state");
        String mask = slice(g, x, channels, channels + 1, 1, "mask");
        String padded = wrapPad(g, wrapPad(g, state, 3), 2);
        String kernel = g.addInitializer("perception", perception, 4L * channels, 1, 3, 3);
        String perceived = g.node("Conv").inputs(padded, kernel).attr("group", (long) channels)
                .attrInts("kernel_shape", 3, 3).output("perceived");
        String w1Name = g.addInitializer("w1", w1, hidden, 4L * channels, 1, 1);
        String b1Name = g.addInitializer("b1", b1, hidden);
        String h = g.node("Conv").inputs(perceived, w1Name, b1Name).attrInts("kernel_shape", 1, 1).output("hidden");
        String relu = g.node("Relu").inputs(h).output("hidden_relu");
        String w2Name = g.addInitializer("w2", w2, channels, hidden, 1, 1);
        String ds = g.node("Conv").inputs(relu, w2Name).attrInts("kernel_shape", 1, 1).output("update");
        String masked = g.node("Mul").inputs(ds, mask).output("masked_update");
        g.node("Add").inputs(state, masked).output(OUTPUT);
        g.addOutput(OUTPUT, channels, d, d);
        return g.toBytes();
    }

    private static void check(String name, float[] values, long expected) {
        if (values == null || values.length != expected) {
            throw new AnimataException("NCA export: '" + name + "' has " + (values == null ? "no" : values.length)
                    + " values, " + expected + " expected");
        }
    }

    /** @return {@code x[from:to]} along {@code axis} */
    private static String slice(OnnxGraphBuilder g, String x, long from, long to, long axis, String name) {
        return g.node("Slice").inputs(x, int64(g, name + "_start", from), int64(g, name + "_end", to),
                int64(g, name + "_axis", axis)).output(name);
    }

    /** @return {@code x} with its last row (or column) put before its first and its first after its last */
    private static String wrapPad(OnnxGraphBuilder g, String x, long axis) {
        String side = axis == 3 ? "w" : "h";
        String last = slice(g, x, -1, 1L << 24, axis, "wrap_" + side + "_last");
        String first = slice(g, x, 0, 1, axis, "wrap_" + side + "_first");
        return g.node("Concat").inputs(last, x, first).attr("axis", axis).output("wrapped_" + side);
    }

    /** A one-element int64 tensor (float initializers only in the builder: stored as a float, cast; exact to 2^24). */
    private static String int64(OnnxGraphBuilder g, String name, long value) {
        String f = g.addInitializer(name + "_f", new float[] {value}, 1);
        return g.node("Cast").inputs(f).attr("to", 7L).output(name); // 7: INT64
    }
}
