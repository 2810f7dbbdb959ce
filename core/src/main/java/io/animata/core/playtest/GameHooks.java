package io.animata.core.playtest;

/**
 * The game's own code in a playtest: what tiles do to a body (slow it, kill it), triggers, scripts. A bot run calls
 * the hooks every tick, each call inside its own try/catch: an exception thrown here is a <em>crash</em> of the game
 * code, recorded with a deduplicated signature (exception class and top stack frames), the bot's position, the tick
 * and the seed, and the run goes on. {@link TileEffects} is the built-in implementation.
 *
 * <p>Each bot gets its own instance, made with the public no-argument constructor of the class named in
 * {@link PlaytestSettings#hooks()} (so a job can name it in JSON for another process).
 *
 * <p>Threading: one bot run calls its instance from one thread; different bots' instances run on different threads
 * at once, so hooks must not share mutable state. {@link #beforeStep} and {@link #afterStep} should not allocate.
 *
 * <pre>{@code
 * public final class LavaHooks implements GameHooks {
 *     public void afterStep(BotContext bot) {
 *         if (bot.cell() >= 0 && bot.level().hasTag(bot.cell(), "lava")) bot.kill();
 *     }
 * }
 * }</pre>
 */
public interface GameHooks {

    /** Called once, after the world and the bot are made and before the first tick. */
    default void onStart(BotContext bot) {
    }

    /** Called every tick after the bot's action is applied, before the physics step. */
    default void beforeStep(BotContext bot) {
    }

    /** Called every tick after the physics step, before the detectors look at the bot. */
    default void afterStep(BotContext bot) {
    }
}
