package io.animata.demo.npc;

import com.badlogic.ashley.core.Component;
import com.badlogic.gdx.physics.box2d.Body;
import com.badlogic.gdx.utils.Pool.Poolable;

/**
 * A person of the dungeon: which of the cast it is, its Box2D body in the level's world, the tile it was placed on,
 * and whether it follows the player. Its persona and conversation are the core's
 * {@link io.animata.core.npc.PersonaComponent} and {@link io.animata.core.npc.DialogueComponent} on the same entity.
 *
 * <p>Data only; {@link DemoNpcs}, {@link NpcActions} and {@link CompanionSystem} change it on the game thread.
 */
public final class NpcComponent implements Component, Poolable {
    /** The built-in persona it plays ({@code mira}, {@code tom}, {@code guard}). */
    public String personaId = "";
    /** Its number among the level's NPCs, from 0. */
    public int index;
    /** Its dynamic circle body, in the current level's world. */
    public Body body;
    /** The grid cell it was placed on. */
    public int homeCell = -1;
    /** Whether it follows the player as a companion. */
    public boolean following;
    /** Whether its conversation in progress is with the player (walking away cancels it). */
    public boolean talkingWithPlayer;
    /** Actions it took. */
    public int actionsTaken;

    @Override
    public void reset() {
        personaId = "";
        index = 0;
        body = null;
        homeCell = -1;
        following = false;
        talkingWithPlayer = false;
        actionsTaken = 0;
    }
}
