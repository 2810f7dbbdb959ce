package io.animata.demo.npc;

import com.badlogic.ashley.core.Entity;
import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.graphics.Color;
import com.badlogic.gdx.graphics.GL20;
import com.badlogic.gdx.graphics.g2d.BitmapFont;
import com.badlogic.gdx.graphics.g2d.GlyphLayout;
import com.badlogic.gdx.graphics.g2d.SpriteBatch;
import com.badlogic.gdx.graphics.glutils.ShapeRenderer;
import com.badlogic.gdx.math.Vector2;
import com.badlogic.gdx.math.Vector3;
import com.badlogic.gdx.utils.Align;
import com.badlogic.gdx.utils.Disposable;
import com.badlogic.gdx.utils.viewport.Viewport;
import io.animata.core.npc.DialogueState;
import io.animata.core.npc.action.InventoryComponent;
import io.animata.demo.DungeonLevel;
import io.animata.demo.DungeonLevels;
import io.animata.demo.HudText;
import io.animata.runtime.TextMetrics;

/**
 * Draws the people of the dungeon: the locked door (bars and a padlock on its tile), each NPC (a robed figure in its
 * cast colour, a key if it holds one, a green ring when it follows the player), its name, the speech bubble above it
 * ({@link SpeechBubble}: the reply as it streams in, word by word), the line the player is typing, the hint to talk
 * when an NPC is in reach, and one status line (the dialogue model, replies, actions, first-text latency). Text is
 * libGDX's default bitmap font, scaled for reading.
 *
 * <p>Threading: GL thread. Frames reuse one glyph layout (pooled glyph runs), buffers and vectors.
 * {@link #dispose()} frees the font; idempotent.
 */
public final class NpcRenderer implements Disposable {
    private static final Color[] CAST_COLOURS = {
        new Color(0.95f, 0.55f, 0.20f, 1f), // mira: forge orange
        new Color(0.55f, 0.75f, 0.95f, 1f), // tom: lantern blue
        new Color(0.80f, 0.80f, 0.86f, 1f), // the guard: steel
    };
    private static final Color OUTLINE = new Color(0.08f, 0.07f, 0.06f, 1f);
    private static final Color FACE = new Color(0.96f, 0.84f, 0.70f, 1f);
    private static final Color KEY = new Color(1f, 0.85f, 0.25f, 1f);
    private static final Color FOLLOW = new Color(0.35f, 0.95f, 0.50f, 1f);
    private static final Color BARS = new Color(0.16f, 0.10f, 0.05f, 1f);
    private static final Color LOCK = new Color(0.85f, 0.70f, 0.25f, 1f);
    private static final Color BUBBLE = new Color(0.98f, 0.97f, 0.92f, 1f);
    private static final Color BUBBLE_EDGE = new Color(0.20f, 0.18f, 0.15f, 1f);
    private static final Color BUBBLE_TEXT = new Color(0.10f, 0.09f, 0.08f, 1f);
    private static final Color PANEL = new Color(0.07f, 0.07f, 0.10f, 0.88f);
    private static final Color TEXT = new Color(0.95f, 0.95f, 0.98f, 1f);
    private static final Color DIM = new Color(0.70f, 0.73f, 0.80f, 1f);
    /** NPCs are drawn larger than their bodies (people read at a glance; they collide with walls only). */
    private static final float DRAWN_SCALE = 1.4f;
    private static final float BUBBLE_WIDTH = 250f;
    /** Pixels between an NPC's centre and its bubble. */
    private static final float BUBBLE_GAP = 30f;
    private static final float PAD = 7f;
    private static final int SEGMENTS = 18;

    private final DemoNpcs npcs;
    private final BitmapFont font = new BitmapFont();
    private final GlyphLayout layout = new GlyphLayout();
    private final Vector3 screen = new Vector3();
    private final StringBuilder line = new StringBuilder(160);
    private final Color tint = new Color();
    private SpeechBubble[] bubbles = new SpeechBubble[0];
    private int level = -1;
    private float blink;
    private boolean disposed;

    /** @param npcs the people to draw */
    public NpcRenderer(DemoNpcs npcs) {
        this.npcs = npcs;
        font.getData().setScale(1.15f);
        font.setUseIntegerPositions(true);
    }

