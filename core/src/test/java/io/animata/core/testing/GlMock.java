package io.animata.core.testing;

import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.Graphics;
import com.badlogic.gdx.graphics.GL20;
import com.badlogic.gdx.utils.GdxNativesLoader;
import java.lang.reflect.Proxy;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for OpenGL in headless tests: installs a {@link GL20} made with {@link Proxy} as {@code Gdx.gl} and
 * {@code Gdx.gl20} (every call returns its type's default, texture handles count up), records the texture uploads
 * and deletions and the thread of each GL call, and loads libGDX's natives so {@code Pixmap}s work. A
 * {@code Gdx.graphics} of defaults comes with it (a texture asks it for GL extensions: none here).
 * {@link #close} puts the previous {@code Gdx.gl} and {@code Gdx.graphics} back.
 */
public final class GlMock implements AutoCloseable {
    /** One {@code glTexImage2D} call: its size, a copy of its pixels, and the thread that made it. */
    public record Upload(int level, int width, int height, byte[] pixels, Thread thread) {
    }

    private final GL20 previousGl;
    private final GL20 previousGl20;
    private final Graphics previousGraphics;
    private final AtomicInteger handles = new AtomicInteger();
    private final List<Upload> uploads = new CopyOnWriteArrayList<>();
    private final List<Integer> deleted = new CopyOnWriteArrayList<>();
    private final List<Thread> glThreads = new CopyOnWriteArrayList<>();

    private GlMock() {
        GdxNativesLoader.load();
        previousGl = Gdx.gl;
        previousGl20 = Gdx.gl20;
        previousGraphics = Gdx.graphics;
        GL20 gl = (GL20) Proxy.newProxyInstance(GL20.class.getClassLoader(), new Class<?>[] {GL20.class},
                (proxy, method, args) -> {
                    glThreads.add(Thread.currentThread());
                    switch (method.getName()) {
                        case "glGenTexture":
                            return handles.incrementAndGet();
                        case "glTexImage2D":
                            uploads.add(new Upload((Integer) args[1], (Integer) args[3], (Integer) args[4],
                                    copy((Buffer) args[8]), Thread.currentThread()));
                            return null;
                        case "glDeleteTexture":
                            deleted.add((Integer) args[0]);
                            return null;
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        case "toString":
                            return "GlMock";
                        default:
                            return defaultValue(method.getReturnType());
                    }
                });
        Gdx.gl = gl;
        Gdx.gl20 = gl;
        Gdx.graphics = (Graphics) Proxy.newProxyInstance(Graphics.class.getClassLoader(),
                new Class<?>[] {Graphics.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getGL20" -> gl;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "GlMock graphics";
                    default -> defaultValue(method.getReturnType());
                });
    }

    /** @return a mock installed as {@code Gdx.gl} and {@code Gdx.gl20} until closed */
    public static GlMock install() {
        return new GlMock();
    }

    private static byte[] copy(Buffer buffer) {
        if (!(buffer instanceof ByteBuffer b)) {
            return new byte[0];
        }
        ByteBuffer view = b.duplicate();
        view.position(0);
        byte[] out = new byte[view.remaining()];
        view.get(out);
        return out;
    }

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == short.class) {
            return (short) 0;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        if (type == char.class) {
            return '\0';
        }
        return null;
    }

    /** @return every {@code glTexImage2D} call so far */
    public List<Upload> uploads() {
        return uploads;
    }

    /** @return the texture handles deleted so far */
    public List<Integer> deleted() {
        return deleted;
    }

    /** @return the threads of every GL call so far */
    public List<Thread> glThreads() {
        return glThreads;
    }

    @Override
    public void close() {
        Gdx.gl = previousGl;
        Gdx.gl20 = previousGl20;
        Gdx.graphics = previousGraphics;
    }
}
