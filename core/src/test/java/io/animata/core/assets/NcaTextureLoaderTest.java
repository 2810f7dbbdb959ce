package io.animata.core.assets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.gdx.assets.AssetManager;
import com.badlogic.gdx.files.FileHandle;
import com.badlogic.gdx.graphics.Texture;
import com.badlogic.gdx.utils.GdxRuntimeException;
import io.animata.core.testing.GlMock;
import io.animata.core.testing.TinyOnnx;
import io.animata.core.texture.PixelBuffer;
import io.animata.core.texture.nca.NcaSource;
import io.animata.core.texture.nca.NcaTexture;
import io.animata.runtime.AiRuntime;
import io.animata.runtime.AnimataException;
import io.animata.runtime.Job;
import io.animata.runtime.RunMode;
import io.animata.runtime.onnx.DevicePreference;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grows the shipped lava automaton through a real {@link AssetManager} (its executor thread included) and a real
 * {@link AiRuntime} job worker, with no GL context: {@link GlMock} stands in for {@code Gdx.gl}. Small sizes and few
 * steps keep it fast.
 */
class NcaTextureLoaderTest {
    private static final String PREFIX = "nca-loader-test";
    private static final Path NCA = Path.of(System.getProperty("animata.root", "..")).resolve("assets/models/nca");

    @TempDir
    Path dir;

    private GlMock gl;
    private AiRuntime runtime;
    private AssetManager assets;
    private NcaTextureLoader loader;

    @BeforeEach
    void setUp() {
        gl = GlMock.install();
        runtime = AiRuntime.builder().setMode(RunMode.REALTIME).optDevice(DevicePreference.CPU)
                .optThreadNamePrefix(PREFIX).build();
        assets = new AssetManager(fileName -> new FileHandle(fileName), false);
        loader = new NcaTextureLoader(assets.getFileHandleResolver(), runtime);
        assets.setLoader(Texture.class, ".onnx", loader);
    }

    @AfterEach
    void tearDown() {
        assets.dispose();
        runtime.close();
        gl.close();
    }

    private Path shippedLava() throws IOException {
        Files.copy(NCA.resolve("lava.json"), dir.resolve("lava.json"));
        return Files.copy(NCA.resolve("lava.onnx"), dir.resolve("lava.onnx"));
    }

    private static NcaTextureLoader.Parameters growth(int width, int height, int steps, long seed) {
        NcaTextureLoader.Parameters p = new NcaTextureLoader.Parameters();
        p.width = width;
        p.height = height;
        p.steps = steps;
        p.seed = seed;
        return p;
    }

    private static byte[] bytes(PixelBuffer pixels) {
        ByteBuffer out = ByteBuffer.allocate(pixels.width() * pixels.height() * 4);
        pixels.copyTo(out);
        return out.array();
    }

    @Test
    void deliversTheSamePixelsAsNcaTextureGrowAsATextureMadeOnTheGameThread() throws IOException {
        Path model = shippedLava();

        assets.load(model.toString(), Texture.class, growth(32, 24, 8, 5));
        assets.finishLoading();

        Texture texture = assets.get(model.toString(), Texture.class);
        assertEquals(32, texture.getWidth());
        assertEquals(24, texture.getHeight());
        assertEquals(Texture.TextureWrap.Repeat, texture.getUWrap());
        assertEquals(1, gl.uploads().size());
        GlMock.Upload upload = gl.uploads().get(0);
        assertEquals(Thread.currentThread(), upload.thread(), "the texture is made on the thread calling update()");
        try (NcaTexture direct = NcaTexture.load(model, runtime.sessionConfig())) {
            assertArrayEquals(bytes(direct.grow(32, 24, 8, 5)), upload.pixels(), "seed 5, 8 steps");
            assertFalse(java.util.Arrays.equals(bytes(direct.grow(32, 24, 8, 6)), upload.pixels()),
                    "another seed grows another texture");
        }
        assertEquals(0, loader.waitingPixmaps());
    }

    @Test
    void stepsZeroTakesTheSidecarsSteps() throws IOException {
        Path model = shippedLava();

        assets.load(model.toString(), Texture.class, growth(16, 16, 0, 3));
        assets.finishLoading();

        try (NcaTexture direct = NcaTexture.load(model, runtime.sessionConfig())) {
            assertEquals(96, direct.steps(), "lava.json says 96");
            assertArrayEquals(bytes(direct.grow(16, 16, 96, 3)), gl.uploads().get(0).pixels());
        }
    }

