package io.animata.demo.npc;

import com.badlogic.gdx.Input;
import com.badlogic.gdx.InputAdapter;
import com.badlogic.gdx.math.Vector2;
import io.animata.demo.PlayerComponent;

/**
 * The keyboard side of talking in the window: T or Enter next to an NPC (within {@link DemoNpcs#TALK_REACH}) opens a
 * {@link LineEditor} for it; typed characters go into the line, Backspace removes one, Enter sends it
 * ({@link DemoNpcs#say}), Esc cancels. While a line is open, and in the frame it closes, the keyboard belongs to it
 * ({@link #ownsKeyboard()}): the game's own keys (movement, N, P, V, Esc to quit) wait. A new dungeon closes the line.
 *
 * <p>Threading: the GL thread (libGDX input events, then the game's update). Typing allocates nothing.
 */
public final class TalkInput extends InputAdapter {
    private final DemoNpcs npcs;
    private final PlayerComponent player;
    private final LineEditor editor = new LineEditor();
    private boolean closedThisFrame;
    private int level = -1;
    private long linesSent;

    /**
     * @param npcs the people to talk to
     * @param player the player (its position decides who is in reach)
     */
    public TalkInput(DemoNpcs npcs, PlayerComponent player) {
        this.npcs = npcs;
        this.player = player;
    }

    @Override
    public boolean keyDown(int keycode) {
        checkLevel();
        if (editor.isOpen()) {
            switch (keycode) {
                case Input.Keys.ENTER, Input.Keys.NUMPAD_ENTER -> {
                    String line = editor.submit();
                    if (!line.isEmpty() && editor.target() < npcs.count()) {
                        npcs.say(editor.target(), line);
                        linesSent++;
                    }
                    closedThisFrame = true;
                }
                case Input.Keys.ESCAPE -> {
                    editor.cancel();
                    closedThisFrame = true;
                }
                case Input.Keys.BACKSPACE, Input.Keys.FORWARD_DEL -> editor.backspace();
                default -> {
                    // typed characters arrive through keyTyped
                }
            }
            return true;
        }
        if (keycode != Input.Keys.T && keycode != Input.Keys.ENTER && keycode != Input.Keys.NUMPAD_ENTER) {
            return false;
        }
        int npc = inReach();
        if (npc < 0) {
            return false;
        }
        editor.open(npc, keycode == Input.Keys.T ? 't' : (char) 0);
        return true;
    }

    @Override
    public boolean keyTyped(char character) {
        checkLevel();
        if (!editor.isOpen()) {
            return false;
        }
        editor.type(character);
        return true;
    }

    /** @return the NPC within reach of the player, nearest first, or -1 */
    public int inReach() {
        if (player.body == null) {
            return -1;
        }
        Vector2 p = player.body.getPosition();
        return npcs.nearest(p.x, p.y, DemoNpcs.TALK_REACH);
    }

    private void checkLevel() {
        if (level != npcs.levelsStarted()) {
            level = npcs.levelsStarted();
            if (editor.isOpen()) {
                editor.cancel(); // the NPC it was for is gone
            }
        }
    }

    /** Called once per frame after the game read its keys: the frame in which a line closed is over. */
    public void endFrame() {
        checkLevel();
        closedThisFrame = false;
    }

    /** @return whether the keyboard is the line's (open, or closed in this frame by Enter or Esc) */
    public boolean ownsKeyboard() {
        return editor.isOpen() || closedThisFrame;
    }

    /** @return the line being typed */
    public LineEditor editor() {
        return editor;
    }

    /** @return lines the player sent */
    public long linesSent() {
        return linesSent;
    }
}
