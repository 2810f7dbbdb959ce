package io.animata.core.testing;

import com.badlogic.gdx.physics.box2d.Box2D;
import com.badlogic.gdx.utils.GdxNativesLoader;

/** Loads the natives Box2D needs in a test without a libGDX application. */
public final class Box2dTests {
    private Box2dTests() {
    }

    /** Loads gdx core's natives (Box2D's JNI glue needs them) and Box2D's; idempotent. */
    public static void init() {
        GdxNativesLoader.load();
        Box2D.init();
    }
}
