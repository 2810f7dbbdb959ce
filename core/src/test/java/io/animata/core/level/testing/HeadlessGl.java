package io.animata.core.level.testing;

import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.Graphics;
import com.badlogic.gdx.backends.headless.mock.graphics.MockGraphics;
import com.badlogic.gdx.graphics.GL20;
import com.badlogic.gdx.utils.GdxNativesLoader;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A GL20 that does nothing, installed as {@code Gdx.gl} and {@code Gdx.gl20} (with the headless backend's
 * {@code MockGraphics} as {@code Gdx.graphics}), so that code which makes
 * {@code Texture}s ({@code TmxMapLoader}) runs headless, without a display. Pixmaps still decode (gdx natives);
 * texture uploads go nowhere. Counts the textures made.
 */
public final class HeadlessGl implements AutoCloseable {
    private final GL20 previousGl;
    private final GL20 previousGl20;
    private final Graphics previousGraphics;
    private final AtomicInteger textures = new AtomicInteger();

    private HeadlessGl() {
        GdxNativesLoader.load();
        previousGl = Gdx.gl;
        previousGl20 = Gdx.gl20;
        previousGraphics = Gdx.graphics;
        GL20 gl = (GL20) Proxy.newProxyInstance(GL20.class.getClassLoader(), new Class<?>[] {GL20.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.equals("glGenTexture")) {
                        return textures.incrementAndGet();
                    }
                    Class<?> r = method.getReturnType();
                    if (r == boolean.class) {
                        return false;
                    } else if (r == int.class) {
                        return 0;
                    } else if (r == float.class) {
                        return 0f;
                    } else if (r == long.class) {
                        return 0L;
                    } else if (r == String.class) {
                        return "";
                    } else if (name.equals("hashCode")) {
                        return System.identityHashCode(proxy);
                    } else if (name.equals("equals")) {
                        return proxy == args[0];
                    }
                    return null;
                });
        Gdx.gl = gl;
        Gdx.gl20 = gl;
        // Texture asks the graphics which extensions exist (none, here)
        Gdx.graphics = new MockGraphics();
    }

    /** @return an installed mock; close it to put back what was there */
    public static HeadlessGl install() {
        return new HeadlessGl();
    }

    /** @return textures generated through the mock */
    public int texturesMade() {
        return textures.get();
    }

    @Override
    public void close() {
        Gdx.gl = previousGl;
        Gdx.gl20 = previousGl20;
        Gdx.graphics = previousGraphics;
    }
}
