package io.animata.runtime.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;

/** Runs ONNX models in ONNX Runtime for tests: the independent judge of what the writer produced. */
final class Ort implements AutoCloseable {
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;

    Ort(byte[] model) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            // one thread: the test machine is small and the models are tiny
            options.setIntraOpNumThreads(1);
            session = env.createSession(model, options);
        }
    }

    Ort(String modelPath) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            session = env.createSession(modelPath, options);
        }
    }

    /** Runs one float input of the given shape; returns every output, flattened row-major. */
    Map<String, float[]> run(String inputName, float[] input, long... shape) throws OrtException {
        long count = 1;
        for (long dim : shape) {
            count *= dim;
        }
        Map<String, float[]> results = new HashMap<>();
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input, 0, (int) count), shape);
             OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            for (Map.Entry<String, OnnxValue> output : result) {
                FloatBuffer buffer = ((OnnxTensor) output.getValue()).getFloatBuffer();
                float[] values = new float[buffer.remaining()];
                buffer.get(values);
                results.put(output.getKey(), values);
            }
        }
        return results;
    }

    Map<String, NodeInfo> inputs() throws OrtException {
        return session.getInputInfo();
    }

    Map<String, NodeInfo> outputs() throws OrtException {
        return session.getOutputInfo();
    }

    static long[] shape(NodeInfo info) {
        return ((TensorInfo) info.getInfo()).getShape();
    }

    static String[] dimensionNames(NodeInfo info) {
        return ((TensorInfo) info.getInfo()).getDimensionNames();
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
