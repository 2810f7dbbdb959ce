package io.animata.demo;

import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.Input;
import com.badlogic.gdx.InputMultiplexer;
import com.badlogic.gdx.graphics.Color;
import com.badlogic.gdx.graphics.GL20;
import com.badlogic.gdx.graphics.OrthographicCamera;
import com.badlogic.gdx.graphics.g2d.BitmapFont;
import com.badlogic.gdx.graphics.g2d.SpriteBatch;
import com.badlogic.gdx.graphics.glutils.ShapeRenderer;
import com.badlogic.gdx.math.MathUtils;
import com.badlogic.gdx.math.Vector2;
import com.badlogic.gdx.physics.box2d.Body;
import com.badlogic.gdx.utils.Align;
import com.badlogic.gdx.utils.ScreenUtils;
import com.badlogic.gdx.utils.viewport.FitViewport;
import io.animata.core.agent.RaySensor;
import io.animata.core.agent.env.NavArena;
import io.animata.core.agent.env.NavObservation;
import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.demo.npc.NpcRenderer;
import io.animata.demo.npc.NpcSettings;
import io.animata.demo.npc.TalkInput;
import io.animata.demo.ui.DemoControls;
import io.animata.demo.ui.DemoFonts;
import io.animata.demo.ui.DemoMenu;
import io.animata.demo.ui.DemoUi;
import io.animata.demo.ui.TextBacking;
import io.animata.demo.ui.TitleCard;
import io.animata.demo.ui.UiRenderer;
import io.animata.runtime.ModelMetrics;
import io.animata.runtime.RunMode;

/**
 * The dungeon adventure in a window: draws a {@link DemoWorld} with a {@link ShapeRenderer} (the generated dungeon,
 * treasure, spike posts, the stairs, the player and the bots that chase it) and a HUD with the AI runtime's live
 * figures (device, policy latency p50/p99, last batch, queue depth), the frame time, the bots' decisions and the
 * dungeon's seed, in libGDX's default bitmap font.
 *
 * <p>The floor, walls and hazards are drawn with the textures generated for each dungeon ({@link LevelTextures},
 * {@link TileTextures}), in flat colours until they arrive.
 *
 * <p>With NPCs ({@link NpcSettings}), the people of the dungeon are drawn by a {@link NpcRenderer} (speech bubbles
 * that fill word by word as the reply streams in) and talked to through a {@link TalkInput}.
 *
 * <p>Keys: WASD or arrows move, N makes a new dungeon (the next seed), P turns the autopilot on (it walks to the
 * stairs; a movement key takes over again), V shows what the bots see (their rays), F2 turns the playtest mode on
 * (exploration bots play the dungeon in the background and their coverage heatmap, unreached tiles and stuck spots
 * are drawn over it: {@link LevelPlaytest}, {@link PlaytestOverlay}), T or Enter next to an NPC types a line to
 * it (Enter sends, Esc cancels; the player stands still meanwhile), Esc opens the pause menu. A title card shows
 * the features and keys at start ({@link DemoUi}: the card and the menu, drawn by a {@link UiRenderer}).
 *
 * <p>Threading: every method is called by the backend on the GL thread. A frame allocates nothing in steady state
 * (the HUD text goes through reused {@link StringBuilder}s). {@link #dispose()} releases the world (Box2D, level
 * thread, AI runtime) and every GL object, and may be called more than once ({@link DemoWindow}).
 *
 * <pre>{@code
 * new Lwjgl3Application(new DemoGame(DemoSettings.defaults()), config);
 * }</pre>
 */
