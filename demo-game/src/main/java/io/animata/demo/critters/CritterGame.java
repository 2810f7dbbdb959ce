package io.animata.demo.critters;

import com.badlogic.gdx.ApplicationAdapter;
import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.Input;
import com.badlogic.gdx.graphics.Color;
import com.badlogic.gdx.graphics.GL20;
import com.badlogic.gdx.graphics.OrthographicCamera;
import com.badlogic.gdx.graphics.Pixmap;
import com.badlogic.gdx.graphics.PixmapIO;
import com.badlogic.gdx.graphics.g2d.BitmapFont;
import com.badlogic.gdx.graphics.g2d.SpriteBatch;
import com.badlogic.gdx.graphics.glutils.ShapeRenderer;
import com.badlogic.gdx.math.MathUtils;
import com.badlogic.gdx.math.Vector2;
import com.badlogic.gdx.utils.ScreenUtils;
import com.badlogic.gdx.utils.viewport.FitViewport;
import io.animata.demo.FrameTimes;
import io.animata.demo.HudText;
import io.animata.runtime.ModelMetrics;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.Deflater;

/**
 * The demo in a window: draws a {@link CritterWorld} with a {@link ShapeRenderer} (arena, critters coloured by speed,
 * sparks) and a HUD with the AI runtime's live figures (device, policy latency, batch size, queue depth) and the
 * frame time. R starts a new scene with the next seed, Esc quits.
 *
 * <p>Threading: every method is called by the backend on the GL thread. {@code render} allocates nothing in steady
 * state (the HUD text goes through one reused {@link StringBuilder}). {@link #dispose()} releases the world (Box2D,
 * AI runtime) and every GL object, and may be called more than once.
 *
 * <pre>{@code
 * new Lwjgl3Application(new CritterGame(CritterSettings.defaults()), config);
 * }</pre>
 */
public final class CritterGame extends ApplicationAdapter {
    private static final Color BACKGROUND = new Color(0.05f, 0.06f, 0.09f, 1f);
    private static final Color FLOOR = new Color(0.09f, 0.11f, 0.16f, 1f);
    private static final Color WALL = new Color(0.32f, 0.36f, 0.46f, 1f);
    private static final Color HUD_TEXT = new Color(0.92f, 0.94f, 0.98f, 1f);
    private static final int CRITTER_SEGMENTS = 14;
    private static final int SPARK_SEGMENTS = 20;
    private static final float HUD_MARGIN = 12f;
    /** World-unit band above the arena that holds the HUD, so the text never covers the critters. */
    private static final float HUD_BAND = 2.8f;

    private final CritterSettings initialSettings;
    private final FrameTimes frameTimes = new FrameTimes();
    private final StringBuilder hud = new StringBuilder(256);
    private int frameLimit;
    private Path screenshot;

    private CritterWorld world;
    private OrthographicCamera camera;
    private FitViewport viewport;
    private ShapeRenderer shapes;
    private SpriteBatch batch;
    private BitmapFont font;
    private long renderedFrames;
    private boolean created;
    private boolean screenshotWritten;
    private CritterReport report;

    /** @param settings the first scene; R moves on to the next seed */
    public CritterGame(CritterSettings settings) {
        this.initialSettings = settings;
    }

