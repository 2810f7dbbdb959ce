package io.animata.runtime.text;

import de.kherud.llama.LlamaModel;
import de.kherud.llama.LogLevel;
import de.kherud.llama.args.LogFormat;
import io.animata.runtime.AnimataException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Loads llama.cpp's native library (through {@code de.kherud:llama}, which unpacks it from its jar) once, with a
 * clear error when the jar is missing or the library cannot load on this machine, and routes llama.cpp's log to
 * {@link System.Logger} (debug for its chatter, warnings and errors as such). The last log lines are kept so that a
 * model that fails to load can say why in its exception.
 *
 * <p>Threading: thread-safe; the log callback runs on llama.cpp's threads.
 */
final class LlamaNatives {
    private static final System.Logger LOG = System.getLogger("io.animata.runtime.text.llamacpp");
    private static final int KEPT_LINES = 64;
    private static final ArrayDeque<String> RECENT = new ArrayDeque<>();
    private static long sequence;
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
            LlamaModel.setLogger(LogFormat.TEXT, LlamaNatives::log);
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

    private static void log(LogLevel level, String message) {
        String line = message.strip();
        if (line.isEmpty()) {
            return;
        }
        synchronized (RECENT) {
            if (RECENT.size() == KEPT_LINES) {
                RECENT.removeFirst();
            }
            RECENT.addLast(level + " " + line);
            sequence++;
        }
        System.Logger.Level to = switch (level) {
            case ERROR -> System.Logger.Level.WARNING; // the model's failure is reported by an exception
            case WARN -> System.Logger.Level.INFO;
            default -> System.Logger.Level.DEBUG;
        };
        LOG.log(to, line);
    }

    /** @return a mark to pass to {@link #errorsSince} */
    static long mark() {
        synchronized (RECENT) {
            return sequence;
        }
    }

    /** @return the warning and error lines llama.cpp logged after {@code mark} (at most the last 64 lines) */
    static List<String> errorsSince(long mark) {
        synchronized (RECENT) {
            long newer = Math.min(sequence - mark, RECENT.size());
            List<String> lines = new ArrayList<>();
            int skip = (int) (RECENT.size() - newer);
            int i = 0;
            for (String line : RECENT) {
                if (i++ >= skip && (line.startsWith("ERROR") || line.startsWith("WARN")
                        || line.toLowerCase(Locale.ROOT).contains("error"))) {
                    lines.add(line);
                }
            }
            return lines;
        }
    }
}