public final class DemoGame extends DemoWindow<DemoReport> {
    private static final Color BACKGROUND = new Color(0.04f, 0.04f, 0.06f, 1f);
    private static final Color HUD_PANEL = new Color(0.09f, 0.09f, 0.12f, 1f);
    private static final Color HUD_TEXT = new Color(0.93f, 0.94f, 0.97f, 1f);
    private static final Color HUD_DIM = new Color(0.62f, 0.66f, 0.74f, 1f);
    private static final Color FLOOR_A = new Color(0.42f, 0.39f, 0.34f, 1f);
    private static final Color FLOOR_B = new Color(0.45f, 0.42f, 0.37f, 1f);
    private static final Color START = new Color(0.36f, 0.50f, 0.36f, 1f);
    private static final Color WALL_TOP = new Color(0.19f, 0.20f, 0.25f, 1f);
    private static final Color WALL_FACE = new Color(0.34f, 0.36f, 0.44f, 1f);
    private static final Color DOOR = new Color(0.55f, 0.36f, 0.17f, 1f);
    private static final Color DOOR_DARK = new Color(0.33f, 0.21f, 0.10f, 1f);
    private static final Color STAIRS = new Color(0.20f, 0.42f, 0.80f, 1f);
    private static final Color STAIRS_STEP = new Color(0.12f, 0.26f, 0.55f, 1f);
    private static final Color GOLD = new Color(0.98f, 0.80f, 0.20f, 1f);
    private static final Color GOLD_SHINE = new Color(1f, 0.95f, 0.70f, 1f);
    private static final Color SPIKE = new Color(0.55f, 0.12f, 0.14f, 1f);
    private static final Color SPIKE_TIP = new Color(0.86f, 0.30f, 0.28f, 1f);
    private static final Color PLAYER = new Color(0.30f, 0.90f, 0.45f, 1f);
    private static final Color PLAYER_RING = new Color(0.95f, 1f, 0.95f, 1f);
    private static final Color BOT = new Color(0.90f, 0.18f, 0.42f, 1f);
    private static final Color BOT_RING = new Color(0.22f, 0.03f, 0.10f, 1f);
    private static final Color EYE = new Color(0.05f, 0.05f, 0.08f, 1f);
    private static final Color RAY_WALL = new Color(0.80f, 0.82f, 0.90f, 0.22f);
    private static final Color RAY_OBSTACLE = new Color(1f, 0.55f, 0.25f, 0.5f);
    private static final Color RAY_GOAL = new Color(1f, 0.95f, 0.35f, 0.85f);
    private static final Color RAY_NONE = new Color(0.80f, 0.82f, 0.90f, 0.08f);
    /** World units (tiles) above the dungeon for the HUD: a 40 x 22.5 view is 16:9. */
    private static final float HUD_BAND = 2.5f;
    private static final float HUD_MARGIN = 10f;
    private static final float BANNER_SECONDS = 2.5f;
    private static final int SEGMENTS = 18;

    private final DemoSettings settings;
    private final NpcSettings npcSettings;
    private final KeyboardPlayer keyboard = new KeyboardPlayer();
    private final StringBuilder hud = new StringBuilder(512);
    private final StringBuilder banner = new StringBuilder(128);
    private final PlaytestOverlay playtestOverlay = new PlaytestOverlay();
    private final TextBacking bannerBacking = new TextBacking();
    private boolean playtestAtStart;
    private boolean titleCardAtStart = true;
    private final LevelListener levelBanner = new LevelListener() {
        @Override
        public void levelStarted(DungeonLevel level, NavArena arena) {
            bannerLeft = BANNER_SECONDS;
            banner.setLength(0);
            banner.append("Dungeon ").append(level.index() + 1).append("  -  ").append(level.generator())
                    .append(", seed ");
            HudText.appendHex(banner, level.seed());
        }
    };

    private DemoWorld world;
    private OrthographicCamera camera;
    private FitViewport viewport;
    private ShapeRenderer shapes;
    private SpriteBatch batch;
    private BitmapFont font;
    private BitmapFont bigFont;
    private TileTextures tiles;
    private NpcRenderer npcView;
    private TalkInput talk;
    private DemoControls controls;
    private DemoUi ui;
    private UiRenderer uiView;
    private float bannerLeft;
    private float time;

