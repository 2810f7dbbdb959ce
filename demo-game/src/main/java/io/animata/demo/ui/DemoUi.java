package io.animata.demo.ui;

import com.badlogic.gdx.InputAdapter;
import io.animata.demo.DemoWorld;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The title card and the pause menu in front of the game: the first input processor (before the NPC line editor's),
 * and the frame's pause decision ({@link #advance}).
 *
 * <p>Keys: while the title card shows, any key or click dismisses it and does nothing else. Esc opens the
 * {@link DemoMenu}; while it is open it takes every key (so none moves the player, opens a line to an NPC or reaches
 * the game's own keys) and the mouse. While another part owns the keyboard (a line typed to an NPC: the
 * {@code keyboardTaken} check) this class leaves every key alone, Esc included (it cancels the line).
 * {@link #ownsKeyboard()} tells the game whether to ignore its polled keys this frame.
 *
 * <p>Threading: the GL thread (libGDX input events, then the game's update). Allocates nothing.
 */
public final class DemoUi extends InputAdapter {
    private final TitleCard title;
    private final DemoMenu menu;
    private final BooleanSupplier keyboardTaken;
    private final MenuLayout layout = new MenuLayout();
    private boolean usedKeyThisFrame;

    /**
     * @param title the card shown at start
     * @param menu the pause menu
     * @param keyboardTaken true while another input owns the keyboard (the NPC line editor)
     */
    public DemoUi(TitleCard title, DemoMenu menu, BooleanSupplier keyboardTaken) {
        this.title = Objects.requireNonNull(title, "title");
        this.menu = Objects.requireNonNull(menu, "menu");
        this.keyboardTaken = Objects.requireNonNull(keyboardTaken, "keyboardTaken");
    }

    /** @return the card shown at start */
    public TitleCard title() {
        return title;
    }

    /** @return the pause menu */
    public DemoMenu menu() {
        return menu;
    }

    /** @return where the menu's entries are (the renderer lays it out; the mouse is checked against it) */
    public MenuLayout layout() {
        return layout;
    }

    /** @return whether the game is paused (the menu is open) */
    public boolean isPaused() {
        return menu.isOpen();
    }

    /**
     * @return whether the game's own polled keys (N, P, V, F2) must be ignored this frame: the menu is open, or a key
     *     was used by the card or the menu in this frame (e.g. the Esc that closed it)
     */
    public boolean ownsKeyboard() {
        return menu.isOpen() || usedKeyThisFrame;
    }

    /**
     * The frame's update, after the game read its keys: the title card's clock runs, and the world is updated unless
     * the game is paused.
     *
     * @param world the world to update
     * @param deltaSeconds time since the last frame
     * @return whether the world was updated (false: paused; the caller holds its own clocks too)
     */
    public boolean advance(DemoWorld world, float deltaSeconds) {
        usedKeyThisFrame = false;
        title.update(deltaSeconds);
        if (menu.isOpen()) {
            return false;
        }
        world.update(deltaSeconds);
        return true;
    }

    @Override
    public boolean keyDown(int keycode) {
        if (keyboardTaken.getAsBoolean()) {
            return false;
        }
        if (title.isVisible()) {
            title.dismiss();
            usedKeyThisFrame = true;
            return true;
        }
        boolean used = menu.keyDown(keycode);
        usedKeyThisFrame |= used;
        return used;
    }

    @Override
    public boolean keyUp(int keycode) {
        return menu.isOpen();
    }

    @Override
    public boolean keyTyped(char character) {
        return menu.isOpen();
    }

    @Override
    public boolean mouseMoved(int screenX, int screenY) {
        if (!menu.isOpen()) {
            return false;
        }
        menu.hover(itemAt(screenX, screenY));
        return true;
    }

    @Override
    public boolean touchDown(int screenX, int screenY, int pointer, int button) {
        if (title.isVisible()) {
            title.dismiss();
            return true;
        }
        if (!menu.isOpen()) {
            return false;
        }
        menu.click(itemAt(screenX, screenY));
        return true;
    }

    @Override
    public boolean touchDragged(int screenX, int screenY, int pointer) {
        return mouseMoved(screenX, screenY);
    }

    /** Mouse events have y down from the window's top; the layout has y up. */
    private int itemAt(int screenX, int screenY) {
        return layout.itemAt(screenX, layout.screenHeight() - screenY);
    }
}
