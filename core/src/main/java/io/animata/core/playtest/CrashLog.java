package io.animata.core.playtest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deduplicates exceptions from game code by signature: the exception's class and its top {@value #SIGNATURE_FRAMES}
 * stack frames (class, method, line) in the game's code (above the bot run, so the same on threads and in worker
 * processes). The first occurrence keeps its message, game frames, tick and position.
 *
 * <p>Threading: one thread. Allocates only when an exception is recorded.
 */
final class CrashLog {
    static final int SIGNATURE_FRAMES = 3;
    private static final int SHOWN_FRAMES = 8;

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private static final class Entry {
        final BotResult.Crash first;
        int count;

        Entry(BotResult.Crash first) {
            this.first = first;
        }
    }

    void record(Throwable error, int tick, float x, float y, int cell) {
        String key = signatureText(error);
        Entry e = entries.get(key);
        if (e == null) {
            List<String> frames = new ArrayList<>();
            StackTraceElement[] st = error.getStackTrace();
            for (int i = 0; i < Math.min(SHOWN_FRAMES, gameFrames(st)); i++) {
                frames.add(st[i].toString());
            }
            e = new Entry(new BotResult.Crash(shortId(key), error.getClass().getName(),
                    String.valueOf(error.getMessage()), List.copyOf(frames), 0, tick, x, y, cell));
            entries.put(key, e);
        }
        e.count++;
    }

    List<BotResult.Crash> crashes() {
        List<BotResult.Crash> out = new ArrayList<>(entries.size());
        for (Entry e : entries.values()) {
            BotResult.Crash f = e.first;
            out.add(new BotResult.Crash(f.signature(), f.exception(), f.message(), f.frames(), e.count, f.tick(),
                    f.x(), f.y(), f.cell()));
        }
        return out;
    }

    /** @return the exception class and its top frames, as text: what makes two crashes the same */
    static String signatureText(Throwable error) {
        StringBuilder sb = new StringBuilder(error.getClass().getName());
        StackTraceElement[] st = error.getStackTrace();
        for (int i = 0; i < Math.min(SIGNATURE_FRAMES, gameFrames(st)); i++) {
            sb.append(" @ ").append(st[i].getClassName()).append('.').append(st[i].getMethodName()).append(':')
                    .append(st[i].getLineNumber());
        }
        return sb.toString();
    }

    /**
     * @return how many frames from the top belong to the game's code: those above the bot run that called the hook
     *     (below it, the frames depend on the runner: a thread pool, a worker process)
     */
    static int gameFrames(StackTraceElement[] stack) {
        for (int i = 0; i < stack.length; i++) {
            if (stack[i].getClassName().equals(BotRun.class.getName())) {
                return i;
            }
        }
        return stack.length;
    }

    /** @return 12 hex digits of the SHA-256 of a signature text: the same on every machine and run */
    static String shortId(String signatureText) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(signatureText.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                sb.append(Character.forDigit((hash[i] >> 4) & 0xf, 16)).append(Character.forDigit(hash[i] & 0xf, 16));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