    /**
     * Quits after {@code frames} rendered frames (0, the default, runs until the window is closed).
     *
     * @return this game
     */
    public CritterGame optFrameLimit(int frames) {
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
     * @return this game
     */
    public CritterGame optScreenshot(Path file) {
        this.screenshot = file;
        return this;
    }

    @Override
    public void create() {
        created = true;
        world = new CritterWorld(initialSettings);
        camera = new OrthographicCamera();
        viewport = new FitViewport(CritterWorld.WIDTH, CritterWorld.HEIGHT + HUD_BAND, camera);
        shapes = new ShapeRenderer();
        batch = new SpriteBatch();
        font = new BitmapFont();
        font.setColor(HUD_TEXT);
        resize(Gdx.graphics.getWidth(), Gdx.graphics.getHeight());
    }

    @Override
    public void resize(int width, int height) {
        if (viewport == null || width <= 0 || height <= 0) {
            return; // minimised, or not created yet
        }
        viewport.update(width, height, true);
        batch.getProjectionMatrix().setToOrtho2D(0f, 0f, width, height);
    }

    @Override
    public void render() {
        long start = System.nanoTime();
        handleKeys();
        world.update(Gdx.graphics.getDeltaTime());

        ScreenUtils.clear(BACKGROUND);
        viewport.apply();
        drawScene();
        Gdx.gl.glViewport(0, 0, Gdx.graphics.getBackBufferWidth(), Gdx.graphics.getBackBufferHeight());
        drawHud();
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

    private void handleKeys() {
        if (Gdx.input.isKeyJustPressed(Input.Keys.R)) {
            world.reset(world.settings().seed() + 1);
        }
        if (Gdx.input.isKeyJustPressed(Input.Keys.ESCAPE)) {
            Gdx.app.exit();
        }
    }

    private void drawScene() {
        shapes.setProjectionMatrix(camera.combined);
        Gdx.gl.glEnable(GL20.GL_BLEND);
        Gdx.gl.glBlendFunc(GL20.GL_SRC_ALPHA, GL20.GL_ONE_MINUS_SRC_ALPHA);
        shapes.begin(ShapeRenderer.ShapeType.Filled);

        shapes.setColor(WALL);
        shapes.rect(0f, 0f, CritterWorld.WIDTH, CritterWorld.HEIGHT);
        shapes.setColor(FLOOR);
        shapes.rect(CritterWorld.WALL, CritterWorld.WALL, CritterWorld.WIDTH - 2 * CritterWorld.WALL,
                CritterWorld.HEIGHT - 2 * CritterWorld.WALL);

        Sparks sparks = world.sparks();
        float pulse = 0.75f + 0.25f * MathUtils.sin(world.frames() * 0.2f);
        for (int i = 0; i < sparks.count(); i++) {
            shapes.setColor(1f, 0.85f, 0.3f, 0.18f);
            shapes.circle(sparks.x(i), sparks.y(i), CritterWorld.SPARK_RADIUS * 2.6f * pulse, SPARK_SEGMENTS);
            shapes.setColor(1f, 0.9f, 0.45f, 0.35f);
            shapes.circle(sparks.x(i), sparks.y(i), CritterWorld.SPARK_RADIUS * 1.6f, SPARK_SEGMENTS);
        }

        for (int i = 0; i < world.critters().size(); i++) {
            CritterComponent c = world.critter(i);
            Vector2 p = c.body.getPosition();
            Vector2 v = c.body.getLinearVelocity();
            float speed = Math.min(1f, v.len() / CritterWorld.MAX_SPEED);
            // slow: cool blue, fast: hot orange
            shapes.setColor(0.25f + 0.75f * speed, 0.55f + 0.1f * speed, 1f - 0.8f * speed, 1f);
            shapes.circle(p.x, p.y, CritterWorld.CRITTER_RADIUS, CRITTER_SEGMENTS);
            if (c.action != CritterComponent.NO_ACTION) {
                // an "eye" on the side the policy is steering towards
                float eye = CritterWorld.CRITTER_RADIUS * 0.55f;
                shapes.setColor(0.05f, 0.06f, 0.1f, 0.85f);
                shapes.circle(p.x + SeekPolicy.directionX(c.action) * eye, p.y + SeekPolicy.directionY(c.action) * eye,
                        CritterWorld.CRITTER_RADIUS * 0.3f, 8);
            }
        }

        for (int i = 0; i < sparks.count(); i++) {
            shapes.setColor(1f, 0.97f, 0.75f, 1f);
            shapes.circle(sparks.x(i), sparks.y(i), CritterWorld.SPARK_RADIUS, SPARK_SEGMENTS);
        }
        shapes.end();
    }

    private void drawHud() {
        ModelMetrics m = world.policyMetrics();
        CritterSettings s = world.settings();
        hud.setLength(0);
        hud.append("Animata demo  |  seed ").append(s.seed()).append("  |  ")
                .append(s.mode() == io.animata.runtime.RunMode.REALTIME ? "realtime" : "lockstep")
                .append("  |  ").append(world.critters().size()).append(" critters, ")
                .append(s.sparks()).append(" sparks\n");
        hud.append("policy ").append(m.modelName()).append(" on ").append(m.device())
                .append("  |  latency p50 ");
        HudText.appendFixed(hud, m.p50LatencyMicros(), 0).append(" us, p99 ");
        HudText.appendFixed(hud, m.p99LatencyMicros(), 0).append(" us  |  batch ").append(m.lastBatchSize())
                .append("  |  queue ").append(m.queueDepth()).append('\n');
        hud.append("frame ");
        HudText.appendFixed(hud, frameTimes.smoothedMillis(), 2).append(" ms  |  ")
                .append(Gdx.graphics.getFramesPerSecond()).append(" fps  |  frames ").append(world.frames())
                .append("  |  decisions ").append(world.decisions())
                .append("  |  caught ").append(world.sparksCaught()).append('\n');
        hud.append("R: reset with a new seed    Esc: quit");

        batch.begin();
        font.draw(batch, hud, viewport.getScreenX() + HUD_MARGIN,
                viewport.getScreenY() + viewport.getScreenHeight() - HUD_MARGIN);
        batch.end();
    }

    private void writeScreenshot(Path file) {
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
        Gdx.app.log("CritterGame", "screenshot " + w + "x" + h + " written to " + file.toAbsolutePath());
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
     *     available once the game was disposed, empty before or if it never started
     */
    public Optional<CritterReport> report() {
        return Optional.ofNullable(report);
    }

    @Override
    public void dispose() {
        if (world != null && !world.isDisposed()) {
            report = world.report(frameTimes);
        }
        try {
            if (world != null) {
                world.dispose();
            }
        } finally {
            if (shapes != null) {
                shapes.dispose();
                shapes = null;
            }
            if (batch != null) {
                batch.dispose();
                batch = null;
            }
            if (font != null) {
                font.dispose();
                font = null;
            }
        }
    }
}
