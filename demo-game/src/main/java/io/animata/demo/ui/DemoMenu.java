package io.animata.demo.ui;

import com.badlogic.gdx.Input;
import java.util.Objects;

/**
 * The pause menu's state machine: Esc opens it (the game pauses: the world is not updated while it is open), the
 * arrows or W/S move the selection (wrapping round), Enter or Space carries the selected entry out, Esc again
 * resumes. The mouse selects by hovering ({@link #hover}) and carries out by clicking ({@link #click}); where the
 * entries are on screen is {@link MenuLayout}'s business.
 *
 * <p>Entries: Resume, New dungeon (and resume), the playtest overlay, bot vision and autopilot (toggled in place, the
 * menu stays open to show the new state), Quit.
 *
 * <p>Threading: the game thread (input events and the game's update). Allocates nothing.
 */
public final class DemoMenu {
    private static final MenuItem[] ITEMS = MenuItem.values();

    private final DemoControls controls;
    private boolean open;
    private int selected;

    /** @param controls what the entries switch */
    public DemoMenu(DemoControls controls) {
        this.controls = Objects.requireNonNull(controls, "controls");
    }

    /** Opens the menu with Resume selected; the game pauses. */
    public void open() {
        open = true;
        selected = 0;
    }

    /** Closes the menu; the game resumes. */
    public void close() {
        open = false;
    }

    /** @return whether the menu is open (and the game paused) */
    public boolean isOpen() {
        return open;
    }

    /** @return the number of entries */
    public int itemCount() {
        return ITEMS.length;
    }

    /**
     * @param index 0 (top) to {@link #itemCount()} - 1
     * @return the entry
     */
    public MenuItem item(int index) {
        return ITEMS[index];
    }

    /** @return the index of the selected entry */
    public int selectedIndex() {
        return selected;
    }

    /** @return the selected entry */
    public MenuItem selected() {
        return ITEMS[selected];
    }

    /** @return the controls the entries switch (their state is what the toggles show) */
    public DemoControls controls() {
        return controls;
    }

    /** @param steps entries to move down (negative: up); wraps round at both ends */
    public void move(int steps) {
        selected = Math.floorMod(selected + steps, ITEMS.length);
    }

    /**
     * A key pressed while the menu may be open.
     *
     * @param keycode libGDX's {@link Input.Keys} code
     * @return whether the menu used the key (while it is open it takes every key, so none reaches the game)
     */
    public boolean keyDown(int keycode) {
        if (!open) {
            if (keycode == Input.Keys.ESCAPE) {
                open();
                return true;
            }
            return false;
        }
        switch (keycode) {
            case Input.Keys.ESCAPE -> close();
            case Input.Keys.UP, Input.Keys.W -> move(-1);
            case Input.Keys.DOWN, Input.Keys.S -> move(1);
            case Input.Keys.ENTER, Input.Keys.NUMPAD_ENTER, Input.Keys.SPACE -> activate();
            default -> {
                // every other key is swallowed while the game is paused
            }
        }
        return true;
    }

    /**
     * The mouse is over an entry: it becomes the selected one.
     *
     * @param index the entry under the mouse ({@link MenuLayout#itemAt}), or -1 for none (the selection stays)
     */
    public void hover(int index) {
        if (open && index >= 0 && index < ITEMS.length) {
            selected = index;
        }
    }

    /**
     * A click: on an entry it is selected and carried out; elsewhere nothing happens.
     *
     * @param index the entry under the mouse, or -1
     * @return whether the click was on an entry
     */
    public boolean click(int index) {
        if (!open || index < 0 || index >= ITEMS.length) {
            return false;
        }
        selected = index;
        activate();
        return true;
    }

    /** Carries out the selected entry. */
    public void activate() {
        if (!open) {
            return;
        }
        switch (ITEMS[selected]) {
            case RESUME -> close();
            case NEW_DUNGEON -> {
                controls.newDungeon();
                close();
            }
            case PLAYTEST -> controls.togglePlaytest();
            case BOT_VISION -> controls.toggleBotVision();
            case AUTOPILOT -> controls.toggleAutopilot();
            case QUIT -> {
                close();
                controls.quit();
            }
        }
    }
}