    /** Follows the conversations (bubbles), once per frame after the world's update. */
    public void update(float deltaSeconds) {
        blink += deltaSeconds;
        if (bubbles.length < npcs.count()) {
            SpeechBubble[] grown = new SpeechBubble[Math.max(npcs.count(), 2 * bubbles.length)];
            System.arraycopy(bubbles, 0, grown, 0, bubbles.length);
            for (int i = bubbles.length; i < grown.length; i++) {
                grown[i] = new SpeechBubble();
            }
            bubbles = grown;
        }
        if (level != npcs.levelsStarted()) {
            level = npcs.levelsStarted();
            for (SpeechBubble b : bubbles) {
                b.clear();
            }
        }
        for (int i = 0; i < npcs.count(); i++) {
            bubbles[i].update(npcs.dialogue(i), deltaSeconds);
        }
    }

    /** Draws the locked door over its tile, in world units; inside a filled {@link ShapeRenderer} pass. */
    public void drawDoor(ShapeRenderer shapes) {
        LockedDoor door = npcs.door();
        DungeonLevel level = npcs.level();
        if (door == null || !door.isLocked()) {
            return;
        }
        float x = level.worldX(door.cell()) - 0.5f;
        float y = level.worldY(door.cell()) - 0.5f;
        shapes.setColor(BARS);
        for (int i = 0; i < 4; i++) {
            shapes.rect(x + 0.12f + i * 0.22f, y + 0.05f, 0.1f, 0.9f);
        }
        shapes.rect(x + 0.05f, y + 0.62f, 0.9f, 0.1f);
        shapes.setColor(LOCK);
        shapes.circle(x + 0.5f, y + 0.5f, 0.16f, SEGMENTS);
        shapes.setColor(BARS);
        shapes.rect(x + 0.47f, y + 0.38f, 0.06f, 0.12f);
    }

    /** Draws the NPCs in world units; inside a filled {@link ShapeRenderer} pass, with the characters. */
    public void drawNpcs(ShapeRenderer shapes) {
        float r = DemoNpcs.RADIUS * DRAWN_SCALE;
        for (int i = 0; i < npcs.count(); i++) {
            NpcComponent npc = npcs.npc(i);
            if (npc.body == null) {
                continue;
            }
            Vector2 p = npc.body.getPosition();
            if (npc.following) {
                shapes.setColor(FOLLOW);
                shapes.circle(p.x, p.y, r + 0.12f, SEGMENTS);
            }
            // a robe (a rounded triangle) and a head
            shapes.setColor(OUTLINE);
            shapes.triangle(p.x - r - 0.05f, p.y - r - 0.05f, p.x + r + 0.05f, p.y - r - 0.05f, p.x, p.y + r + 0.1f);
            shapes.setColor(CAST_COLOURS[DemoNpcs.CAST.indexOf(npc.personaId)]);
            shapes.triangle(p.x - r, p.y - r, p.x + r, p.y - r, p.x, p.y + r);
            shapes.setColor(OUTLINE);
            shapes.circle(p.x, p.y + r * 0.55f, r * 0.5f, SEGMENTS);
            shapes.setColor(FACE);
            shapes.circle(p.x, p.y + r * 0.55f, r * 0.42f, SEGMENTS);
            if (holdsKey(npcs.entity(i))) {
                shapes.setColor(KEY);
                shapes.circle(p.x + r * 0.9f, p.y - r * 0.2f, 0.09f, 10);
                shapes.rect(p.x + r * 0.9f, p.y - r * 0.24f, 0.22f, 0.07f);
            }
            if (npcs.dialogue(i).state() == DialogueState.THINKING) {
                float bob = (blink * 3f) % 1f;
                shapes.setColor(TEXT);
                shapes.circle(p.x - 0.15f, p.y + r + 0.25f, bob > 0.33f ? 0.05f : 0.03f, 8);
                shapes.circle(p.x, p.y + r + 0.25f, bob > 0.66f ? 0.05f : 0.03f, 8);
                shapes.circle(p.x + 0.15f, p.y + r + 0.25f, 0.03f, 8);
            }
        }
    }

