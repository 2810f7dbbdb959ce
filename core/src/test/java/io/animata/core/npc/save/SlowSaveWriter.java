package io.animata.core.npc.save;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * A separate process that saves a large document slowly (a pause after each chunk), printing {@link #STARTED} once
 * the first chunk is on disk, so a test can kill it in the middle of the write.
 */
public final class SlowSaveWriter {
    static final String STARTED = "started\n";

    private SlowSaveWriter() {
    }

    public static void main(String[] args) {
        byte[] bytes = new byte[4 * 1024 * 1024];
        Arrays.fill(bytes, (byte) ' ');
        boolean[] told = {false};
        SaveFiles.write(Path.of(args[0]), bytes, (temp, written, total) -> {
            if (!told[0]) {
                told[0] = true;
                System.out.print(STARTED);
                System.out.flush();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