    @Test
    void theGrowthWaitsForTheRuntimesJobWorker() throws Exception {
        Path model = shippedLava();
        CountDownLatch release = new CountDownLatch(1);
        String[] workerName = new String[1];
        // occupy the job worker: jobs run one at a time, in order, on its one thread
        Job<String> blocker = runtime.jobs().run("blocker", () -> {
            workerName[0] = Thread.currentThread().getName();
            release.await();
            return workerName[0];
        });
        try {
            assets.load(model.toString(), Texture.class, growth(16, 16, 4, 1));
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(400);
            while (System.nanoTime() < until) {
                assertFalse(assets.update(), "the texture cannot be ready while the job worker is busy");
                Thread.sleep(10);
            }
            assertTrue(gl.uploads().isEmpty());
        } finally {
            release.countDown();
        }
        assets.finishLoading();

        assertTrue(assets.isLoaded(model.toString()));
        assertEquals(PREFIX + "-jobs", blocker.await(Duration.ofSeconds(5)), "the runtime's job worker thread");
        assertEquals(1, gl.uploads().size());
    }

    @Test
    void aModelThatIsNotAnAutomatonFailsTheLoadSayingWhatAnNcaModelIs() throws IOException {
        Path relu = Files.write(dir.resolve("relu.onnx"), TinyOnnx.reluBytes());

        assets.load(relu.toString(), Texture.class, growth(16, 16, 2, 1));
        GdxRuntimeException e = assertThrows(GdxRuntimeException.class, assets::finishLoading);

        String message = findAnimataException(e).getMessage();
        assertTrue(message.startsWith("cannot grow a texture from " + relu + ": model 'relu' is not a neural "
                + "cellular automaton step"), message);
        assertTrue(message.endsWith(NcaSource.EXPECTED), message);
        assertFalse(assets.isLoaded(relu.toString()));
        assertEquals(0, loader.waitingPixmaps());
        assertTrue(gl.uploads().isEmpty());
    }

    @Test
    void aMissingFileOrAFolderFailsTheLoad() throws IOException {
        String missing = dir.resolve("missing.onnx").toString();
        assets.load(missing, Texture.class);
        AnimataException gone = findAnimataException(assertThrows(GdxRuntimeException.class, assets::finishLoading));
        assertTrue(gone.getMessage().startsWith("cannot read NCA model '" + missing + "'"), gone.getMessage());
        assertTrue(gone.getMessage().endsWith(NcaSource.EXPECTED), gone.getMessage());

        Path folder = Files.createDirectory(dir.resolve("models.onnx"));
        assets.load(folder.toString(), Texture.class);
        AnimataException isFolder = findAnimataException(assertThrows(GdxRuntimeException.class,
                assets::finishLoading));
        assertTrue(isFolder.getMessage().contains("it is a folder"), isFolder.getMessage());
    }

    @Test
    void aBrokenSidecarNamesItsField() throws IOException {
        Files.copy(NCA.resolve("lava.onnx"), dir.resolve("hot.onnx"));
        Files.writeString(dir.resolve("hot.json"), "{\"steps\": -3}");
        String model = dir.resolve("hot.onnx").toString();

        assets.load(model, Texture.class, growth(8, 8, 0, 1));
        AnimataException e = findAnimataException(assertThrows(GdxRuntimeException.class, assets::finishLoading));

        assertTrue(e.getMessage().contains("NCA sidecar of 'hot' field 'steps': expected a positive integer, got -3"),
                e.getMessage());
    }

    @Test
    void unloadingDeletesTheGlTexture() throws IOException {
        String model = shippedLava().toString();
        assets.load(model, Texture.class, growth(8, 8, 2, 1));
        assets.finishLoading();
        int handle = assets.get(model, Texture.class).getTextureObjectHandle();

        assets.unload(model);

        assertTrue(gl.deleted().contains(handle), "deleted " + gl.deleted() + ", handle " + handle);
    }

    private static AnimataException findAnimataException(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof AnimataException a) {
                return a;
            }
        }
        throw new AssertionError("no AnimataException in the cause chain of " + thrown, thrown);
    }
}