    /**
     * Draws the screen-space parts: names, speech bubbles, the talk hint, the line being typed, the status line. The
     * batch and the shape renderer must not be drawing; their projection is set here to the window's pixels.
     *
     * @param viewport the dungeon's viewport (to place bubbles over NPCs)
     * @param talk the keyboard's talking state
     */
    public void drawOverlay(SpriteBatch batch, ShapeRenderer shapes, Viewport viewport, TalkInput talk) {
        shapes.setProjectionMatrix(batch.getProjectionMatrix());
        // backgrounds first, then all the text in one batch; the panels are translucent (a batch that ended last
        // turned blending off)
        Gdx.gl.glEnable(GL20.GL_BLEND);
        Gdx.gl.glBlendFunc(GL20.GL_SRC_ALPHA, GL20.GL_ONE_MINUS_SRC_ALPHA);
        shapes.begin(ShapeRenderer.ShapeType.Filled);
        for (int i = 0; i < npcs.count(); i++) {
            if (bubbles[i].isVisible() && project(viewport, i)) {
                layout.setText(font, bubbles[i].text(), BUBBLE_TEXT, BUBBLE_WIDTH, Align.left, true);
                float w = layout.width + 2 * PAD;
                float h = layout.height + 2 * PAD;
                float x = clampX(viewport, screen.x - w / 2f, w);
                boolean above = fitsAbove(viewport, h);
                float y = bubbleY(h, above);
                // the tail points at the NPC: down from a bubble above it, up from one below
                float edge = above ? y : y + h;
                float dir = above ? -1f : 1f;
                float a = bubbles[i].alpha();
                shapes.setColor(tint.set(BUBBLE_EDGE).mul(1f, 1f, 1f, a));
                shapes.rect(x - 2f, y - 2f, w + 4f, h + 4f);
                shapes.triangle(screen.x - 9f, edge - dir, screen.x + 9f, edge - dir, screen.x, edge + 14f * dir);
                shapes.setColor(tint.set(BUBBLE).mul(1f, 1f, 1f, a));
                shapes.rect(x, y, w, h);
                shapes.triangle(screen.x - 6f, edge + dir, screen.x + 6f, edge + dir, screen.x, edge + 10f * dir);
            }
        }
        boolean typing = talk.editor().isOpen();
        float panelH = font.getLineHeight() + 2 * PAD;
        // the story and status lines at the bottom are read over the floor: a dark strip behind them
        shapes.setColor(PANEL);
        shapes.rect(viewport.getScreenX(), viewport.getScreenY(), viewport.getScreenWidth(),
                12f + font.getCapHeight() + font.getLineHeight());
        if (typing) {
            shapes.setColor(PANEL);
            shapes.rect(viewport.getScreenX() + 20f, viewport.getScreenY() + 36f, viewport.getScreenWidth() - 40f,
                    panelH);
        }
        shapes.end();

        batch.begin();
        for (int i = 0; i < npcs.count(); i++) {
            if (!project(viewport, i)) {
                continue;
            }
            font.setColor(DIM);
            layout.setText(font, npcs.persona(i).name);
            font.draw(batch, npcs.persona(i).name, screen.x - layout.width / 2f, screen.y - 16f);
            if (bubbles[i].isVisible()) {
                layout.setText(font, bubbles[i].text(), BUBBLE_TEXT, BUBBLE_WIDTH, Align.left, true);
                float w = layout.width + 2 * PAD;
                float x = clampX(viewport, screen.x - w / 2f, w);
                float h = layout.height + 2 * PAD;
                float y = bubbleY(h, fitsAbove(viewport, h)) + h - PAD;
                font.setColor(tint.set(BUBBLE_TEXT).mul(1f, 1f, 1f, bubbles[i].alpha()));
                font.draw(batch, bubbles[i].text(), x + PAD, y, BUBBLE_WIDTH, Align.left, true);
            }
        }
        if (typing) {
            int target = talk.editor().target();
            line.setLength(0);
            line.append("To ").append(target < npcs.count() ? npcs.persona(target).name : "?").append(": ")
                    .append(talk.editor().text()).append((blink % 1f) < 0.5f ? "_" : " ")
                    .append("      (Enter send, Esc cancel)");
            font.setColor(TEXT);
            font.draw(batch, line, viewport.getScreenX() + 20f + PAD, viewport.getScreenY() + 36f + panelH - PAD);
        } else {
            int near = talk.inReach();
            if (near >= 0 && project(viewport, near)) {
                line.setLength(0);
                line.append("T  talk to ").append(npcs.persona(near).name);
                font.setColor(TEXT);
                layout.setText(font, line);
                font.draw(batch, line, screen.x - layout.width / 2f, screen.y - 16f - font.getLineHeight());
            }
        }
        status(batch, viewport);
        storyStatus(batch, viewport, typing ? talk.editor().target() : talk.inReach());
        batch.end();
    }

