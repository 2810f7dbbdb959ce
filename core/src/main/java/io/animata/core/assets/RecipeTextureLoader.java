package io.animata.core.assets;

import com.badlogic.gdx.assets.AssetDescriptor;
import com.badlogic.gdx.assets.AssetManager;
import com.badlogic.gdx.assets.loaders.AsynchronousAssetLoader;
import com.badlogic.gdx.assets.loaders.FileHandleResolver;
import com.badlogic.gdx.files.FileHandle;
import com.badlogic.gdx.graphics.Pixmap;
import com.badlogic.gdx.graphics.Texture;
import com.badlogic.gdx.graphics.Texture.TextureWrap;
import com.badlogic.gdx.utils.Array;
import com.badlogic.gdx.utils.GdxRuntimeException;
import io.animata.core.texture.Pixmaps;
import io.animata.core.texture.RowExecutor;
import io.animata.core.texture.recipe.TextureRecipe;
import io.animata.runtime.AnimataException;
import java.util.Objects;

/**
 * Loads texture recipes ({@code .json}, see {@link TextureRecipe}) through a libGDX {@link AssetManager} as
 * {@link Texture}s: the pixels are made in {@link #loadAsync} on the asset manager's executor thread (rows spread over
 * the loader's {@link RowExecutor}), copied into a {@link Pixmap} there, and only the {@code Texture} is created in
 * {@link #loadSync} on the GL thread. Tileable recipes get {@link TextureWrap#Repeat} on both axes.
 *
 * <p>A missing file or a wrong recipe fails the load: {@code AssetManager.update()} throws a
 * {@link GdxRuntimeException} whose cause chain holds the {@link AnimataException} naming the node and the field.
 *
 * <p>Threading: the asset manager calls {@link #loadAsync} on its executor thread and the other methods on the
 * thread that calls {@code update()} (the GL thread); the loader keeps no per-load state outside its
 * {@link PendingAssets}. The executor given to it stays the caller's to close.
 *
 * <pre>{@code
 * AssetManager assets = new AssetManager();
 * assets.setLoader(Texture.class, ".json", new RecipeTextureLoader(assets.getFileHandleResolver(), rows));
 * RecipeTextureLoader.Parameters p = new RecipeTextureLoader.Parameters();
 * p.width = 512; p.height = 512; p.seed = 7;
 * assets.load("textures/recipes/grass.json", Texture.class, p);
 * // once assets.update() returns true:
 * Texture grass = assets.get("textures/recipes/grass.json", Texture.class);
 * }</pre>
 */
public final class RecipeTextureLoader extends AsynchronousAssetLoader<Texture, RecipeTextureLoader.Parameters> {
    private final RowExecutor rows;
    private final PendingAssets<Pixmap> pending = new PendingAssets<>();

    /**
     * A loader that renders each texture's rows on the asset manager's executor thread alone.
     *
     * @param resolver turns asset file names into file handles (usually the asset manager's)
     */
    public RecipeTextureLoader(FileHandleResolver resolver) {
        this(resolver, RowExecutor.callerThread());
    }

    /**
     * @param resolver turns asset file names into file handles (usually the asset manager's)
     * @param rows spreads each texture's rows over its threads (the caller closes it after the asset manager)
     */
    public RecipeTextureLoader(FileHandleResolver resolver, RowExecutor rows) {
        super(Objects.requireNonNull(resolver, "resolver"));
        this.rows = Objects.requireNonNull(rows, "rows");
    }

    /** @return {@code null}: a recipe depends on nothing else (libGDX's convention for "no dependencies") */
    @Override
    @SuppressWarnings("rawtypes") // the signature libGDX declares
    public Array<AssetDescriptor> getDependencies(String fileName, FileHandle file, Parameters parameter) {
        return null;
    }

    /**
     * Reads and renders the recipe and copies the pixels into a {@link Pixmap}. Runs on the asset manager's
     * executor thread.
     *
     * @throws AnimataException when the file is missing or unreadable, or the recipe is wrong
     */
    @Override
    public void loadAsync(AssetManager manager, String fileName, FileHandle file, Parameters parameter) {
        pending.begin(fileName);
        Pixmap pixmap = null;
        try {
            Parameters p = parameter != null ? parameter : new Parameters();
            if (p.width < 1 || p.height < 1) {
                throw new AnimataException("texture recipe " + fileName + ": width and height must be positive, were "
                        + p.width + " x " + p.height);
            }
            TextureRecipe recipe = TextureRecipe.parse(file.nameWithoutExtension(), readString(file));
            pixmap = Pixmaps.toPixmap(recipe.render(p.width, p.height, p.seed, rows).color());
        } finally {
            pending.finish(fileName, pixmap);
        }
    }

    private static String readString(FileHandle file) {
        try {
            return file.readString("UTF-8");
        } catch (GdxRuntimeException e) {
            throw new AnimataException("cannot read texture recipe '" + file.path() + "' (" + file.type() + "): "
                    + e.getMessage(), e);
        }
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

    /** Options for loading one recipe texture. */
    public static final class Parameters extends TextureOptions {
        /** Texture width in pixels (default 512). */
        public int width = 512;
        /** Texture height in pixels (default 512). */
        public int height = 512;
        /** The recipe's seed: the same seed and size give the same pixels (default 0). */
        public long seed;
    }
}
