package io.animata.runtime.onnx;

import ai.onnxruntime.OrtEnvironment;
import io.animata.runtime.AnimataException;

/**
 * The process-wide ONNX Runtime environment, initialised once on a thread with a large stack.
 *
 * <p>Why: loading ONNX Runtime's native library runs its static initialisers on the calling thread, and with a
 * desktop game's classpath (libGDX, LWJGL and their natives) that overflowed a default 1 MB Java thread stack: the
 * JVM died with SIGSEGV and no error report. Sessions themselves are fine on small stacks once the library is in.
 *
 * <p>Threading: thread-safe; the first call blocks until the library is loaded.
 */
public final class OnnxRuntimeLibrary {
    private static final long LOADER_STACK_BYTES = 16L * 1024 * 1024;
    private static volatile OrtEnvironment environment;

    private OnnxRuntimeLibrary() {
    }

    /**
     * @return the shared environment
     * @throws AnimataException when the native library cannot be loaded on this platform
     */
    public static OrtEnvironment environment() {
        OrtEnvironment env = environment;
        if (env != null) {
            return env;
        }
        synchronized (OnnxRuntimeLibrary.class) {
            if (environment == null) {
                environment = loadOnLargeStack();
            }
            return environment;
        }
    }

    private static OrtEnvironment loadOnLargeStack() {
        OrtEnvironment[] loaded = new OrtEnvironment[1];
        Throwable[] failure = new Throwable[1];
        Thread loader = new Thread(null, () -> {
            try {
                loaded[0] = OrtEnvironment.getEnvironment();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "animata-onnxruntime-loader", LOADER_STACK_BYTES);
        loader.setDaemon(true);
        loader.start();
        boolean interrupted = false;
        while (true) {
            try {
                loader.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the load cannot be abandoned half-way; finish it, then restore the flag
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure[0] != null) {
            throw new AnimataException("cannot load ONNX Runtime's native library on "
                    + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + ": " + failure[0], failure[0]);
        }
        return loaded[0];
    }
}
