package io.animata.core.texture.nca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.animata.core.texture.PixelBuffer;
import io.animata.runtime.AiRuntime;
import io.animata.runtime.AnimataException;
import io.animata.runtime.onnx.NcaRunner;
import io.animata.runtime.onnx.OnnxModel;
import io.animata.runtime.onnx.OnnxSessionConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A neural texture: a cellular automaton trained from an example image ({@code animata textures --train-nca}) that
 * grows a seamless texture of any size from noise, run by ONNX Runtime (on the GPU where there is one). The model is
 * an ONNX file of one step with a JSON sidecar of the same name ({@code lava.onnx}, {@code lava.json}) giving the
 * number of steps and the update rate it was trained with; without a sidecar the defaults are 96 steps at 0.5.
 *
 * <p>Threading: {@link #grow} blocks for the whole growth (tens of steps over the full grid): call it on a worker or
 * the asset manager's executor, never the game thread, and make the {@code Texture} on the GL thread. One growth at a
 * time per instance. {@link #close()} closes the ONNX session (idempotent).
 *
 * <pre>{@code
 * try (NcaTexture lava = NcaTexture.load(Path.of("assets/models/nca/lava.onnx"), runtime)) {
 *     PixelBuffer pixels = lava.grow(256, 256, seed);   // on a worker
 * }
 * }</pre>
 */
public final class NcaTexture implements AutoCloseable {
    /** Steps when the sidecar does not say. */
    public static final int DEFAULT_STEPS = 96;
    /** Update rate when the sidecar does not say. */
    public static final double DEFAULT_FIRE_RATE = 0.5;

    private final NcaRunner runner;
    private final int steps;

    private NcaTexture(NcaRunner runner, int steps) {
        this.runner = runner;
        this.steps = steps;
    }

    /** Loads a model with the session settings (threads, device) of a runtime. */
    public static NcaTexture load(Path onnx, AiRuntime runtime) {
        return load(onnx, runtime.sessionConfig());
    }

    /**
     * Loads {@code NAME.onnx} and, if present, its sidecar {@code NAME.json}.
     *
     * @throws AnimataException when a file cannot be read, or the model is not an NCA step
     */
    public static NcaTexture load(Path onnx, OnnxSessionConfig config) {
        String file = onnx.getFileName().toString();
        String stem = file.endsWith(".onnx") ? file.substring(0, file.length() - 5) : file;
        Path sidecar = onnx.resolveSibling(stem + ".json");
        String json = null;
        if (Files.isRegularFile(sidecar)) {
            try {
                json = Files.readString(sidecar, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new AnimataException("cannot read NCA sidecar " + sidecar + ": " + e.getMessage(), e);
            }
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(onnx);
        } catch (IOException e) {
            throw new AnimataException("cannot read NCA model " + onnx + ": " + e.getMessage(), e);
        }
        return load(stem, onnx.toString(), bytes, json, config);
    }

    /**
     * @param name the model's name in logs and errors
     * @param source where it came from, for errors
     * @param onnx the ONNX bytes of the step
     * @param sidecarJson the sidecar's text, or null for the defaults
     * @throws AnimataException when the model is not an NCA step or the sidecar is malformed
     */
    public static NcaTexture load(String name, String source, byte[] onnx, String sidecarJson,
            OnnxSessionConfig config) {
        int steps = DEFAULT_STEPS;
        double fireRate = DEFAULT_FIRE_RATE;
        if (sidecarJson != null) {
            JsonNode root;
            try {
                root = new ObjectMapper().readTree(sidecarJson);
            } catch (IOException e) {
                throw new AnimataException("NCA sidecar of '" + name + "' is not valid JSON: " + e.getMessage(), e);
            }
            JsonNode s = root.get("steps");
            JsonNode f = root.get("fireRate");
            if (s != null && (!s.canConvertToInt() || s.asInt() < 1)) {
                throw new AnimataException("NCA sidecar of '" + name + "' field 'steps': expected a positive integer, "
                        + "got " + s);
            }
            if (f != null && (!f.isNumber() || !(f.asDouble() > 0 && f.asDouble() <= 1))) {
                throw new AnimataException("NCA sidecar of '" + name + "' field 'fireRate': expected a number in "
                        + "(0, 1], got " + f);
            }
            steps = s == null ? steps : s.asInt();
            fireRate = f == null ? fireRate : f.asDouble();
        }
        OnnxModel model = OnnxModel.load(name, source, onnx, config);
        try {
            return new NcaTexture(new NcaRunner(model, fireRate), steps);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** @return the steps {@link #grow(int, int, long)} takes */
    public int steps() {
        return steps;
    }

    /** @return the model's state channels */
    public int channels() {
        return runner.channels();
    }

    /** @return where the model runs: {@code "cuda"} or {@code "cpu"} */
    public String device() {
        return runner.device();
    }

    /** Grows with the sidecar's number of steps. See {@link #grow(int, int, int, long)}. */
    public PixelBuffer grow(int width, int height, long seed) {
        return grow(width, height, steps, seed);
    }

    /**
     * Grows a seamless texture. Blocks: call it on a worker thread.
     *
     * @return an opaque {@code width x height} image; the same seed gives the same pixels on the same machine
     */
    public PixelBuffer grow(int width, int height, int stepCount, long seed) {
        float[] rgb = runner.grow(width, height, stepCount, seed);
        PixelBuffer out = new PixelBuffer(width, height);
        int n = width * height;
        int[] p = out.pixels();
        for (int i = 0; i < n; i++) {
            p[i] = PixelBuffer.rgba(rgb[i], rgb[n + i], rgb[2 * n + i], 1f);
        }
        return out;
    }

    /** Closes the ONNX session. Idempotent. */
    @Override
    public void close() {
        runner.close();
    }
}
