package io.animata.core.assets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.gdx.assets.AssetManager;
import com.badlogic.gdx.files.FileHandle;
import com.badlogic.gdx.utils.GdxRuntimeException;
import io.animata.core.testing.TinyOnnx;
import io.animata.runtime.AiRuntime;
import io.animata.runtime.AnimataException;
import io.animata.runtime.RunMode;
import io.animata.runtime.onnx.DevicePreference;
import io.animata.runtime.onnx.OnnxModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives a real {@link AssetManager} (its executor thread included) without a libGDX application: files are
 * resolved to absolute {@link FileHandle}s, which need no {@code Gdx.files}.
 */
class OnnxModelLoaderTest {
    @TempDir
    Path dir;

    private AiRuntime runtime;
    private AssetManager assets;
    private OnnxModelLoader loader;

    @BeforeEach
    void setUp() {
        runtime = AiRuntime.builder().setMode(RunMode.REALTIME).optDevice(DevicePreference.CPU).build();
        assets = new AssetManager(fileName -> new FileHandle(fileName), false);
        loader = new OnnxModelLoader(assets.getFileHandleResolver(), runtime);
        assets.setLoader(ModelAsset.class, ".onnx", loader);
    }

    @AfterEach
    void tearDown() {
        assets.dispose();
        runtime.close();
    }

    @Test
    void loadsAValidModelNamedAfterItsFile() {
        String file = TinyOnnx.writeRelu(dir.resolve("tiny.onnx")).toString();

        assets.load(file, ModelAsset.class);
        assets.finishLoading();

        OnnxModel model = assets.get(file, ModelAsset.class).model();
        assertEquals("tiny", model.name());
        assertTrue(model.isBatchable());
        assertEquals(TinyOnnx.WIDTH, model.inputWidth());
        Map<String, float[]> out = model.run("input", new float[] {-1f, 2f, -3f, 4f}, new long[] {1, TinyOnnx.WIDTH});
        assertArrayEquals(new float[] {0f, 2f, 0f, 4f}, out.get("output"));
        assertEquals(0, loader.waitingModels());
    }

    @Test
    void parametersNameTheModel() {
        String file = TinyOnnx.writeRelu(dir.resolve("tiny.onnx")).toString();
        OnnxModelLoader.Parameters parameters = new OnnxModelLoader.Parameters();
        parameters.name = "policy";

        assets.load(file, ModelAsset.class, parameters);
        assets.finishLoading();

        assertEquals("policy", assets.get(file, ModelAsset.class).model().name());
    }

    @Test
    void unloadingClosesTheModel() {
        String file = TinyOnnx.writeRelu(dir.resolve("tiny.onnx")).toString();
        assets.load(file, ModelAsset.class);
        assets.finishLoading();
        OnnxModel model = assets.get(file, ModelAsset.class).model();

        assets.unload(file);

        assertFalse(assets.isLoaded(file));
        AnimataException e = assertThrows(AnimataException.class, () -> runOnce(model));
        assertEquals("model 'tiny' is closed", e.getMessage());
    }

    @Test
    void aQueuedModelIsLeftForTheRuntimeToClose() {
        String file = TinyOnnx.writeRelu(dir.resolve("tiny.onnx")).toString();
        assets.load(file, ModelAsset.class);
        assets.finishLoading();
        OnnxModel model = assets.get(file, ModelAsset.class).model();
        runtime.queue(model);

        assets.unload(file);
        runOnce(model); // still open: its worker may be running it

        runtime.close();
        assertThrows(AnimataException.class, () -> runOnce(model));
    }

    @Test
    void aCorruptFileFailsTheLoadWithTheAnimataExceptionAsCause() throws IOException {
        Path file = Files.write(dir.resolve("broken.onnx"), "this is not a model".getBytes(StandardCharsets.UTF_8));

        assets.load(file.toString(), ModelAsset.class);
        GdxRuntimeException e = assertThrows(GdxRuntimeException.class, assets::finishLoading);

        AnimataException cause = findAnimataException(e);
        assertTrue(cause.getMessage().startsWith("model 'broken' from " + new FileHandle(file.toFile()).path()
                + " is not a valid ONNX model (it looks like a text file)"), cause.getMessage());
        assertFalse(assets.isLoaded(file.toString()));
        assertEquals(0, loader.waitingModels());
    }

    @Test
    void aMissingFileFailsTheLoadWithTheAnimataExceptionAsCause() {
        String file = dir.resolve("missing.onnx").toString();

        assets.load(file, ModelAsset.class);
        GdxRuntimeException e = assertThrows(GdxRuntimeException.class, assets::finishLoading);

        AnimataException cause = findAnimataException(e);
        assertTrue(cause.getMessage().startsWith("cannot read model file '" + new FileHandle(file).path() + "'"),
                cause.getMessage());
    }

    @Test
    void unloadingWhileTheSessionIsBeingMadeLeavesNothingBehind() throws InterruptedException {
        Path path = TinyOnnx.writeRelu(dir.resolve("tiny.onnx"));
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AssetManager blocking = new AssetManager(fileName -> new BlockingFileHandle(path, reading, release), false);
        OnnxModelLoader blockingLoader = new OnnxModelLoader(blocking.getFileHandleResolver(), runtime);
        blocking.setLoader(ModelAsset.class, ".onnx", blockingLoader);
        try {
            blocking.load(path.toString(), ModelAsset.class);
            while (!reading.await(10, TimeUnit.MILLISECONDS)) {
                blocking.update(); // until loadAsync is running on the executor
            }

            blocking.unload(path.toString());
            release.countDown();
        } finally {
            release.countDown();
            blocking.dispose(); // waits for the executor, so loadAsync has ended
        }

        assertFalse(blocking.isLoaded(path.toString()));
        assertEquals(0, blockingLoader.waitingModels());
    }

    /** A file whose {@link #readBytes} waits, holding {@code loadAsync} on the executor until the test is ready. */
    private static final class BlockingFileHandle extends FileHandle {
        private final CountDownLatch reading;
        private final CountDownLatch release;

        BlockingFileHandle(Path path, CountDownLatch reading, CountDownLatch release) {
            super(path.toFile());
            this.reading = reading;
            this.release = release;
        }

        @Override
        public byte[] readBytes() {
            reading.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return super.readBytes();
        }
    }

    private static void runOnce(OnnxModel model) {
        model.run("input", new float[TinyOnnx.WIDTH], new long[] {1, TinyOnnx.WIDTH});
    }

    private static AnimataException findAnimataException(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof AnimataException a) {
                return a;
            }
        }
        assertNotNull(null, "no AnimataException in the cause chain of " + thrown);
        throw new AssertionError();
    }
}
