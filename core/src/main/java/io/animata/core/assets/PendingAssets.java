package io.animata.core.assets;

import com.badlogic.gdx.utils.Disposable;
import com.badlogic.gdx.utils.ObjectMap;
import com.badlogic.gdx.utils.ObjectSet;

/**
 * What an asynchronous loader made on the loading thread and has not yet handed over in {@code loadSync}, by file
 * name, so that nothing native leaks when a load is cancelled.
 *
 * <p>Why it is needed: when the game unloads an asset that is still loading, libGDX's {@code AssetManager} calls
 * {@code unloadAsync} on the game thread at once, possibly while {@code loadAsync} is still running on the
 * executor, and never calls {@code loadSync}. An asset finished before the cancel is disposed by {@link #cancel};
 * one still being made is marked, and {@link #finish} disposes it when it arrives.
 *
 * <p>Threading: every method may be called from any thread; all state is guarded by one lock, and disposal happens
 * outside it.
 *
 * @param <T> the asset type
 */
final class PendingAssets<T extends Disposable> {
    private final Object lock = new Object();
    private final ObjectSet<String> loading = new ObjectSet<>();
    private final ObjectSet<String> cancelled = new ObjectSet<>();
    private final ObjectMap<String, T> finished = new ObjectMap<>();

    /** Loading thread, before making the asset: marks {@code fileName} as being loaded. */
    void begin(String fileName) {
        synchronized (lock) {
            loading.add(fileName);
        }
    }

    /**
     * Loading thread, after making the asset (or failing to: pass {@code null}): keeps it for {@link #take}, or
     * disposes it when the load was cancelled meanwhile.
     */
    void finish(String fileName, T asset) {
        T discard;
        synchronized (lock) {
            loading.remove(fileName);
            boolean wasCancelled = cancelled.remove(fileName);
            if (asset == null) {
                return;
            }
            // a leftover from a load cancelled just before begin() would otherwise stay here for good
            discard = wasCancelled ? asset : finished.put(fileName, asset);
        }
        if (discard != null) {
            discard.dispose();
        }
    }

    /**
     * Game thread, in {@code loadSync}: hands the finished asset over.
     *
     * @throws IllegalStateException when no asset for {@code fileName} is waiting
     */
    T take(String fileName) {
        T asset;
        synchronized (lock) {
            asset = finished.remove(fileName);
        }
        if (asset == null) {
            throw new IllegalStateException("no loaded asset is waiting for '" + fileName
                    + "': loadSync was called without a successful loadAsync");
        }
        return asset;
    }

    /** Game thread, in {@code unloadAsync}: disposes the finished asset, or marks a load still running. */
    void cancel(String fileName) {
        T discard;
        synchronized (lock) {
            discard = finished.remove(fileName);
            if (discard == null && loading.contains(fileName)) {
                cancelled.add(fileName);
            }
        }
        if (discard != null) {
            discard.dispose();
        }
    }

    /** @return assets made and not yet taken or disposed (for tests and diagnostics) */
    int waiting() {
        synchronized (lock) {
            return finished.size;
        }
    }
}