    /** @param settings seed, bots, level style and run mode of the game; the cast of NPCs with the shipped model */
    public DemoGame(DemoSettings settings) {
        this(settings, NpcSettings.defaults());
    }

    /**
     * @param settings seed, bots, level style and run mode of the game
     * @param npcSettings the NPCs ({@link NpcSettings#none()}: the chase alone)
     */
    public DemoGame(DemoSettings settings, NpcSettings npcSettings) {
        this.settings = settings;
        this.npcSettings = npcSettings;
    }

    /**
     * Starts with the playtest mode on (F2 turns it off and on again).
     *
     * @return this game
     */
    public DemoGame optPlaytest(boolean on) {
        this.playtestAtStart = on;
        return this;
    }

    /**
     * Whether the title card (the features and keys, over the first dungeon) shows at start; it does by default.
     *
     * @return this game
     */
    public DemoGame optTitleCard(boolean on) {
        this.titleCardAtStart = on;
        return this;
    }

    @Override
    protected void onCreate() {
        world = new DemoWorld(settings, keyboard, npcSettings);
        world.addLevelListener(levelBanner);
        world.playtest().setEnabled(playtestAtStart);
        tiles = new TileTextures();
        if (world.hasNpcs()) {
            talk = new TalkInput(world.npcs(), world.player());
            npcView = new NpcRenderer(world.npcs());
        }
        controls = new DemoControls(world, keyboard, () -> Gdx.app.exit());
        TitleCard card = new TitleCard(world.hasNpcs());
        if (!titleCardAtStart) {
            card.dismiss();
        }
        ui = new DemoUi(card, new DemoMenu(controls), () -> talk != null && talk.ownsKeyboard());
        Gdx.input.setInputProcessor(talk == null ? ui : new InputMultiplexer(ui, talk));
        uiView = new UiRenderer();
        camera = new OrthographicCamera();
        viewport = new FitViewport(DungeonLevels.WIDTH, DungeonLevels.HEIGHT + HUD_BAND, camera);
        shapes = new ShapeRenderer();
        batch = new SpriteBatch();
        font = DemoFonts.create();
        font.setColor(HUD_TEXT);
        bigFont = DemoFonts.create();
        bigFont.getData().setScale(2f);
        bigFont.setColor(HUD_TEXT);
    }

    @Override
    protected void onResize(int width, int height) {
        viewport.update(width, height, true);
        batch.getProjectionMatrix().setToOrtho2D(0f, 0f, width, height);
    }

    @Override
    protected void update(float deltaSeconds) {
        // while a line to an NPC is typed (and in the frame Enter or Esc closes it) the keys are the line's
        boolean keys = (talk == null || !talk.ownsKeyboard()) && !ui.ownsKeyboard();
        keyboard.setHeld(talk != null && talk.editor().isOpen());
        if (keys && Gdx.input.isKeyJustPressed(Input.Keys.N)) {
            controls.newDungeon();
        }
        if (keys && Gdx.input.isKeyJustPressed(Input.Keys.P)) {
            controls.toggleAutopilot();
        }
        if (keys && Gdx.input.isKeyJustPressed(Input.Keys.V)) {
            controls.toggleBotVision();
        }
        if (keys && Gdx.input.isKeyJustPressed(Input.Keys.F2)) {
            controls.togglePlaytest();
        }
        if (!ui.advance(world, deltaSeconds)) { // paused by the menu: the world, the bubbles and the clocks wait
            if (talk != null) {
                talk.endFrame();
            }
            return;
        }
        if (npcView != null) {
            npcView.update(deltaSeconds);
            talk.endFrame();
        }
        time += deltaSeconds;
        bannerLeft = Math.max(0f, bannerLeft - deltaSeconds);
    }

