package io.animata.runtime.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import io.animata.runtime.AnimataException;
import io.animata.runtime.model.BatchModel;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ONNX model in an ONNX Runtime session, on CUDA or CPU. Reports its inputs and outputs, and runs either
 * generally ({@link #run(String, float[], long[])}) or as a {@link BatchModel}: one float input of shape
 * {@code [batch, n]} and float outputs of shape {@code [batch, m]}, run into caller-owned arrays. A model loaded from
 * its file may keep its weights in external data files beside it (as models over 2 GB do).
 *
 * <p>Threading: loading may happen on any thread (an asset loader's, a worker's); it is slow, so keep it off the
 * game thread. Once handed to an {@code AiRuntime} queue, {@link #run(float[], int, float[][])} is called by that
 * model's worker only. Runs and {@link #close()} exclude each other (a close waits for the call in flight), so a
 * session is never freed under a running call. Describing methods are thread-safe. {@code close} is idempotent.
 *
 * <pre>{@code
 * try (OnnxModel model = OnnxModel.load("policy", Path.of("policy.onnx"), OnnxSessionConfig.DEFAULT)) {
 *     System.out.println(model.inputs() + " -> " + model.outputs() + " on " + model.device());
 * }
 * }</pre>
 */
public final class OnnxModel implements BatchModel {
    private static final System.Logger LOG = System.getLogger(OnnxModel.class.getName());
    /** Why the CUDA provider failed to load in this process, once it has; later models go straight to CPU. */
    private static volatile String cudaLoadFailure;

    private final String name;
    private final String source;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final String device;
    private final List<TensorSpec> inputs;
    private final List<TensorSpec> outputs;
    /** Why this model cannot be run as a BatchModel, or null when it can. */
    private final String notBatchable;
    private final int inputWidth;
    private final int[] outputWidths;
    private final String[] outputNames;
    /** Direct buffer handed to ONNX Runtime without a copy; grows with the largest batch (worker-owned). */
    private FloatBuffer inputBuffer;
    private volatile boolean closed;

    private OnnxModel(String name, String source, OrtEnvironment env, OrtSession session, String device)
            throws OrtException {
        this.name = name;
        this.source = source;
        this.env = env;
        this.session = session;
        this.device = device;
        this.inputs = specs(session.getInputInfo());
        this.outputs = specs(session.getOutputInfo());
        this.notBatchable = batchProblem(inputs, outputs);
        if (notBatchable == null) {
            inputWidth = (int) inputs.get(0).dim(1);
            outputWidths = new int[outputs.size()];
            outputNames = new String[outputs.size()];
            for (int o = 0; o < outputs.size(); o++) {
                outputWidths[o] = (int) outputs.get(o).dim(1);
                outputNames[o] = outputs.get(o).name();
            }
        } else {
            inputWidth = -1;
            outputWidths = new int[0];
            outputNames = new String[0];
        }
    }

    /**
     * Loads a model file. A model that keeps its weights in external data files (as models over 2 GB do, e.g.
     * {@code model.onnx_data}) is read with them, from the folder the model file is in.
     *
     * @throws AnimataException when the file is missing, unreadable, not an ONNX model, an external data file it
     *     names is missing or truncated, or CUDA was demanded and is not available
     */
    public static OnnxModel load(String name, Path path, OnnxSessionConfig config) {
        if (!Files.exists(path)) {
            throw new AnimataException("model file not found: " + path.toAbsolutePath());
        }
        if (Files.isDirectory(path)) {
            throw new AnimataException("model path is a directory, not an .onnx file: " + path.toAbsolutePath());
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new AnimataException("cannot read model file " + path.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        Path file = path.toAbsolutePath();
        List<OnnxExternalData.Ref> external = OnnxExternalData.scan(bytes);
        if (external.isEmpty()) {
            return create(name, file.toString(), bytes, null, config);
        }
        OnnxExternalData.check(file, file.getParent(), external);
        // ONNX Runtime finds the data files relative to the model's own path, so the session is made from the path
        return create(name, file.toString(), bytes, file, config);
    }

    /**
     * Loads a model from bytes (e.g. read by a libGDX {@code FileHandle}, or made by {@link MlpOnnxExporter}).
     *
     * @throws AnimataException when the bytes are not an ONNX model
     */
    public static OnnxModel load(String name, byte[] bytes, OnnxSessionConfig config) {
        return create(name, "<" + bytes.length + " bytes>", bytes, config);
    }

    /**
     * Loads a model from bytes read elsewhere, naming where they came from in errors and logs.
     *
     * @param source where the bytes were read from, e.g. an asset path
     * @throws AnimataException when the bytes are not an ONNX model
     */
    public static OnnxModel load(String name, String source, byte[] bytes, OnnxSessionConfig config) {
        return create(name, source, bytes, config);
    }

    /**
     * Loads a model from the classpath (a resource inside a jar).
     *
     * @param resource absolute resource path, e.g. {@code /models/policy.onnx}
     * @throws AnimataException when the resource is missing or not an ONNX model
     */
    public static OnnxModel loadFromClasspath(String name, String resource, OnnxSessionConfig config) {
        String path = resource.startsWith("/") ? resource : "/" + resource;
        try (InputStream in = OnnxModel.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new AnimataException("model resource not found on the classpath: " + path);
            }
            return create(name, "classpath:" + path, in.readAllBytes(), config);
        } catch (IOException e) {
            throw new AnimataException("cannot read model resource " + path + ": " + e.getMessage(), e);
        }
    }

    private static OnnxModel create(String name, String source, byte[] bytes, OnnxSessionConfig config) {
        if (bytes.length > 0) {
            List<OnnxExternalData.Ref> external = OnnxExternalData.scan(bytes);
            if (!external.isEmpty()) {
                throw new AnimataException("model '" + name + "' from " + source + " keeps its weights in the external"
                        + " data file(s) " + OnnxExternalData.files(external) + ", which cannot be found from bytes:"
                        + " load it from its file with OnnxModel.load(name, Path, config), the data file(s) beside it");
            }
        }
        return create(name, source, bytes, null, config);
    }

    /** @param file the model's file when the session must be made from its path (external data), else null */
    private static OnnxModel create(String name, String source, byte[] bytes, Path file, OnnxSessionConfig config) {
        if (bytes.length == 0) {
            throw new AnimataException("model '" + name + "' from " + source + " is empty (0 bytes): not an ONNX model");
        }
        OrtEnvironment env = OnnxRuntimeLibrary.environment();
        if (config.device() == DevicePreference.CPU) {
            return open(name, source, bytes, file, config, env, false, "CPU chosen in the configuration");
        }
        String why = cudaUnavailableReason();
        if (why == null) {
            try {
                return open(name, source, bytes, file, config, env, true, null);
            } catch (CudaUnavailable e) {
                // the provider library itself cannot load (no CUDA or cuDNN): the same for every later model
                cudaLoadFailure = e.getMessage();
                why = "CUDA unavailable: " + e.getMessage();
            } catch (AnimataException e) {
                if (config.device() == DevicePreference.CUDA) {
                    throw e;
                }
                why = "CUDA session failed: " + e.getMessage();
            }
        }
        if (config.device() == DevicePreference.CUDA) {
            throw new AnimataException("CUDA was required for model '" + name + "' but cannot be used (" + why + ")");
        }
        return open(name, source, bytes, file, config, env, false, why);
    }

    private static OnnxModel open(String name, String source, byte[] bytes, Path file, OnnxSessionConfig config,
            OrtEnvironment env, boolean cuda, String cpuReason) {
        OrtSession session = null;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(config.intraOpThreads());
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // a spinning pool would burn a core the game needs between frames
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            if (cuda) {
                try {
                    options.addCUDA(config.cudaDeviceId());
                } catch (OrtException e) {
                    throw new CudaUnavailable(e.getMessage());
                }
            }
            try {
                session = file != null ? env.createSession(file.toString(), options) : env.createSession(bytes, options);
            } catch (OrtException e) {
                if (cuda) {
                    throw new AnimataException("model '" + name + "' from " + source + " could not be set up on CUDA: "
                            + e.getMessage(), e);
                }
                if (file != null) {
                    throw new AnimataException("model '" + name + "' from " + source + " could not be loaded with its"
                            + " external data files " + OnnxExternalData.files(OnnxExternalData.scan(bytes))
                            + " (check that they belong to this model and are complete): " + e.getMessage(), e);
                }
                throw new AnimataException("model '" + name + "' from " + source + " is not a valid ONNX model"
                        + textHint(bytes) + ": " + e.getMessage(), e);
            }
            OnnxModel model = new OnnxModel(name, source, env, session, cuda ? "cuda" : "cpu");
            LOG.log(Level.INFO, "model '" + name + "' runs on " + model.device()
                    + (cuda ? " (CUDA execution provider, device " + config.cudaDeviceId() + ")" : " (" + cpuReason + ")"));
            return model;
        } catch (OrtException e) {
            closeQuietly(session);
            throw new AnimataException("ONNX Runtime failed to set up model '" + name + "' from " + source + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
    }

    private static void closeQuietly(OrtSession session) {
        if (session != null) {
            try {
                session.close();
            } catch (OrtException ignored) {
                // already failing; the first error is the one to report
            }
        }
    }

    /** @return null when CUDA can be tried, else why not */
    private static String cudaUnavailableReason() {
        if (!OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
            return "CUDA not in this ONNX Runtime build; build with -Pgpu for onnxruntime_gpu";
        }
        String failure = cudaLoadFailure;
        return failure == null ? null : "CUDA unavailable: " + failure;
    }

    /** The CUDA execution provider could not be added to a session (its libraries did not load). */
    private static final class CudaUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CudaUnavailable(String message) {
            super(message, null, false, false);
        }
    }

    private static String textHint(byte[] bytes) {
        int n = Math.min(bytes.length, 512);
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xff;
            boolean printable = b == '\n' || b == '\r' || b == '\t' || (b >= 0x20 && b < 0x7f);
            if (!printable) {
                return " (truncated or corrupt?)";
            }
        }
        return " (it looks like a text file)";
    }

    private static List<TensorSpec> specs(Map<String, NodeInfo> infos) {
        List<TensorSpec> list = new ArrayList<>(infos.size());
        for (NodeInfo node : infos.values()) {
            ValueInfo info = node.getInfo();
            if (info instanceof TensorInfo t) {
                list.add(new TensorSpec(node.getName(), t.getShape(), t.type.name()));
            } else {
                list.add(new TensorSpec(node.getName(), new long[0], info.getClass().getSimpleName()));
            }
        }
        return Collections.unmodifiableList(list);
    }

    private static String batchProblem(List<TensorSpec> inputs, List<TensorSpec> outputs) {
        if (inputs.size() != 1) {
            return "it has " + inputs.size() + " inputs " + inputs + "; batching needs exactly one float input [batch, n]";
        }
        TensorSpec in = inputs.get(0);
        if (!in.type().equals("FLOAT") || in.rank() != 2 || in.dim(1) <= 0) {
            return "its input " + in + " is not a float input of shape [batch, n]";
        }
        for (TensorSpec out : outputs) {
            if (!out.type().equals("FLOAT") || out.rank() != 2 || out.dim(1) <= 0) {
                return "its output " + out + " is not a float output of shape [batch, m]";
            }
        }
        return null;
    }

    /** @return where the model was loaded from (a path, {@code classpath:...} or a byte count) */
    public String source() {
        return source;
    }

    /** @return the model's inputs, in the graph's order */
    public List<TensorSpec> inputs() {
        return inputs;
    }

    /** @return the model's outputs, in the graph's order */
    public List<TensorSpec> outputs() {
        return outputs;
    }

    /** @return whether this model fits {@link BatchModel}: one float input [batch, n], float outputs [batch, m] */
    public boolean isBatchable() {
        return notBatchable == null;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String device() {
        return device;
    }

    @Override
    public int inputWidth() {
        requireBatchable();
        return inputWidth;
    }

    @Override
    public int outputCount() {
        requireBatchable();
        return outputWidths.length;
    }

    @Override
    public int outputWidth(int output) {
        requireBatchable();
        return outputWidths[output];
    }

    @Override
    public String outputName(int output) {
        requireBatchable();
        return outputNames[output];
    }

    private void requireBatchable() {
        if (notBatchable != null) {
            throw new AnimataException("model '" + name + "' cannot be batched: " + notBatchable);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new AnimataException("model '" + name + "' is closed");
        }
    }

    /**
     * Runs one batch into caller-owned arrays (the worker's path: no copy of the input beyond one into a reused
     * direct buffer).
     *
     * @throws AnimataException when the arrays are too small for {@code rows}, ONNX Runtime fails, or an output is
     *     not finite
     */
    @Override
    public synchronized void run(float[] input, int rows, float[][] outputs) {
        requireBatchable();
        requireOpen();
        if (rows < 1) {
            throw new AnimataException("model '" + name + "' was asked to run " + rows + " rows");
        }
        int needed = rows * inputWidth;
        if (input.length < needed) {
            throw new AnimataException("input '" + inputs.get(0).name() + "' of model '" + name + "' expects shape "
                    + inputs.get(0).shapeText() + " but was given " + input.length + " floats for " + rows
                    + " rows (needs " + needed + ")");
        }
        if (outputs.length != outputWidths.length) {
            throw new AnimataException("model '" + name + "' has " + outputWidths.length + " outputs but "
                    + outputs.length + " arrays were given");
        }
        if (inputBuffer == null || inputBuffer.capacity() < needed) {
            inputBuffer = ByteBuffer.allocateDirect(Math.max(needed, 64) * Float.BYTES)
                    .order(ByteOrder.nativeOrder()).asFloatBuffer();
        }
        inputBuffer.clear();
        inputBuffer.put(input, 0, needed);
        inputBuffer.flip();
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, inputBuffer, new long[] {rows, inputWidth});
                OrtSession.Result result = session.run(Map.of(inputs.get(0).name(), tensor))) {
            for (int o = 0; o < outputWidths.length; o++) {
                int count = rows * outputWidths[o];
                if (outputs[o].length < count) {
                    throw new AnimataException("output array " + o + " ('" + outputNames[o] + "') holds "
                            + outputs[o].length + " floats; " + rows + " rows need " + count);
                }
                FloatBuffer data = ((OnnxTensor) result.get(o)).getFloatBuffer();
                data.get(outputs[o], 0, count);
                checkFinite(outputNames[o], outputs[o], count, outputWidths[o]);
            }
        } catch (OrtException e) {
            throw new AnimataException("ONNX Runtime failed running model '" + name + "' on " + rows + " rows: "
                    + e.getMessage(), e);
        }
    }

    private void checkFinite(String output, float[] values, int count, int width) {
        for (int i = 0; i < count; i++) {
            if (!Float.isFinite(values[i])) {
                throw new AnimataException("model '" + name + "' produced a non-finite value (" + values[i]
                        + ") in output '" + output + "' at row " + (i / width) + ", column " + (i % width)
                        + "; check the input for NaN/huge values and the model's weights");
            }
        }
    }

    /** @return the ONNX Runtime environment the session lives in, for making input tensors */
    public OrtEnvironment environment() {
        return env;
    }

    /**
     * Runs the session on named inputs of any type (several inputs, int64 token ids, KV caches): the general path
     * that language models use. The caller closes the returned result, which owns the outputs; outputs of one run
     * may be fed as inputs of the next before it is closed (a KV cache without copies). Excludes {@link #close}.
     *
     * @throws AnimataException when the model is closed or ONNX Runtime fails (naming the inputs given)
     */
    public synchronized OrtSession.Result runTensors(Map<String, ? extends ai.onnxruntime.OnnxTensorLike> feeds) {
        requireOpen();
        try {
            return session.run(feeds);
        } catch (OrtException e) {
            throw new AnimataException("ONNX Runtime failed running model '" + name + "' with inputs " + feeds.keySet()
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs the model on one float input, checking the input's name and shape against the model first. Allocates:
     * for tools and tests, not the per-frame path.
     *
     * @param inputName which input
     * @param data row-major values
     * @param shape the input's shape
     * @return every float output by name, flattened row-major
     * @throws AnimataException when the name or the shape does not match (naming both shapes), or the run fails
     */
    public synchronized Map<String, float[]> run(String inputName, float[] data, long[] shape) {
        requireOpen();
        TensorSpec spec = null;
        List<String> names = new ArrayList<>();
        for (TensorSpec s : inputs) {
            names.add(s.name());
            if (s.name().equals(inputName)) {
                spec = s;
            }
        }
        if (spec == null) {
            throw new AnimataException("model '" + name + "' has no input '" + inputName + "'; its inputs are " + names);
        }
        if (inputs.size() != 1) {
            throw new AnimataException("model '" + name + "' has " + inputs.size() + " inputs " + names
                    + "; this method feeds one");
        }
        if (!spec.accepts(shape)) {
            throw new AnimataException("input '" + inputName + "' of model '" + name + "' expects shape "
                    + spec.shapeText() + " but was given " + Arrays.toString(shape));
        }
        long elements = 1;
        for (long d : shape) {
            elements *= d;
        }
        if (elements != data.length) {
            throw new AnimataException("input '" + inputName + "' of model '" + name + "': shape "
                    + Arrays.toString(shape) + " needs " + elements + " floats but " + data.length + " were given");
        }
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape);
                OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            Map<String, float[]> out = new LinkedHashMap<>();
            for (Map.Entry<String, OnnxValue> e : result) {
                if (e.getValue() instanceof OnnxTensor t && t.getInfo().type == ai.onnxruntime.OnnxJavaType.FLOAT) {
                    FloatBuffer fb = t.getFloatBuffer();
                    float[] values = new float[fb.remaining()];
                    fb.get(values);
                    out.put(e.getKey(), values);
                }
            }
            return out;
        } catch (OrtException e) {
            throw new AnimataException("ONNX Runtime failed running model '" + name + "': " + e.getMessage(), e);
        }
    }

    /** Releases the session. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            session.close();
        } catch (OrtException e) {
            LOG.log(Level.WARNING, "closing model '" + name + "' failed: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "OnnxModel[" + name + ", " + device + ", " + inputs + " -> " + outputs + "]";
    }
}
