package io.animata.core.assets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.gdx.assets.AssetManager;
import com.badlogic.gdx.files.FileHandle;
import com.badlogic.gdx.graphics.Texture;
import com.badlogic.gdx.utils.GdxRuntimeException;
import io.animata.core.testing.GlMock;
import io.animata.core.texture.PixelBuffer;
import io.animata.core.texture.RowExecutor;
import io.animata.core.texture.recipe.TextureRecipe;
import io.animata.runtime.AnimataException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives a real {@link AssetManager} (its executor thread included) with no libGDX application and no GL context:
 * {@link GlMock} stands in for {@code Gdx.gl} and records what the texture uploads.
 */
class RecipeTextureLoaderTest {
    @TempDir
    Path dir;

    private GlMock gl;
    private RowExecutor rows;
    private AssetManager assets;
    private RecipeTextureLoader loader;

    @BeforeEach
    void setUp() {
        gl = GlMock.install();
        rows = RowExecutor.create(2);
        assets = new AssetManager(fileName -> new FileHandle(fileName), false);
        loader = new RecipeTextureLoader(assets.getFileHandleResolver(), rows);
        assets.setLoader(Texture.class, ".json", loader);
    }

    @AfterEach
    void tearDown() {
        assets.dispose();
        rows.close();
        gl.close();
    }

    private Path shipped(String name) throws IOException {
        Path root = Path.of(System.getProperty("animata.root", "..")).resolve("assets/textures/recipes");
        return Files.copy(root.resolve(name + ".json"), dir.resolve(name + ".json"));
    }

    private static RecipeTextureLoader.Parameters size(int width, int height, long seed) {
        RecipeTextureLoader.Parameters p = new RecipeTextureLoader.Parameters();
        p.width = width;
        p.height = height;
        p.seed = seed;
        return p;
    }

    @Test
    void deliversTheRecipesPixelsAsATextureMadeOnTheGameThread() throws IOException {
        String file = shipped("grass").toString();

        assets.load(file, Texture.class, size(64, 32, 5));
        assets.finishLoading();

        Texture texture = assets.get(file, Texture.class);
        assertEquals(64, texture.getWidth());
        assertEquals(32, texture.getHeight());
        assertEquals(Texture.TextureWrap.Repeat, texture.getUWrap());
        assertEquals(Texture.TextureFilter.Linear, texture.getMagFilter());
        assertEquals(1, gl.uploads().size());
        GlMock.Upload upload = gl.uploads().get(0);
        assertEquals(64, upload.width());
        assertEquals(32, upload.height());
        assertEquals(Thread.currentThread(), upload.thread(), "the texture is made on the thread calling update()");
        PixelBuffer expected = TextureRecipe.builtIn("grass").render(64, 32, 5).color();
        ByteBuffer bytes = ByteBuffer.allocate(64 * 32 * 4);
        expected.copyTo(bytes);
        assertArrayEquals(bytes.array(), upload.pixels(), "the uploaded pixels are the recipe's, seed 5");
        assertEquals(0, loader.waitingPixmaps());
    }

    @Test
    void thePixelsAreMadeOffTheGameThread() throws IOException {
        Path file = shipped("sand");
        Thread[] reader = new Thread[1];
        AssetManager watched = new AssetManager(fileName -> new FileHandle(file.toFile()) {
            @Override
            public String readString(String charset) {
                reader[0] = Thread.currentThread();
                return super.readString(charset);
            }
        }, false);
        watched.setLoader(Texture.class, ".json", new RecipeTextureLoader(watched.getFileHandleResolver()));
        try {
            watched.load(file.toString(), Texture.class, size(16, 16, 1));
            watched.finishLoading();
            assertNotNull(watched.get(file.toString(), Texture.class));
        } finally {
            watched.dispose();
        }
        assertNotNull(reader[0]);
        assertNotEquals(Thread.currentThread(), reader[0], "loadAsync runs on the asset manager's executor");
    }

    @Test
    void unloadingDeletesTheGlTexture() throws IOException {
        String file = shipped("water").toString();
        assets.load(file, Texture.class, size(16, 16, 1));
        assets.finishLoading();
        int handle = assets.get(file, Texture.class).getTextureObjectHandle();

        assets.unload(file);

        assertFalse(assets.isLoaded(file));
        assertTrue(gl.deleted().contains(handle), "deleted " + gl.deleted() + ", handle " + handle);
    }

    @Test
    void aWrongRecipeFailsTheLoadNamingNodeAndField() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.json"), """
                {"nodes": {"n": {"type": "noise", "fractal": "fbn"},
                           "c": {"type": "ramp", "input": "n", "stops": [[0, "#000000"]]}},
                 "output": {"color": "c"}}""");

        assets.load(file.toString(), Texture.class, size(8, 8, 0));
        GdxRuntimeException e = assertThrows(GdxRuntimeException.class, assets::finishLoading);

        AnimataException cause = findAnimataException(e);
        assertEquals("recipe 'broken': node 'n' field 'fractal': expected one of none, fbm, ridged, pingpong, got "
                + "\"fbn\"", cause.getMessage());
        assertFalse(assets.isLoaded(file.toString()));
        assertEquals(0, loader.waitingPixmaps());
        assertTrue(gl.uploads().isEmpty());
    }

    @Test
    void aMissingFileFailsTheLoad() {
        String file = dir.resolve("missing.json").toString();
        assets.load(file, Texture.class);
        GdxRuntimeException e = assertThrows(GdxRuntimeException.class, assets::finishLoading);
        assertTrue(findAnimataException(e).getMessage().startsWith("cannot read texture recipe '"),
                findAnimataException(e).getMessage());
    }

    @Test
    void unloadingWhileRenderingLeavesNothingBehind() throws Exception {
        Path file = shipped("stone");
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AssetManager blocking = new AssetManager(fileName -> new FileHandle(file.toFile()) {
            @Override
            public String readString(String charset) {
                reading.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.readString(charset);
            }
        }, false);
        RecipeTextureLoader blockingLoader = new RecipeTextureLoader(blocking.getFileHandleResolver());
        blocking.setLoader(Texture.class, ".json", blockingLoader);
        try {
            blocking.load(file.toString(), Texture.class, size(16, 16, 1));
            while (!reading.await(10, TimeUnit.MILLISECONDS)) {
                blocking.update(); // until loadAsync is running on the executor
            }
            blocking.unload(file.toString());
            release.countDown();
        } finally {
            release.countDown();
            blocking.dispose(); // waits for the executor, so loadAsync has ended
        }
        assertFalse(blocking.isLoaded(file.toString()));
        assertEquals(0, blockingLoader.waitingPixmaps());
        assertTrue(gl.uploads().isEmpty(), "no texture was made for a cancelled load");
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
