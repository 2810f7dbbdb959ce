package io.animata.core.assets;

import com.badlogic.gdx.assets.AssetDescriptor;
import com.badlogic.gdx.assets.AssetManager;
import com.badlogic.gdx.assets.loaders.AsynchronousAssetLoader;
import com.badlogic.gdx.assets.loaders.FileHandleResolver;
import com.badlogic.gdx.files.FileHandle;
import com.badlogic.gdx.graphics.Pixmap;
import com.badlogic.gdx.graphics.Texture;
import com.badlogic.gdx.utils.Array;
import com.badlogic.gdx.utils.GdxRuntimeException;
import io.animata.core.texture.Pixmaps;
import io.animata.core.texture.nca.NcaGrower;
import io.animata.core.texture.nca.NcaGrowth;
import io.animata.core.texture.nca.NcaSource;
import io.animata.core.texture.nca.NcaTexture;
import io.animata.runtime.AiRuntime;
import io.animata.runtime.AnimataException;
import io.animata.runtime.Job;
import java.time.Duration;
import java.util.Objects;

/**
 * Loads neural textures ({@code NAME.onnx} with its sidecar {@code NAME.json}, see {@link NcaTexture}) through a
 * libGDX {@link AssetManager} as seamless {@link Texture}s. The growth runs on the AI runtime's job worker
 * ({@link NcaGrower}, which opens and closes the ONNX session there): {@link #loadAsync}, on the asset manager's
 * executor thread, reads the files, hands the growth to the worker and waits for it, then copies the pixels into a
 * {@link Pixmap}; {@link #loadSync} creates only the {@code Texture}, on the GL thread. Growths queue behind other
 * background jobs of the runtime and never run on the game thread or on the policy workers.
 *
 * <p>Register it for {@code .onnx} files of type {@code Texture} (an {@link OnnxModelLoader} may serve
 * {@code .onnx} files of type {@link ModelAsset} in the same manager). A missing file, a model that is not an
 * automaton step, a malformed sidecar, or a growth that outlives {@link Parameters#timeoutSeconds} fails the load:
 * {@code AssetManager.update()} throws a {@link GdxRuntimeException} whose cause chain holds the
 * {@link AnimataException} that names the file and says what an NCA model is.
 *
 * <p>Threading: construct it on the game thread (it makes the runtime's job queue). The asset manager calls
 * {@link #loadAsync} on its executor thread and the other methods on the thread that calls {@code update()} (the GL
 * thread); the loader keeps no per-load state outside its {@link PendingAssets}.
 *
 * <pre>{@code
 * AssetManager assets = new AssetManager();
 * assets.setLoader(Texture.class, ".onnx", new NcaTextureLoader(assets.getFileHandleResolver(), runtime));
 * NcaTextureLoader.Parameters p = new NcaTextureLoader.Parameters();
 * p.width = 256; p.height = 256; p.seed = 7;           // steps: 0, the model's own
 * assets.load("models/nca/lava.onnx", Texture.class, p);
 * // once assets.update() returns true:
 * Texture lava = assets.get("models/nca/lava.onnx", Texture.class);
 * }</pre>
 */
public final class NcaTextureLoader extends AsynchronousAssetLoader<Texture, NcaTextureLoader.Parameters> {
    private final NcaGrower grower;
    private final PendingAssets<Pixmap> pending = new PendingAssets<>();

    /**
     * @param resolver turns asset file names into file handles (usually the asset manager's)
     * @param runtime whose job worker grows the textures, with its session settings (threads, device); it must
     *     stay open while textures load
     */
    public NcaTextureLoader(FileHandleResolver resolver, AiRuntime runtime) {
        super(Objects.requireNonNull(resolver, "resolver"));
        this.grower = new NcaGrower(Objects.requireNonNull(runtime, "runtime"));
    }

    /** @return {@code null}: a model depends on no other asset (its sidecar is read with it) */
    @Override
    @SuppressWarnings("rawtypes") // the signature libGDX declares
    public Array<AssetDescriptor> getDependencies(String fileName, FileHandle file, Parameters parameter) {
        return null;
    }

