package io.animata.core.assets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.badlogic.gdx.utils.Disposable;
import org.junit.jupiter.api.Test;

class PendingAssetsTest {
    private final PendingAssets<Counted> pending = new PendingAssets<>();

    /** Counts its disposals. */
    private static final class Counted implements Disposable {
        int disposals;

        @Override
        public void dispose() {
            disposals++;
        }
    }

    @Test
    void handsOverAFinishedAssetUndisposed() {
        Counted asset = new Counted();
        pending.begin("a.onnx");
        pending.finish("a.onnx", asset);

        assertSame(asset, pending.take("a.onnx"));
        assertEquals(0, asset.disposals);
        assertEquals(0, pending.waiting());
    }

    @Test
    void cancelAfterFinishDisposesTheAsset() {
        Counted asset = new Counted();
        pending.begin("a.onnx");
        pending.finish("a.onnx", asset);

        pending.cancel("a.onnx");

        assertEquals(1, asset.disposals);
        assertEquals(0, pending.waiting());
        assertThrows(IllegalStateException.class, () -> pending.take("a.onnx"));
    }

    @Test
    void cancelWhileLoadingDisposesTheAssetWhenItArrives() {
        Counted asset = new Counted();
        pending.begin("a.onnx");
        pending.cancel("a.onnx");

        pending.finish("a.onnx", asset);

        assertEquals(1, asset.disposals);
        assertEquals(0, pending.waiting());
    }

    @Test
    void aCancelledFailedLoadLeavesNoMarkForTheNextLoad() {
        pending.begin("a.onnx");
        pending.cancel("a.onnx");
        pending.finish("a.onnx", null);

        Counted next = new Counted();
        pending.begin("a.onnx");
        pending.finish("a.onnx", next);

        assertSame(next, pending.take("a.onnx"));
        assertEquals(0, next.disposals);
    }

    @Test
    void cancelWithNothingLoadingIsANoOp() {
        pending.cancel("a.onnx");

        Counted asset = new Counted();
        pending.begin("a.onnx");
        pending.finish("a.onnx", asset);

        assertSame(asset, pending.take("a.onnx"));
        assertEquals(0, asset.disposals);
    }

    @Test
    void aLeftoverIsDisposedWhenTheSameFileLoadsAgain() {
        Counted leftover = new Counted();
        pending.begin("a.onnx");
        pending.finish("a.onnx", leftover);
        Counted fresh = new Counted();

        pending.begin("a.onnx");
        pending.finish("a.onnx", fresh);

        assertEquals(1, leftover.disposals);
        assertSame(fresh, pending.take("a.onnx"));
    }

    @Test
    void takeWithoutALoadThrows() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> pending.take("a.onnx"));
        assertEquals("no loaded asset is waiting for 'a.onnx': loadSync was called without a successful loadAsync",
                e.getMessage());
    }
}
