package io.animata.demo.critters;

import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.Input;
import com.badlogic.gdx.graphics.Color;
import com.badlogic.gdx.graphics.GL20;
import com.badlogic.gdx.graphics.OrthographicCamera;
import com.badlogic.gdx.graphics.g2d.BitmapFont;
import com.badlogic.gdx.graphics.g2d.SpriteBatch;
import com.badlogic.gdx.graphics.glutils.ShapeRenderer;
import com.badlogic.gdx.math.MathUtils;
import com.badlogic.gdx.math.Vector2;
import com.badlogic.gdx.utils.ScreenUtils;
import com.badlogic.gdx.utils.viewport.FitViewport;
import io.animata.demo.DemoWindow;
import io.animata.demo.FrameTimes;
import io.animata.demo.HudText;
import io.animata.runtime.ModelMetrics;

/**
 * The critters scene in a window: draws a {@link CritterWorld} with a {@link ShapeRenderer} (arena, critters coloured by speed,
 * sparks) and a HUD with the AI runtime's live figures (device, policy latency, batch size, queue depth) and the
 * frame time. R starts a new scene with the next seed, Esc quits.
 *
 * <p>Threading: every method is called by the backend on the GL thread. {@code render} allocates nothing in steady
 * state (the HUD text goes through one reused {@link StringBuilder}). {@link #dispose()} releases the world (Box2D,
 * AI runtime) and every GL object, and may be called more than once ({@link DemoWindow}).
 *
 * <pre>{@code
 * new Lwjgl3Application(new CritterGame(CritterSettings.defaults()), config);
 * }</pre>
 */
public final class CritterGame extends DemoWindow<CritterReport> {
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
    private final StringBuilder hud = new StringBuilder(256);

    private CritterWorld world;
    private OrthographicCamera camera;
    private FitViewport viewport;
    private ShapeRenderer shapes;
    private SpriteBatch batch;
    private BitmapFont font;

    /** @param settings the first scene; R moves on to the next seed */
    public CritterGame(CritterSettings settings) {
        this.initialSettings = settings;
    }

    @Override
    protected void onCreate() {
        world = new CritterWorld(initialSettings);
        camera = new OrthographicCamera();
        viewport = new FitViewport(CritterWorld.WIDTH, CritterWorld.HEIGHT + HUD_BAND, camera);
        shapes = new ShapeRenderer();
        batch = new SpriteBatch();
        font = new BitmapFont();
        font.setColor(HUD_TEXT);
    }

    @Override
    protected void onResize(int width, int height) {
        viewport.update(width, height, true);
        batch.getProjectionMatrix().setToOrtho2D(0f, 0f, width, height);
    }

    @Override
    protected void update(float deltaSeconds) {
        handleKeys();
        world.update(deltaSeconds);
    }

    @Override
    protected void draw() {
        ScreenUtils.clear(BACKGROUND);
        viewport.apply();
        drawScene();
        Gdx.gl.glViewport(0, 0, Gdx.graphics.getBackBufferWidth(), Gdx.graphics.getBackBufferHeight());
        drawHud();
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
        HudText.appendFixed(hud, frameTimes().smoothedMillis(), 2).append(" ms  |  ")
                .append(Gdx.graphics.getFramesPerSecond()).append(" fps  |  frames ").append(world.frames())
                .append("  |  decisions ").append(world.decisions())
                .append("  |  caught ").append(world.sparksCaught()).append('\n');
        hud.append("R: reset with a new seed    Esc: quit");

        batch.begin();
        font.draw(batch, hud, viewport.getScreenX() + HUD_MARGIN,
                viewport.getScreenY() + viewport.getScreenHeight() - HUD_MARGIN);
        batch.end();
    }

    @Override
    protected CritterReport finish(FrameTimes frameTimes) {
        CritterReport report = world != null && !world.isDisposed() ? world.report(frameTimes) : null;
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
        return report;
    }
}
