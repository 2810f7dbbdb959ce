package io.animata.core.npc.save;

import io.animata.runtime.AnimataException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.Predicate;

/**
 * Writes a file so that a crash at any moment leaves either the old content or the new one in place, never a part:
 * the bytes go to a temporary file in the same folder, are forced to the disk ({@link FileChannel#force}), and the
 * temporary file is then moved over the target in one atomic step ({@code ATOMIC_MOVE}; where the file system cannot,
 * a plain replacing move, with a log line). Before that, the previous file is copied the same way to
 * {@link #backupOf its backup} ({@code name.bak}) when it is worth keeping, so one older good save always remains. Temporary files left by a
 * crashed writer are deleted by the next write.
 *
 * <p>Threading: one writer per target at a time (the game's save slot); any thread.
 */
public final class SaveFiles {
    private static final System.Logger LOG = System.getLogger(SaveFiles.class.getName());
    private static final int CHUNK = 64 * 1024;

    /** Test hook: called after each chunk written to the temporary file; may throw to simulate a crash. */
    @FunctionalInterface
    interface WriteFault {
        void afterChunk(Path temporary, long written, long total) throws IOException;
    }

    private static final WriteFault NO_FAULT = (temporary, written, total) -> { };

    private SaveFiles() {
    }

    /** @return where the previous save is kept: {@code name.bak} beside it */
    public static Path backupOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".bak");
    }

    /**
     * Writes {@code bytes} to {@code target} atomically, keeping the previous content as {@link #backupOf}.
     *
     * @throws AnimataException naming the file when it cannot be written (the previous save is then untouched)
     */
    public static void write(Path target, byte[] bytes) {
        write(target, bytes, p -> true, NO_FAULT);
    }

    /**
     * Like {@link #write(Path, byte[])}, but the previous file becomes the backup only when {@code worthKeeping}
     * accepts it: a damaged save must not replace a good backup.
     */
    public static void write(Path target, byte[] bytes, Predicate<Path> worthKeeping) {
        write(target, bytes, worthKeeping, NO_FAULT);
    }

    static void write(Path target, byte[] bytes, WriteFault fault) {
        write(target, bytes, p -> true, fault);
    }

    static void write(Path target, byte[] bytes, Predicate<Path> worthKeeping, WriteFault fault) {
        Path file = target.toAbsolutePath();
        Path dir = file.getParent();
        try {
            Files.createDirectories(dir);
            deleteLeftovers(dir, file.getFileName().toString());
            if (Files.isRegularFile(file) && worthKeeping.test(file)) {
                Path backupTemp = temporary(dir, backupOf(file).getFileName().toString());
                try {
                    Files.copy(file, backupTemp, StandardCopyOption.REPLACE_EXISTING);
                    force(backupTemp);
                    move(backupTemp, backupOf(file));
                } finally {
                    Files.deleteIfExists(backupTemp);
                }
            }
            Path temp = temporary(dir, file.getFileName().toString());
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) {
                        buffer.limit(Math.min(bytes.length, buffer.position() + CHUNK));
                        while (buffer.hasRemaining()) {
                            channel.write(buffer);
                        }
                        fault.afterChunk(temp, buffer.position(), bytes.length);
                        buffer.limit(bytes.length);
                    }
                    channel.force(true);
                }
                move(temp, file);
            } finally {
                Files.deleteIfExists(temp);
            }
            forceDirectory(dir);
        } catch (IOException e) {
            throw new AnimataException("cannot write the save " + file + " (the previous save is unchanged): " + e, e);
        }
    }

    /**
     * @return the file's bytes
     * @throws AnimataException naming the file when it is missing or unreadable
     */
    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AnimataException("cannot read the save " + file.toAbsolutePath() + ": " + e, e);
        }
    }

    private static Path temporary(Path dir, String name) throws IOException {
        return Files.createTempFile(dir, "." + name + ".", ".tmp");
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            LOG.log(Level.WARNING, "this file system cannot replace " + to + " atomically; replacing it in two steps "
                    + "(a crash in between leaves the backup " + backupOf(to).getFileName() + " to load)");
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Makes the rename itself durable where the platform allows opening a folder (Linux, macOS). */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Windows cannot open a folder as a channel; its move is durable enough for a game save
        }
    }

    private static void deleteLeftovers(Path dir, String name) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, "." + name + "*.tmp")) {
            for (Path p : leftovers) {
                Files.deleteIfExists(p);
            }
        }
    }
}
