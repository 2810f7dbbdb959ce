package io.animata.core.texture.nca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.runtime.AiRuntime;
import io.animata.runtime.AnimataException;
import io.animata.runtime.Job;
import io.animata.runtime.RunMode;
import io.animata.runtime.onnx.DevicePreference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Growing neural textures on the runtime's job worker, from the game thread and from another thread. */
class NcaGrowerTest {
    private static final String PREFIX = "nca-grower-test";

    @TempDir
    Path dir;

    private final AiRuntime runtime = AiRuntime.builder().setMode(RunMode.LOCKSTEP).optDevice(DevicePreference.CPU)
            .optThreadNamePrefix(PREFIX).build();

    @AfterEach
    void tearDown() {
        runtime.close();
    }

    private NcaSource model(long weightsSeed) throws IOException {
        Path onnx = Files.write(dir.resolve("noise" + weightsSeed + ".onnx"), NcaTextureTest.randomNca(6, 16,
                weightsSeed));
        Files.writeString(dir.resolve("noise" + weightsSeed + ".json"), "{\"steps\": 10, \"fireRate\": 0.5}",
                StandardCharsets.UTF_8);
        return NcaSource.read(onnx);
    }

    @Test
    void aGrowthSubmittedFromTheGameThreadRunsOnTheJobWorkerAndComesBackAtBeginFrame() throws IOException {
        NcaSource source = model(1);
        NcaGrower grower = new NcaGrower(runtime);
        List<Job<NcaGrowth>> heard = new ArrayList<>();
        List<Thread> listenerThreads = new ArrayList<>();

        runtime.beginFrame(1);
        Job<NcaGrowth> job = grower.submit(source, 24, 20, 0, 7, j -> {
            heard.add(j);
            listenerThreads.add(Thread.currentThread());
        });
        runtime.endFrame(1);
        assertTrue(heard.isEmpty(), "nothing is heard before the next beginFrame");
        runtime.beginFrame(2); // lockstep: waits for the job

        assertEquals(List.of(job), heard);
        assertEquals(List.of(Thread.currentThread()), listenerThreads, "the listener runs on the game thread");
        NcaGrowth growth = job.result();
        assertEquals(PREFIX + "-jobs", growth.thread(), "grown on the runtime's job worker");
        assertEquals(10, growth.steps(), "steps 0: the sidecar's");
        assertEquals("cpu", growth.device());
        assertEquals("noise1", growth.model());
        try (NcaTexture direct = NcaTexture.load(dir.resolve("noise1.onnx"), runtime.sessionConfig())) {
            assertEquals(direct.grow(24, 20, 10, 7), growth.pixels(), "the same pixels as NcaTexture.grow");
        }
    }

    @Test
    void aGrowthRunFromAnotherThreadIsAwaitedThere() throws Exception {
        NcaSource source = model(2);
        NcaGrower grower = new NcaGrower(runtime);
        NcaGrowth[] out = new NcaGrowth[1];
        Thread loader = new Thread(() -> out[0] = grower.run(source, 16, 16, 5, 3).await(Duration.ofSeconds(30)),
                "a-loader-thread");
        loader.start();
        loader.join(30_000);

        assertEquals(PREFIX + "-jobs", out[0].thread());
        assertEquals(5, out[0].steps());
        try (NcaTexture direct = source.open(runtime.sessionConfig())) {
            assertEquals(direct.grow(16, 16, 5, 3), out[0].pixels());
            assertNotEquals(direct.grow(16, 16, 5, 4), out[0].pixels());
        }
    }

    @Test
    void aBadModelFailsTheJobWithAClearErrorAndTheListenerHearsIt() throws IOException {
        NcaSource notOnnx = NcaSource.of("junk", "junk.onnx", new byte[] {1, 2, 3}, null);
        NcaGrower grower = new NcaGrower(runtime);
        List<Job<NcaGrowth>> heard = new ArrayList<>();

        runtime.beginFrame(1);
        Job<NcaGrowth> job = grower.submit(notOnnx, 8, 8, 2, 1, heard::add);
        runtime.endFrame(1);
        runtime.beginFrame(2);

        assertEquals(List.of(job), heard);
        assertTrue(job.isFailed());
        assertTrue(job.error().getMessage().startsWith("cannot grow a texture from junk.onnx: "),
                job.error().getMessage());
        assertTrue(job.error().getMessage().endsWith(NcaSource.EXPECTED), job.error().getMessage());
    }

    @Test
    void sizesAndStepsOutOfRangeFailAtOnce() throws IOException {
        NcaSource source = model(3);
        NcaGrower grower = new NcaGrower(runtime);
        AnimataException small = assertThrows(AnimataException.class, () -> grower.run(source, 2, 8, 0, 1));
        assertEquals("NCA texture 'noise3': width and height must be 3 to 4096, were 2 x 8", small.getMessage());
        assertThrows(AnimataException.class, () -> grower.run(source, 8, 5000, 0, 1));
        AnimataException steps = assertThrows(AnimataException.class, () -> grower.run(source, 8, 8, -1, 1));
        assertEquals("NCA texture 'noise3': steps must be 0 (the model's own) or more, were -1", steps.getMessage());
    }

    @Test
    void readingExplainsAMissingFileAndAFolder() throws IOException {
        AnimataException missing = assertThrows(AnimataException.class,
                () -> NcaSource.read(dir.resolve("none.onnx")));
        assertTrue(missing.getMessage().startsWith("cannot read NCA model " + dir.resolve("none.onnx")),
                missing.getMessage());
        assertTrue(missing.getMessage().endsWith(NcaSource.EXPECTED), missing.getMessage());
        Path folder = Files.createDirectory(dir.resolve("lava"));
        AnimataException isFolder = assertThrows(AnimataException.class, () -> NcaSource.read(folder));
        assertTrue(isFolder.getMessage().contains("it is a folder"), isFolder.getMessage());
        assertNull(NcaSource.read(Files.write(dir.resolve("bare.onnx"), new byte[] {0})).sidecarJson(),
                "no sidecar: the defaults apply");
    }
}
