package io.animata.core.assets;

import com.badlogic.gdx.assets.AssetDescriptor;
import com.badlogic.gdx.assets.AssetLoaderParameters;
import com.badlogic.gdx.assets.AssetManager;
import com.badlogic.gdx.assets.loaders.AsynchronousAssetLoader;
import com.badlogic.gdx.assets.loaders.FileHandleResolver;
import com.badlogic.gdx.files.FileHandle;
import com.badlogic.gdx.utils.Array;
import com.badlogic.gdx.utils.GdxRuntimeException;
import io.animata.runtime.AiRuntime;
import io.animata.runtime.AnimataException;
import io.animata.runtime.onnx.OnnxModel;
import java.util.Objects;

/**
 * Loads ONNX models through a libGDX {@link AssetManager}, as {@link ModelAsset}s, with the session settings of an
 * {@link AiRuntime} ({@link AiRuntime#sessionConfig()}: threads and device).
 *
 * <p>Creating an ONNX Runtime session is slow (tens to hundreds of milliseconds), so the whole load happens in
 * {@link #loadAsync} on the asset manager's executor thread; {@link #loadSync} on the game thread only hands the
 * asset over. The model is not registered with the runtime ({@link AiRuntime#loadModel} would make the runtime its
 * owner for good): the asset manager owns it until the game queues it, see {@link ModelAsset}.
 *
 * <p>A missing, unreadable or corrupt file fails the load: {@code AssetManager.update()} throws a
 * {@link GdxRuntimeException} whose cause chain holds the {@link AnimataException} that says what is wrong.
 *
 * <p>Threading: the asset manager calls {@link #loadAsync} on its executor thread and the other methods on the
 * thread that calls {@code update()}; the loader keeps no per-load state outside its {@link PendingAssets}.
 *
 * <pre>{@code
 * AssetManager assets = new AssetManager();
 * assets.setLoader(ModelAsset.class, ".onnx", new OnnxModelLoader(assets.getFileHandleResolver(), runtime));
 * assets.load("models/policy.onnx", ModelAsset.class);
 * // later, once assets.update() returns true:
 * OnnxModel policy = assets.get("models/policy.onnx", ModelAsset.class).model();
 * }</pre>
 */
public final class OnnxModelLoader extends AsynchronousAssetLoader<ModelAsset, OnnxModelLoader.Parameters> {
    private final AiRuntime runtime;
    private final PendingAssets<ModelAsset> pending = new PendingAssets<>();

    /**
     * @param resolver turns asset file names into file handles (usually the asset manager's)
     * @param runtime whose session settings models are loaded with, and which takes over models the game queues
     */
    public OnnxModelLoader(FileHandleResolver resolver, AiRuntime runtime) {
        super(Objects.requireNonNull(resolver, "resolver"));
        this.runtime = Objects.requireNonNull(runtime, "runtime");
    }

    /** @return {@code null}: a model file depends on nothing else (libGDX's convention for "no dependencies") */
    @Override
    @SuppressWarnings("rawtypes") // the signature libGDX declares
    public Array<AssetDescriptor> getDependencies(String fileName, FileHandle file, Parameters parameter) {
        return null;
    }

    /**
     * Reads the file and creates the ONNX Runtime session. Runs on the asset manager's executor thread.
     *
     * @throws AnimataException when the file is missing, unreadable or not a valid ONNX model
     */
    @Override
    public void loadAsync(AssetManager manager, String fileName, FileHandle file, Parameters parameter) {
        pending.begin(fileName);
        ModelAsset asset = null;
        try {
            String name = parameter != null && parameter.name != null ? parameter.name : file.nameWithoutExtension();
            asset = new ModelAsset(createModel(name, file), runtime);
        } finally {
            pending.finish(fileName, asset);
        }
    }

    private OnnxModel createModel(String name, FileHandle file) {
        return OnnxModel.load(name, file.path(), readBytes(file), runtime.sessionConfig());
    }

    private static byte[] readBytes(FileHandle file) {
        try {
            return file.readBytes();
        } catch (GdxRuntimeException e) {
            throw new AnimataException("cannot read model file '" + file.path() + "' (" + file.type() + "): "
                    + e.getMessage(), e);
        }
    }

    /** Hands over the asset {@link #loadAsync} made. Runs on the game thread. */
    @Override
    public ModelAsset loadSync(AssetManager manager, String fileName, FileHandle file, Parameters parameter) {
        return pending.take(fileName);
    }

    /** Disposes a model whose load the game cancelled by unloading it; runs on the game thread. */
    @Override
    public void unloadAsync(AssetManager manager, String fileName, FileHandle file, Parameters parameter) {
        pending.cancel(fileName);
    }

    /** @return models made by {@link #loadAsync} and not yet handed over or disposed (for tests and diagnostics) */
    int waitingModels() {
        return pending.waiting();
    }

    /** Options for loading one model. */
    public static final class Parameters extends AssetLoaderParameters<ModelAsset> {
        /**
         * The model's name in logs, metrics and errors; {@code null} (the default) uses the file name without its
         * extension.
         */
        public String name;
    }
}