    private void status(SpriteBatch batch, Viewport viewport) {
        TextMetrics m = npcs.modelMetrics();
        line.setLength(0);
        if (npcs.isModelLoaded()) {
            line.append("NPCs talk with '").append(m.modelName()).append("' on ").append(m.device())
                    .append("   first text p50 ");
            HudText.appendFixed(line, m.p50FirstTextMicros() / 1000.0, 0).append(" ms   step p99 ");
            HudText.appendFixed(line, m.p99RoundMicros() / 1000.0, 1).append(" ms   active ")
                    .append(m.activeGenerations());
        } else {
            line.append("NPCs: no dialogue model in this build, they answer with their fallback lines");
        }
        line.append("   replies ").append(npcs.replies()).append("   actions ").append(npcs.actionsApplied())
                .append("   refused ").append(npcs.actionsRefused());
        font.setColor(DIM);
        font.draw(batch, line, viewport.getScreenX() + 10f, viewport.getScreenY() + 8f + font.getCapHeight());
    }

    /** The story line above the status line, with how the NPC in reach feels about the player. */
    private void storyStatus(SpriteBatch batch, Viewport viewport, int near) {
        line.setLength(0);
        npcs.story().appendStatus(line);
        if (near >= 0 && near < npcs.count()) {
            line.append("      ").append(npcs.persona(near).name).append(" toward you: ");
            npcs.story().appendFeelings(npcs.entity(near), line);
        }
        font.setColor(DIM);
        font.draw(batch, line, viewport.getScreenX() + 10f,
                viewport.getScreenY() + 8f + font.getCapHeight() + font.getLineHeight());
    }

    /** Projects NPC {@code i}'s position into {@link #screen}; false when it has no body. */
    private boolean project(Viewport viewport, int i) {
        NpcComponent npc = npcs.npc(i);
        if (npc.body == null) {
            return false;
        }
        Vector2 p = npc.body.getPosition();
        viewport.project(screen.set(p.x, p.y, 0f));
        return true;
    }

    /** @return whether a bubble {@code height} pixels tall fits above the NPC just projected, inside the view */
    private boolean fitsAbove(Viewport viewport, float height) {
        // the dungeon is the bottom DungeonLevels.HEIGHT world units of the view; the HUD band is above it
        float dungeonTop = viewport.getScreenY() + viewport.getScreenHeight() * DungeonLevels.HEIGHT
                / viewport.getWorldHeight();
        return screen.y + BUBBLE_GAP + height + 2f <= dungeonTop;
    }

    /** @return the bottom of a bubble above the NPC just projected, or below it (under its name) */
    private float bubbleY(float height, boolean above) {
        return above ? screen.y + BUBBLE_GAP : screen.y - BUBBLE_GAP - 12f - height;
    }

    private static float clampX(Viewport viewport, float x, float width) {
        float left = viewport.getScreenX() + 4f;
        float right = viewport.getScreenX() + viewport.getScreenWidth() - 4f - width;
        return Math.max(left, Math.min(x, right));
    }

    /** Frees the font. Idempotent. */
    @Override
    public void dispose() {
        if (!disposed) {
            disposed = true;
            font.dispose();
        }
    }

    private static boolean holdsKey(Entity npc) {
        return InventoryComponent.has(npc, NpcActions.KEY) || InventoryComponent.has(npc, NpcActions.SPARE_KEY);
    }
}
