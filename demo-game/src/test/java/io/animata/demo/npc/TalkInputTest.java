package io.animata.demo.npc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.gdx.Input;
import com.badlogic.gdx.math.Vector2;
import io.animata.demo.DemoSettings;
import io.animata.demo.DemoWorld;
import io.animata.runtime.RunMode;
import org.junit.jupiter.api.Test;

/**
 * The window's talking keys, fed the events libGDX would send (no window needed): T or Enter next to an NPC opens a
 * line, characters are typed, Enter sends it to that NPC, Esc cancels, and the keyboard is the line's meanwhile.
 */
class TalkInputTest {

    @Test
    void tNextToAnNpcOpensALineAndEnterSendsItToThatNpc() {
        NpcSettings npcs = NpcSettings.defaults().withModel(DialogueModelSource.of("acting", TestModels::acting));
        try (DemoWorld demo = new DemoWorld(DemoSettings.defaults().withSeed(9L).withBots(2)
                .withMode(RunMode.LOCKSTEP), (player, out) -> out.setZero(), npcs)) {
            DemoNpcs people = demo.npcs();
            TalkInput talk = new TalkInput(people, demo.player());
            assertEquals(-1, talk.inReach(), "the player starts away from the NPCs");
            assertFalse(talk.keyDown(Input.Keys.T), "nobody to talk to: the key is the game's");
            assertFalse(talk.ownsKeyboard());

            Vector2 at = people.npc(1).body.getPosition();
            demo.player().body.setTransform(at.x + 1f, at.y, 0f);
            assertEquals(1, talk.inReach());
            assertTrue(talk.keyDown(Input.Keys.T));
            assertTrue(talk.keyTyped('t'), "the T's own character is eaten by the line");
            for (char c : "Could you give me the key?".toCharArray()) {
                assertTrue(talk.keyTyped(c));
            }
            assertTrue(talk.keyDown(Input.Keys.BACKSPACE));
            assertEquals("Could you give me the key", talk.editor().text().toString());
            assertTrue(talk.keyDown(Input.Keys.N), "while typing, N is not a new dungeon");
            assertTrue(talk.ownsKeyboard());

            assertTrue(talk.keyDown(Input.Keys.ENTER));
            assertFalse(talk.editor().isOpen());
            assertTrue(talk.ownsKeyboard(), "the Enter that sent the line is not the game's");
            assertTrue(people.dialogue(1).isBusy());
            assertTrue(people.npc(1).talkingWithPlayer);
            assertEquals(1, talk.linesSent());
            talk.endFrame();
            assertFalse(talk.ownsKeyboard());
            for (int i = 0; i < 30 && people.dialogue(1).isBusy(); i++) {
                demo.step();
            }
            assertEquals("Could you give me the key", people.dialogue(1).lastLine());

            // Esc cancels without a word; Enter opens too
            assertTrue(talk.keyDown(Input.Keys.ENTER));
            talk.keyTyped('\r');
            talk.keyTyped('h');
            assertTrue(talk.keyDown(Input.Keys.ESCAPE));
            assertTrue(talk.ownsKeyboard(), "the Esc that cancelled does not quit the game");
            assertEquals(1, talk.linesSent());
            talk.endFrame();

            // a new dungeon closes a line in progress (its NPC is gone)
            talk.keyDown(Input.Keys.T);
            assertTrue(talk.editor().isOpen());
            demo.requestNextLevel();
            demo.step();
            talk.endFrame();
            assertFalse(talk.editor().isOpen());
        }
    }
}