    @Override
    protected void draw() {
        ScreenUtils.clear(BACKGROUND);
        viewport.apply();
        shapes.setProjectionMatrix(camera.combined);
        Gdx.gl.glEnable(GL20.GL_BLEND);
        Gdx.gl.glBlendFunc(GL20.GL_SRC_ALPHA, GL20.GL_ONE_MINUS_SRC_ALPHA);
        tiles.update(world.textures());
        boolean textured = tiles.draw(camera.combined, world.level());
        Gdx.gl.glEnable(GL20.GL_BLEND); // the batch turns blending off when it ends
        shapes.begin(ShapeRenderer.ShapeType.Filled);
        drawLevel(textured);
        if (npcView != null) {
            npcView.drawDoor(shapes);
        }
        shapes.end();
        // later features draw their overlays here, between the floor and the characters (e.g. a coverage heatmap)
        if (world.playtest().isEnabled()) {
            playtestOverlay.draw(shapes, world.playtest().coverage(), world.level(), time);
        }
        if (controls.isBotVision()) {
            drawRays();
        }
        shapes.begin(ShapeRenderer.ShapeType.Filled);
        if (npcView != null) {
            npcView.drawNpcs(shapes);
        }
        drawBots();
        drawPlayer();
        shapes.setColor(HUD_PANEL);
        shapes.rect(0f, DungeonLevels.HEIGHT, DungeonLevels.WIDTH, HUD_BAND);
        shapes.end();
        Gdx.gl.glViewport(0, 0, Gdx.graphics.getBackBufferWidth(), Gdx.graphics.getBackBufferHeight());
        drawHud();
        if (npcView != null) {
            npcView.drawOverlay(batch, shapes, viewport, talk);
        }
        uiView.draw(batch, shapes, ui, Gdx.graphics.getWidth(), Gdx.graphics.getHeight());
    }

    /** @param textured whether {@link TileTextures} drew the floor and walls already (else: flat colours) */
    private void drawLevel(boolean textured) {
        DungeonLevel level = world.level();
        TileGrid grid = level.grid();
        Legend legend = level.legend();
        DungeonRules rules = world.rules();
        int w = grid.width();
        int h = grid.height();
        for (int row = 0; row < h; row++) {
            float y = h - 1 - row;
            for (int x = 0; x < w; x++) {
                int cell = row * w + x;
                char c = grid.at(cell);
                if (legend.isSolid(c)) {
                    if (textured) {
                        continue;
                    }
                    // the wall's top, and a lit face where the floor is below it
                    boolean face = row + 1 < h && !legend.isSolid(grid.at(cell + w));
                    shapes.setColor(WALL_TOP);
                    shapes.rect(x, y, 1f, 1f);
                    if (face) {
                        shapes.setColor(WALL_FACE);
                        shapes.rect(x, y, 1f, 0.38f);
                    }
                    continue;
                }
                if (!textured) {
                    shapes.setColor(((x + row) & 1) == 0 ? FLOOR_A : FLOOR_B);
                    shapes.rect(x, y, 1f, 1f);
                }
                if (cell == level.start()) {
                    shapes.setColor(START);
                    shapes.rect(x + 0.08f, y + 0.08f, 0.84f, 0.84f);
                } else if (cell == level.goal()) {
                    drawStairs(x, y);
                } else if (legend.hasTag(c, "door")) {
                    shapes.setColor(DOOR);
                    shapes.rect(x + 0.1f, y + 0.1f, 0.8f, 0.8f);
                    shapes.setColor(DOOR_DARK);
                    shapes.rect(x + 0.47f, y + 0.1f, 0.06f, 0.8f);
                } else if (legend.isHazard(c)) {
                    // a spike post: what the bots see as an obstacle and walk round
                    shapes.setColor(SPIKE);
                    shapes.circle(x + 0.5f, y + 0.5f, NavArena.OBSTACLE_RADIUS, SEGMENTS);
                    shapes.setColor(SPIKE_TIP);
                    shapes.triangle(x + 0.3f, y + 0.35f, x + 0.7f, y + 0.35f, x + 0.5f, y + 0.75f);
                } else if (rules.isTreasure(cell) && !rules.isTaken(cell)) {
                    float bob = 0.04f * MathUtils.sin(time * 4f + cell);
                    shapes.setColor(GOLD);
                    shapes.circle(x + 0.5f, y + 0.5f + bob, 0.24f, SEGMENTS);
                    shapes.setColor(GOLD_SHINE);
                    shapes.circle(x + 0.43f, y + 0.57f + bob, 0.08f, 8);
                }
            }
        }
    }

