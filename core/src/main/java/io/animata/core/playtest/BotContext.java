package io.animata.core.playtest;

import com.badlogic.gdx.physics.box2d.Body;
import com.badlogic.gdx.physics.box2d.World;

/**
 * What {@link GameHooks} see of one bot's run: the level, the Box2D world and the bot's body, the tick, the cell
 * under the bot, and a way to kill the bot (it then respawns, as a player would).
 *
 * <p>Threading: valid only inside a hook call, on the bot run's thread. Allocation-free.
 */
public interface BotContext {

    /** @return the level being played */
    PlaytestLevel level();

    /** @return the run's Box2D world (top-down, no gravity, one tile per metre) */
    World world();

    /** @return the bot's body (a damped circle of radius {@value BotRun#BOT_RADIUS} m) */
    Body body();

    /** @return the bot's index in the playtest */
    int bot();

    /** @return the current tick, from 0 */
    int tick();

    /** @return the cell under the body's centre ({@link PlaytestLevel#cellAt}), or -1 off the map */
    int cell();

    /** Kills the bot: it is counted as a death and respawns on a cell it has visited before the next tick. */
    void kill();
}
