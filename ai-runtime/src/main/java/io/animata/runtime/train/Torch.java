package io.animata.runtime.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import io.animata.runtime.AnimataException;

/**
 * Loads DJL's PyTorch engine for training and sets its threads.
 *
 * <p>Small policy networks train fastest on one intra-op thread (the JNI call, not the arithmetic, is the cost),
 * and a fixed thread count keeps PyTorch's reductions in the same order, which the same-seed-same-curve promise
 * needs. PyTorch's thread settings are process-wide.
 */
final class Torch {
    static final String ENGINE = "PyTorch";

    private Torch() {
    }

    /**
     * @param intraOpThreads PyTorch's intra-op threads from now on, at least 1
     * @return the PyTorch engine
     * @throws AnimataException when DJL or its PyTorch native library cannot be loaded
     */
    static Engine engine(int intraOpThreads) {
        if (intraOpThreads < 1) {
            throw new AnimataException("PyTorch needs at least 1 intra-op thread, got " + intraOpThreads);
        }
        // only read when the engine first loads; one inter-op thread: a trainer never runs graph branches in parallel
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        Engine engine;
        try {
            engine = Engine.getEngine(ENGINE);
        } catch (RuntimeException | LinkageError e) {
            throw new AnimataException("cannot load DJL's PyTorch engine for training (needs ai.djl:api, "
                    + "ai.djl.pytorch:pytorch-engine, pytorch-jni and pytorch-native-cpu on the classpath, and "
                    + "-Dai.djl.offline=true without network): " + e.getMessage(), e);
        }
        if (JniUtils.getNumThreads() != intraOpThreads) {
            JniUtils.setNumThreads(intraOpThreads);
        }
        return engine;
    }

    /** @return the engine's default device: a GPU where DJL can use one, else the CPU */
    static Device defaultDevice(Engine engine) {
        return engine.defaultDevice();
    }
}
