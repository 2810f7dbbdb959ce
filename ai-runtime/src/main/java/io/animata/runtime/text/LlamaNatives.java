package io.animata.runtime.text;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.LogLevel;
import de.kherud.llama.args.LogFormat;
import io.animata.runtime.AnimataException;

/**
 * Loads llama.cpp's native library (through {@code de.kherud:llama}, which unpacks it from its jar) once, with a
 * clear error when the jar is missing or the library cannot load on this machine, and routes llama.cpp's core log to
 * {@link System.Logger} (debug for its chatter, warnings and errors as such).
 *
 * <p>Loading a model points llama.cpp's log back at its own console printer, so {@link #routeLog} is called again
 * after each load.
 *
 * <p>Threading: thread-safe; the log callback runs on llama.cpp's threads.
 */
final class LlamaNatives {
    private static final System.Logger LOG = System.getLogger("io.animata.runtime.text.llamacpp");
    private static boolean loaded;

    private LlamaNatives() {
    }

    /**
     * Loads the native library if it is not loaded yet.
     *
     * @throws AnimataException when the binding is not on the class path or its natives do not load here
     */
    static synchronized void load() {
        if (loaded) {
            return;
        }
        try {
            Class.forName("de.kherud.llama.LlamaModel", false, LlamaNatives.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AnimataException("GGUF models need llama.cpp's Java binding, which is not on the class path: add"
                    + " the dependency de.kherud:llama:4.2.0 to the game (the animata command line has it)", e);
        }
        try {
            routeLog();
        } catch (LinkageError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new AnimataException("llama.cpp's native library could not load on this machine ("
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "): " + cause
                    + ". The de.kherud:llama jar ships CPU libraries for Linux, macOS and Windows on x86_64 and"
                    + " aarch64, built against glibc and libgomp; serve the model with llama-server instead and pass"
                    + " its http:// URL", e);
        }
        loaded = true;
    }

    /** Points llama.cpp's core log at {@link System.Logger}. */
    static void routeLog() {
        LlamaModel.setLogger(LogFormat.TEXT, LlamaNatives::log);
    }

    private static void log(LogLevel level, String message) {
        String line = message.strip();
        if (line.isEmpty()) {
            return;
        }
        System.Logger.Level to = switch (level) {
            case ERROR -> System.Logger.Level.WARNING; // a model's failure is reported by an exception
            case WARN -> System.Logger.Level.INFO;
            default -> System.Logger.Level.DEBUG;
        };
        LOG.log(to, line);
    }
}
