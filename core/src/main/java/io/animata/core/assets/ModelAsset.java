package io.animata.core.assets;

import com.badlogic.gdx.utils.Disposable;
import io.animata.runtime.AiRuntime;
import io.animata.runtime.onnx.OnnxModel;

/**
 * An ONNX model loaded through an {@code AssetManager} by {@link OnnxModelLoader}.
 *
 * <p>Ownership: the asset owns its model until the game hands the model to {@link AiRuntime#queue}, which (per the
 * runtime's contract) makes the runtime its owner. So {@link #dispose} (called by {@code AssetManager.unload} and
 * {@code AssetManager.dispose}) closes a model that was never queued, and leaves a queued model to
 * {@link AiRuntime#close}: the runtime has no way to drop a queue, and closing a model its worker may be running
 * would free the session under it.
 *
 * <p>Threading: {@link #model} may be read from any thread; {@link #dispose} is called on the game thread.
 *
 * <pre>{@code
 * ModelQueue policy = runtime.queue(assets.get("models/policy.onnx", ModelAsset.class).model());
 * }</pre>
 */
public final class ModelAsset implements Disposable {
    private final OnnxModel model;
    private final AiRuntime runtime;

    ModelAsset(OnnxModel model, AiRuntime runtime) {
        this.model = model;
        this.runtime = runtime;
    }

    /** @return the loaded model, open until this asset is disposed (or, once queued, until the runtime closes) */
    public OnnxModel model() {
        return model;
    }

    /** Closes the model unless a runtime queue has taken it over. Idempotent. */
    @Override
    public void dispose() {
        if (!queuedIn(runtime)) {
            model.close();
        }
    }

    private boolean queuedIn(AiRuntime rt) {
        // queues are only ever added, so an index read after queueCount() stays valid
        int n = rt.queueCount();
        for (int i = 0; i < n; i++) {
            if (rt.queueAt(i).model() == model) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "ModelAsset[" + model + "]";
    }
}
