package io.animata.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.runtime.AnimataException;
import io.animata.runtime.rl.ActionBuffer;
import io.animata.runtime.rl.ActionSpace;
import io.animata.runtime.train.env.CartPole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemonstrationsTest {

    @Test
    void discreteRecordingRoundTrips(@TempDir Path dir) {
        ActionSpace space = ActionSpace.discrete(3, 2);
        Path file = dir.resolve("demos.bin");
        Random random = new Random(1);
        float[] expectedObs = new float[50 * 4];
        int[] expectedActions = new int[50 * 2];
        DemonstrationWriter writer = new DemonstrationWriter(file, 4, space);
        float[] obs = new float[4];
        ActionBuffer action = new ActionBuffer(space);
        for (int i = 0; i < 50; i++) {
            for (int k = 0; k < 4; k++) {
                obs[k] = random.nextFloat() * 10 - 5;
            }
            action.discrete[0] = random.nextInt(3);
            action.discrete[1] = random.nextInt(2);
            writer.record(obs, action);
            System.arraycopy(obs, 0, expectedObs, i * 4, 4);
            System.arraycopy(action.discrete, 0, expectedActions, i * 2, 2);
        }
        assertEquals(50, writer.count());
        writer.close();
        writer.close(); // idempotent
        assertThrows(AnimataException.class, () -> writer.record(obs, action));
        Demonstrations demos = Demonstrations.read(file);
        assertEquals(50, demos.size());
        assertEquals(space, demos.actionSpace());
        assertArrayEquals(expectedObs, demos.observations());
        assertArrayEquals(expectedActions, demos.discreteActions());
        assertEquals(0, demos.continuousActions().length);
    }

    @Test
    void continuousRecordingOfAHeuristicRoundTrips(@TempDir Path dir) {
        Path file = dir.resolve("point.bin");
        double mean;
        try (DemonstrationWriter writer = new DemonstrationWriter(file, 2, ActionSpace.continuous(1))) {
            mean = writer.recordEpisodes(new io.animata.runtime.train.env.PointTarget(),
                    io.animata.runtime.train.env.PointTarget::heuristic, 3, 7);
            assertEquals(3 * 25, writer.count());
        }
        assertTrue(mean > -4, "the heuristic reaches the target: " + mean);
        Demonstrations demos = Demonstrations.read(file);
        assertEquals(75, demos.size());
        float[] obs = demos.observations();
        float[] actions = demos.continuousActions();
        for (int i = 0; i < 75; i++) {
            float expected = Math.max(-1f, Math.min(1f, (obs[i * 2 + 1] - obs[i * 2]) / 0.2f));
            assertEquals(expected, actions[i]);
        }
    }

    @Test
    void damagedFilesAreReportedClearly(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cut.bin");
        try (DemonstrationWriter writer = new DemonstrationWriter(file, 4, ActionSpace.discrete(2))) {
            writer.recordEpisodes(new CartPole(), CartPole::heuristic, 1, 1);
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 3));
        assertTrue(assertThrows(AnimataException.class, () -> Demonstrations.read(file)).getMessage()
                .contains("cut off"));
        Files.writeString(dir.resolve("text.bin"), "observation,action\n1,2,3,4,0\n");
        assertTrue(assertThrows(AnimataException.class, () -> Demonstrations.read(dir.resolve("text.bin")))
                .getMessage().contains("not an Animata demonstrations file"));
        assertTrue(assertThrows(AnimataException.class, () -> Demonstrations.read(dir.resolve("none.bin")))
                .getMessage().contains("not found"));
    }

    @Test
    void shapesAreChecked(@TempDir Path dir) {
        try (DemonstrationWriter writer = new DemonstrationWriter(dir.resolve("d.bin"), 4, ActionSpace.discrete(2))) {
            ActionBuffer wrongSpace = new ActionBuffer(ActionSpace.discrete(3));
            assertThrows(AnimataException.class, () -> writer.record(new float[4], wrongSpace));
            assertThrows(AnimataException.class, () -> writer.record(new float[3],
                    new ActionBuffer(ActionSpace.discrete(2))));
            ActionBuffer outOfRange = new ActionBuffer(ActionSpace.discrete(2));
            outOfRange.discrete[0] = 2;
            assertThrows(AnimataException.class, () -> writer.record(new float[4], outOfRange));
        }
        assertThrows(AnimataException.class, () -> Demonstrations.of(2, ActionSpace.discrete(2), new float[4],
                new float[0], new int[] {0, 5}));
        assertThrows(AnimataException.class, () -> Demonstrations.of(2, ActionSpace.discrete(2), new float[4],
                new float[0], new int[] {0}));
    }
}
