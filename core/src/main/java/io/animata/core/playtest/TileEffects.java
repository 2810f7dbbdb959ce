package io.animata.core.playtest;

import com.badlogic.gdx.physics.box2d.Body;
import io.animata.core.agent.env.NavArena;

/**
 * The built-in {@link GameHooks}: what tiles do, read from the legend's tags.
 * <ul>
 *   <li>{@value #STICKY} (or {@value #TRAP}): tar. While the body's centre is on it, its linear damping is
 *       {@value #STICKY_DAMPING} per second instead of {@link NavArena#LINEAR_DAMPING}, so a push moves it about a
 *       centimetre a second: a body that wanders in is held there. The stuck detector finds such places from the
 *       motion alone.</li>
 *   <li>{@code hazard}: touching it kills the bot (it respawns).</li>
 *   <li>{@value #FAULTY}: a pressure plate whose script is broken: stepping on it throws an
 *       {@link IllegalStateException}. It exists to exercise the crash detector and its replays.</li>
 * </ul>
 *
 * <p>Threading: one instance per bot run, used on its thread. The per-tick hooks allocate nothing (except the
 * exception of a faulty plate).
 */
public class TileEffects implements GameHooks {
    /** Tag: a tile that holds bodies (tar, glue). */
    public static final String STICKY = "sticky";
    /** Tag: the same as {@value #STICKY}. */
    public static final String TRAP = "trap";
    /** Tag: a plate whose script throws. */
    public static final String FAULTY = "faulty";
    /** Linear damping on a sticky tile, per second. */
    public static final float STICKY_DAMPING = 1000f;

    private boolean[] sticky;
    private boolean[] hazard;
    private boolean[] faulty;
    private float damping = Float.NaN;

    /** Made by the bot run through this public no-argument constructor. */
    public TileEffects() {
    }

    @Override
    public void onStart(BotContext bot) {
        PlaytestLevel level = bot.level();
        int n = level.grid().size();
        sticky = new boolean[n];
        hazard = new boolean[n];
        faulty = new boolean[n];
        for (int i = 0; i < n; i++) {
            char c = level.grid().at(i);
            sticky[i] = level.legend().hasTag(c, STICKY) || level.legend().hasTag(c, TRAP);
            hazard[i] = level.legend().isHazard(c);
            faulty[i] = level.legend().hasTag(c, FAULTY);
        }
    }

    @Override
    public void beforeStep(BotContext bot) {
        int cell = bot.cell();
        float want = cell >= 0 && sticky[cell] ? STICKY_DAMPING : NavArena.LINEAR_DAMPING;
        if (want != damping) {
            Body body = bot.body();
            body.setLinearDamping(want);
            damping = want;
        }
        if (cell >= 0 && faulty[cell]) {
            pressurePlate(bot, cell);
        }
    }

    @Override
    public void afterStep(BotContext bot) {
        int cell = bot.cell();
        if (cell >= 0 && hazard[cell]) {
            bot.kill();
        }
    }

    /** The planted bug: a plate script that has nothing to trigger. */
    private static void pressurePlate(BotContext bot, int cell) {
        int w = bot.level().width();
        throw new IllegalStateException("pressure plate at (" + cell % w + ", " + cell / w
                + ") has no door to open");
    }
}
