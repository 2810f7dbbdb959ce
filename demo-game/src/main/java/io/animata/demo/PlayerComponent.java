package io.animata.demo;

import com.badlogic.ashley.core.Component;
import com.badlogic.gdx.math.Vector2;
import com.badlogic.gdx.physics.box2d.Body;
import com.badlogic.gdx.utils.Pool.Poolable;

/**
 * The player: its Box2D body (in the current level's world; replaced when the level changes), who steers it
 * ({@link PlayerInput}: the keyboard, or a script headless), how fast it runs, and how it is doing.
 *
 * <p>Data only; {@link PlayerSystem} moves it and {@link DungeonRules} scores it, on the game thread.
 */
public final class PlayerComponent implements Component, Poolable {
    /** Top speed, metres per second (the bots run at {@link io.animata.core.agent.env.NavArena#MAX_SPEED}). */
    public static final float DEFAULT_SPEED = 5f;

    /** The player's dynamic circle body, or null between levels. */
    public Body body;
    /** Who steers the player. */
    public PlayerInput input;
    /** Top speed, metres per second. */
    public float speed = DEFAULT_SPEED;
    /** The direction asked for in the latest frame, length at most 1 (written by {@link PlayerSystem}). */
    public final Vector2 wanted = new Vector2();
    /** The last direction the player moved in, a unit vector (for drawing where it looks). */
    public final Vector2 facing = new Vector2(1f, 0f);
    /** Treasure held. */
    public int gold;
    /** Keys held (an NPC gave it; the locked door takes it). */
    public int keys;
    /** Treasure picked up over the run. */
    public int goldFound;
    /** Times a bot reached the player. */
    public int caught;
    /** Frames left during which a bot's touch costs nothing (after being caught). */
    public int graceFrames;
    /** Levels left by the stairs. */
    public int stairsTaken;

    @Override
    public void reset() {
        body = null;
        input = null;
        speed = DEFAULT_SPEED;
        wanted.setZero();
        facing.set(1f, 0f);
        gold = 0;
        keys = 0;
        goldFound = 0;
        caught = 0;
        graceFrames = 0;
        stairsTaken = 0;
    }
}