    /**
     * Reads the model and its sidecar, grows the texture on the runtime's job worker, waits for it, and copies the
     * pixels into a {@link Pixmap}. Runs on the asset manager's executor thread.
     *
     * @throws AnimataException when a file is missing or wrong, the growth fails, or it takes longer than the timeout
     */
    @Override
    public void loadAsync(AssetManager manager, String fileName, FileHandle file, Parameters parameter) {
        pending.begin(fileName);
        Pixmap pixmap = null;
        try {
            Parameters p = parameter != null ? parameter : new Parameters();
            if (!(p.timeoutSeconds > 0)) {
                throw new AnimataException("NCA texture " + fileName + ": timeoutSeconds must be positive, was "
                        + p.timeoutSeconds);
            }
            Job<NcaGrowth> job = grower.run(read(file), p.width, p.height, p.steps, p.seed);
            NcaGrowth growth;
            try {
                growth = job.await(Duration.ofMillis((long) (p.timeoutSeconds * 1000)));
            } catch (AnimataException e) {
                job.cancel(); // a growth not started yet never starts; one running ends on its own
                throw e;
            }
            pixmap = Pixmaps.toPixmap(growth.pixels());
        } finally {
            pending.finish(fileName, pixmap);
        }
    }

    /** Reads the model and, when there is one, {@code NAME.json} beside it; on the executor thread. */
    private static NcaSource read(FileHandle file) {
        if (file.isDirectory()) {
            throw new AnimataException("cannot read NCA model '" + file.path() + "': it is a folder; name the model's "
                    + ".onnx file in it: " + NcaSource.EXPECTED);
        }
        byte[] onnx;
        try {
            onnx = file.readBytes();
        } catch (GdxRuntimeException e) {
            throw new AnimataException("cannot read NCA model '" + file.path() + "' (" + file.type() + "): "
                    + e.getMessage() + "; " + NcaSource.EXPECTED, e);
        }
        String stem = file.nameWithoutExtension();
        FileHandle sidecar = file.sibling(stem + ".json");
        String json = null;
        if (sidecar.exists()) {
            try {
                json = sidecar.readString("UTF-8");
            } catch (GdxRuntimeException e) {
                throw new AnimataException("cannot read NCA sidecar '" + sidecar.path() + "': " + e.getMessage(), e);
            }
        }
        return NcaSource.of(stem, file.path(), onnx, json);
    }

    /** Creates the {@link Texture} from the pixels {@link #loadAsync} made. Runs on the GL thread. */
    @Override
    public Texture loadSync(AssetManager manager, String fileName, FileHandle file, Parameters parameter) {
        Parameters p = parameter != null ? parameter : new Parameters();
        return p.createTexture(pending.take(fileName));
    }

    /** Disposes pixels whose load the game cancelled by unloading it; runs on the game thread. */
    @Override
    public void unloadAsync(AssetManager manager, String fileName, FileHandle file, Parameters parameter) {
        pending.cancel(fileName);
    }

    /** @return pixmaps made by {@link #loadAsync} and not yet handed over or disposed (for tests and diagnostics) */
    int waitingPixmaps() {
        return pending.waiting();
    }

    /** Options for growing one neural texture. */
    public static final class Parameters extends TextureOptions {
        /** Texture width in pixels, 3 to {@value NcaGrower#MAX_SIZE} (default 256). */
        public int width = 256;
        /** Texture height in pixels, 3 to {@value NcaGrower#MAX_SIZE} (default 256). */
        public int height = 256;
        /** The seed: the same seed, size and steps grow the same pixels (default 0). */
        public long seed;
        /** Growth steps; 0 (the default) takes the model's own, from its sidecar. */
        public int steps;
        /**
         * Longest wait for the growth, seconds (default 120: a 1024 x 1024 texture takes tens of seconds on one CPU
         * core, and the growth may queue behind other background jobs).
         */
        public double timeoutSeconds = 120;
    }
}
