package io.animata.runtime.text;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.LogLevel;
import de.kherud.llama.args.LogFormat;
import io.animata.runtime.AnimataException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

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
    /** The binding's property naming a folder that holds its native library. */
    private static final String LIB_PATH = "de.kherud.llama.lib.path";
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
        unpackQuietly();
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

    /**
     * Unpacks the binding's native library for this platform into a private temporary folder and points the binding
     * at it ({@value #LIB_PATH}), because the binding's own unpacking prints a line to {@code System.out}, which is
     * the continuation's stream in {@code animata generate}. Where the platform has no library in the jar, or the
     * property is already set, the binding does its own search (and fails with its own message).
     */
    private static void unpackQuietly() {
        if (System.getProperty(LIB_PATH) != null) {
            return;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osFolder = os.startsWith("windows") ? "Windows" : os.startsWith("mac") || os.startsWith("darwin") ? "Mac"
                : os.startsWith("linux") ? "Linux" : null;
        String archFolder = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            case "x86", "i386", "i686" -> "x86";
            default -> null;
        };
        if (osFolder == null || archFolder == null) {
            return;
        }
        String name = System.mapLibraryName("jllama");
        try (InputStream in = LlamaModel.class.getResourceAsStream("/de/kherud/llama/" + osFolder + "/" + archFolder
                + "/" + name)) {
            if (in == null) {
                return;
            }
            Path dir = Files.createTempDirectory("animata-natives");
            Path lib = dir.resolve(name);
            Files.copy(in, lib);
            lib.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            System.setProperty(LIB_PATH, dir.toString());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot unpack llama.cpp's library (" + e + "); the binding will");
        }
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