    private void drawStairs(float x, float y) {
        shapes.setColor(STAIRS);
        shapes.rect(x, y, 1f, 1f);
        shapes.setColor(STAIRS_STEP);
        for (int i = 0; i < 4; i++) {
            shapes.rect(x + 0.1f, y + 0.1f + i * 0.22f, 0.8f - i * 0.18f, 0.1f);
        }
    }

    private void drawBots() {
        int n = world.bots().agentCount();
        for (int i = 0; i < n; i++) {
            Body body = world.botBody(i);
            Vector2 p = body.getPosition();
            shapes.setColor(BOT_RING);
            shapes.circle(p.x, p.y, NavArena.AGENT_RADIUS + 0.06f, SEGMENTS);
            shapes.setColor(BOT);
            shapes.circle(p.x, p.y, NavArena.AGENT_RADIUS, SEGMENTS);
            Vector2 v = body.getLinearVelocity();
            float speed = v.len();
            if (speed > 0.2f) {
                float eye = NavArena.AGENT_RADIUS * 0.5f / speed;
                shapes.setColor(EYE);
                shapes.circle(p.x + v.x * eye, p.y + v.y * eye, NavArena.AGENT_RADIUS * 0.3f, 8);
            }
        }
    }

    private void drawPlayer() {
        PlayerComponent player = world.player();
        if (player.body == null) {
            return;
        }
        if (player.graceFrames > 0 && (player.graceFrames / 6) % 2 == 0) {
            return; // blinking: just caught, a moment of grace
        }
        Vector2 p = player.body.getPosition();
        shapes.setColor(PLAYER_RING);
        shapes.circle(p.x, p.y, DemoWorld.PLAYER_RADIUS + 0.08f, SEGMENTS);
        shapes.setColor(PLAYER);
        shapes.circle(p.x, p.y, DemoWorld.PLAYER_RADIUS, SEGMENTS);
        float eye = DemoWorld.PLAYER_RADIUS * 0.5f;
        shapes.setColor(EYE);
        shapes.circle(p.x + player.facing.x * eye, p.y + player.facing.y * eye, DemoWorld.PLAYER_RADIUS * 0.28f, 8);
    }

    private void drawRays() {
        shapes.begin(ShapeRenderer.ShapeType.Line);
        int n = world.bots().agentCount();
        for (int i = 0; i < n; i++) {
            RaySensor rays = world.botRays(i);
            for (int r = 0; r < rays.rayCount(); r++) {
                int tag = rays.hitTag(r);
                shapes.setColor(tag == NavObservation.WALL ? RAY_WALL : tag == NavObservation.OBSTACLE ? RAY_OBSTACLE
                        : tag == NavObservation.GOAL ? RAY_GOAL : RAY_NONE);
                shapes.line(rays.rayStartX(r), rays.rayStartY(r), rays.rayEndX(r), rays.rayEndY(r));
            }
        }
        shapes.end();
    }

