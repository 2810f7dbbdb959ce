package io.animata.demo;

import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.Input;
import com.badlogic.gdx.math.Vector2;

/**
 * The player at the keyboard: WASD or the arrow keys, eight directions. With the autopilot on
 * ({@link #setAutopilot}) a {@link ScriptedPlayer} walks to the stairs instead, until a movement key is pressed.
 * While the player types a line to an NPC ({@link #setHeld}) it stands still.
 *
 * <p>Threading: the GL thread (it reads {@code Gdx.input}); {@link #move} allocates nothing.
 */
public final class KeyboardPlayer implements PlayerInput {
    private final ScriptedPlayer autopilot = new ScriptedPlayer();
    private boolean autopilotOn;
    private boolean held;

    @Override
    public void levelStarted(DungeonLevel level, PlayerComponent player) {
        autopilot.levelStarted(level, player);
    }

    @Override
    public void move(PlayerComponent player, Vector2 out) {
        if (held) {
            out.setZero(); // the keys are typing a line to an NPC
            return;
        }
        float x = 0f;
        float y = 0f;
        if (Gdx.input.isKeyPressed(Input.Keys.A) || Gdx.input.isKeyPressed(Input.Keys.LEFT)) {
            x -= 1f;
        }
        if (Gdx.input.isKeyPressed(Input.Keys.D) || Gdx.input.isKeyPressed(Input.Keys.RIGHT)) {
            x += 1f;
        }
        if (Gdx.input.isKeyPressed(Input.Keys.S) || Gdx.input.isKeyPressed(Input.Keys.DOWN)) {
            y -= 1f;
        }
        if (Gdx.input.isKeyPressed(Input.Keys.W) || Gdx.input.isKeyPressed(Input.Keys.UP)) {
            y += 1f;
        }
        if (x != 0f || y != 0f) {
            autopilotOn = false; // the person takes over
            out.set(x, y).nor();
        } else if (autopilotOn) {
            autopilot.move(player, out);
        } else {
            out.setZero();
        }
    }

    /** Holds the player still (the keyboard is typing a line to an NPC), or lets it move again. */
    public void setHeld(boolean hold) {
        held = hold;
    }

    /** @return whether the player is held still */
    public boolean isHeld() {
        return held;
    }

    /** Turns the autopilot on or off. */
    public void setAutopilot(boolean on) {
        autopilotOn = on;
    }

    /** @return whether the autopilot steers */
    public boolean isAutopilot() {
        return autopilotOn;
    }
}
