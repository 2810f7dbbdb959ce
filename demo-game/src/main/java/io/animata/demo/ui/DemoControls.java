package io.animata.demo.ui;

import io.animata.demo.DemoWorld;
import io.animata.demo.KeyboardPlayer;
import java.util.Objects;

/**
 * What the player can switch in the demo, shared by the game's keys (N, P, V, F2) and the pause menu: a new dungeon,
 * the playtest overlay, the bots' vision (their rays) and the autopilot, and quitting.
 *
 * <p>Threading: the game thread only (it changes the world and the keyboard player). Allocates nothing.
 */
public final class DemoControls {
    private final DemoWorld world;
    private final KeyboardPlayer keyboard;
    private final Runnable quit;
    private boolean botVision;

    /**
     * @param world the game world (new dungeons, the playtest mode)
     * @param keyboard the player's input (the autopilot)
     * @param quit what quitting does (in the window: {@code Gdx.app::exit})
     */
    public DemoControls(DemoWorld world, KeyboardPlayer keyboard, Runnable quit) {
        this.world = Objects.requireNonNull(world, "world");
        this.keyboard = Objects.requireNonNull(keyboard, "keyboard");
        this.quit = Objects.requireNonNull(quit, "quit");
    }

    /** Asks the world for the next dungeon (the next seed); it arrives a few frames later. */
    public void newDungeon() {
        world.requestNextLevel();
    }

    /** @return whether the playtest mode runs and its heatmap is drawn */
    public boolean isPlaytest() {
        return world.playtest().isEnabled();
    }

    /** Turns the playtest mode (exploration bots and their coverage heatmap) on or off. */
    public void togglePlaytest() {
        world.playtest().setEnabled(!world.playtest().isEnabled());
    }

    /** @return whether the bots' rays are drawn */
    public boolean isBotVision() {
        return botVision;
    }

    /** Shows or hides what the bots see (their rays). */
    public void toggleBotVision() {
        botVision = !botVision;
    }

    /** @return whether the autopilot walks the player to the stairs */
    public boolean isAutopilot() {
        return keyboard.isAutopilot();
    }

    /** Turns the autopilot on or off (a movement key also takes over again). */
    public void toggleAutopilot() {
        keyboard.setAutopilot(!keyboard.isAutopilot());
    }

    /** Quits the demo. */
    public void quit() {
        quit.run();
    }
}