    private void drawHud() {
        ModelMetrics m = world.policyMetrics();
        DungeonLevel level = world.level();
        PlayerComponent player = world.player();
        hud.setLength(0);
        hud.append("ANIMATA DEMO   dungeon ").append(level.index() + 1).append(" (").append(level.generator())
                .append(" from ").append(DemoAssets.DUNGEON_EXAMPLES.size()).append(" examples, seed ");
        HudText.appendHex(hud, level.seed()).append(")   gold ").append(player.gold).append("   caught ")
                .append(player.caught).append("   stairs ").append(player.stairsTaken).append('\n');
        hud.append(world.bots().agentCount()).append(" bots, policy '").append(m.modelName()).append("' on ")
                .append(m.device()).append("   latency p50 ");
        HudText.appendFixed(hud, m.p50LatencyMicros(), 0).append(" us, p99 ");
        HudText.appendFixed(hud, m.p99LatencyMicros(), 0).append(" us   last batch ").append(m.lastBatchSize())
                .append("   queue ").append(m.queueDepth()).append("   decisions ").append(world.botDecisions())
                .append('\n');
        hud.append("frame ");
        HudText.appendFixed(hud, frameTimes().smoothedMillis(), 2).append(" ms   ")
                .append(Gdx.graphics.getFramesPerSecond()).append(" fps   ")
                .append(settings.mode() == RunMode.REALTIME ? "realtime" : "lockstep")
                .append(keyboard.isAutopilot() ? "   AUTOPILOT" : "")
                .append(world.isWaitingForLevel() ? "   making the next dungeon..." : "");
        appendTextures(hud.append("   "));
        world.playtest().appendStatus(hud.append("   "));

        float left = viewport.getScreenX() + HUD_MARGIN;
        float top = viewport.getScreenY() + viewport.getScreenHeight() - HUD_MARGIN + 2f;
        float centreY = viewport.getScreenY() + viewport.getScreenHeight() * 0.55f;
        if (bannerLeft > 0f) { // over the floor: a dark panel behind it
            bannerBacking.draw(shapes, batch.getProjectionMatrix(), bigFont, banner, viewport.getScreenX(), centreY,
                    viewport.getScreenWidth(), Math.min(1f, bannerLeft));
        }
        batch.begin();
        font.setColor(HUD_TEXT);
        font.draw(batch, hud, left, top);
        font.setColor(HUD_DIM);
        font.draw(batch, "WASD/arrows move    T/Enter talk    N new dungeon    P autopilot    V bot vision    F2 playtest    "
                + "Esc menu", left, top - 3.1f * font.getLineHeight());
        if (bannerLeft > 0f) {
            bigFont.setColor(1f, 1f, 1f, Math.min(1f, bannerLeft));
            bigFont.draw(batch, banner, viewport.getScreenX(), centreY, viewport.getScreenWidth(),
                    Align.center, false);
        }
        batch.end();
    }

    /** Appends which recipes the dungeon is drawn with and how long they took on the worker. */
    private void appendTextures(StringBuilder sb) {
        LevelTextures textures = world.textures();
        LevelTextures.TextureSet set = textures.current();
        if (set == null || !textures.isCurrent()) {
            sb.append("textures: generating...");
            return;
        }
        sb.append("textures ").append(LevelTextures.WALL).append('/').append(set.floorRecipe()).append('/')
                .append(LevelTextures.HAZARD).append(' ').append(LevelTextures.SIZE).append(" px in ");
        HudText.appendFixed(sb, set.millis(), 0).append(" ms");
    }

    @Override
    protected DemoReport finish(FrameTimes frameTimes) {
        DemoReport report = world != null && !world.isDisposed() ? world.report(frameTimes) : null;
        try {
            if (world != null) {
                world.dispose();
            }
        } finally {
            if (tiles != null) {
                tiles.dispose();
                tiles = null;
            }
            if (npcView != null) {
                npcView.dispose();
                npcView = null;
            }
            if (uiView != null) {
                uiView.dispose();
                uiView = null;
            }
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
            if (bigFont != null) {
                bigFont.dispose();
                bigFont = null;
            }
        }
        return report;
    }
}
