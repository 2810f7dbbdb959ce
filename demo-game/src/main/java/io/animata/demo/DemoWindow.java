package io.animata.demo;

import com.badlogic.gdx.ApplicationAdapter;
import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.graphics.Pixmap;
import com.badlogic.gdx.graphics.PixmapIO;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.Deflater;

/**
 * A demo scene in a window: the lifecycle a window backend drives, shared by the scenes. The public lifecycle
 * methods are final and call the scene's hooks in a fixed order: {@link #onCreate()} once, then per frame
 * {@link #update(float)} (input and simulation) and {@link #draw()}, and {@link #finish(FrameTimes)} once at the end,
 * which releases what the scene made and returns the report of the run. Around them it times each frame, quits
 * after {@link #optFrameLimit} frames and saves the last frame as a PNG ({@link #optScreenshot}).
 *
 * <p>Threading: every method is called by the backend on the GL thread. {@link #dispose()} may be called more than
 * once, and before {@link #create()} (a window that never opened): then there is no report.
 *
 * <pre>{@code
 * DemoWindow<DemoReport> game = new DemoGame(DemoSettings.defaults()).optFrameLimit(120);
 * new Lwjgl3Application(game, config);       // returns when the window closes
 * game.report().ifPresent(r -> System.out.println(r.resultLine()));
 * }</pre>
 *
 * @param <R> the scene's report
 */
public abstract class DemoWindow<R extends RunReport> extends ApplicationAdapter {
    private final FrameTimes frameTimes = new FrameTimes();
    private int frameLimit;
    private Path screenshot;
    private boolean created;
    private boolean screenshotWritten;
    private boolean disposed;
    private long renderedFrames;
    private R report;

    /**
     * Quits after {@code frames} rendered frames (0, the default, runs until the window is closed).
     *
     * @return this window
     */
    public DemoWindow<R> optFrameLimit(int frames) {
        if (frames < 0) {
            throw new IllegalArgumentException("frame limit must be >= 0, was " + frames);
        }
        this.frameLimit = frames;
        return this;
    }

    /**
     * Saves the last rendered frame as a PNG at {@code file} when the frame limit is reached (or at the first frame
     * when there is no limit), then quits.
     *
     * @return this window
     */
    public DemoWindow<R> optScreenshot(Path file) {
        this.screenshot = file;
        return this;
    }

    /** Makes the scene (its world, GL objects), then sizes it to the window. */
    protected abstract void onCreate();

    /** The window's drawable area changed to {@code width x height} pixels (both positive). */
    protected abstract void onResize(int width, int height);

    /** Reads input and advances the simulation by {@code deltaSeconds} of real time. */
    protected abstract void update(float deltaSeconds);

    /** Draws the frame. */
    protected abstract void draw();

    /**
     * Releases everything the scene made (called once, also after a failed {@link #onCreate()}: fields may be null).
     *
     * @param frameTimes the time each frame spent in {@code update} and {@code draw}
     * @return the report of the run, or null when the scene never ran
     */
    protected abstract R finish(FrameTimes frameTimes);

    @Override
    public final void create() {
        created = true;
        onCreate();
        resize(Gdx.graphics.getWidth(), Gdx.graphics.getHeight());
    }

    @Override
    public final void resize(int width, int height) {
        if (!created || width <= 0 || height <= 0) {
            return; // minimised, or not created yet
        }
        onResize(width, height);
    }

    @Override
    public final void render() {
        long start = System.nanoTime();
        update(Gdx.graphics.getDeltaTime());
        draw();
        frameTimes.record(System.nanoTime() - start);
        renderedFrames++;

        boolean lastFrame = frameLimit > 0 && renderedFrames >= frameLimit;
        if (screenshot != null && !screenshotWritten && (lastFrame || frameLimit == 0)) {
            writeScreenshot(screenshot);
            screenshotWritten = true;
            lastFrame = true;
        }
        if (lastFrame) {
            Gdx.app.exit();
        }
    }

    @Override
    public final void dispose() {
        if (disposed) {
            return;
        }
        disposed = true;
        if (created) {
            report = finish(frameTimes);
        }
    }

    /** Reads the back buffer into a PNG, opaque. */
    private static void writeScreenshot(Path file) {
        int w = Gdx.graphics.getBackBufferWidth();
        int h = Gdx.graphics.getBackBufferHeight();
        Pixmap pixmap = Pixmap.createFromFrameBuffer(0, 0, w, h);
        try {
            // blending leaves alpha below 1 where translucent shapes were drawn: make the picture opaque
            ByteBuffer pixels = pixmap.getPixels();
            for (int i = 3; i < pixels.limit(); i += 4) {
                pixels.put(i, (byte) 0xff);
            }
            PixmapIO.writePNG(Gdx.files.absolute(file.toAbsolutePath().toString()), pixmap,
                    Deflater.DEFAULT_COMPRESSION, true);
        } finally {
            pixmap.dispose();
        }
        Gdx.app.log("DemoWindow", "screenshot " + w + "x" + h + " written to " + file.toAbsolutePath());
    }

    /** @return the time of each frame so far (a HUD reads its smoothed figure) */
    protected final FrameTimes frameTimes() {
        return frameTimes;
    }

    /** @return whether {@link #create()} was reached (false when the window could not be created) */
    public boolean wasCreated() {
        return created;
    }

    /** @return the rendered frames */
    public long renderedFrames() {
        return renderedFrames;
    }

    /** @return whether {@link #optScreenshot} was set and the picture was written */
    public boolean screenshotWritten() {
        return screenshotWritten;
    }

    /**
     * @return what the run did, with the time spent in {@code render} (simulation and drawing) as frame time;
     *     available once the window was disposed, empty before or if it never started
     */
    public Optional<R> report() {
        return Optional.ofNullable(report);
    }
}
