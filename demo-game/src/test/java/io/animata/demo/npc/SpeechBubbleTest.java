package io.animata.demo.npc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.gdx.math.Vector2;
import io.animata.core.npc.DialogueComponent;
import io.animata.core.npc.DialogueState;
import io.animata.demo.DemoSettings;
import io.animata.demo.DemoWorld;
import io.animata.runtime.RunMode;
import io.animata.runtime.text.ChatMessage;
import io.animata.runtime.text.GenerationRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The speech bubble follows the reply as it streams in: thinking, then whole words, then the reply, then a fade. */
class SpeechBubbleTest {

    @Test
    void theBubbleShowsTheStreamedReplyWordByWordThenTheWholeReplyThenFades() {
        NpcSettings npcs = NpcSettings.defaults().withModel(DialogueModelSource.of("acting", TestModels::acting));
        try (DemoWorld demo = new DemoWorld(DemoSettings.defaults().withSeed(5L).withBots(2)
                .withMode(RunMode.LOCKSTEP), (player, out) -> out.setZero(), npcs)) {
            DemoNpcs people = demo.npcs();
            Vector2 at = people.npc(0).body.getPosition();
            demo.player().body.setTransform(at.x + 1f, at.y, 0f);
            SpeechBubble bubble = new SpeechBubble();
            DialogueComponent dialogue = people.dialogue(0);
            bubble.update(dialogue, DemoWorld.STEP);
            assertFalse(bubble.isVisible(), "nothing said yet");

            people.say(0, "Hello there! Who are you?");
            bubble.update(dialogue, DemoWorld.STEP);
            assertEquals(SpeechBubble.THINKING, bubble.text().toString());

            List<String> shown = new ArrayList<>();
            for (int frame = 0; frame < 120 && dialogue.isBusy(); frame++) {
                demo.step();
                bubble.update(dialogue, DemoWorld.STEP);
                String text = bubble.text().toString();
                if (shown.isEmpty() || !shown.get(shown.size() - 1).equals(text)) {
                    shown.add(text);
                }
                if (dialogue.state() == DialogueState.SPEAKING && !text.equals(SpeechBubble.THINKING)) {
                    assertTrue(dialogue.reply().toString().startsWith(text), text + " / " + dialogue.reply());
                    assertFalse(text.endsWith(" "), "whole words, no trailing space: '" + text + "'");
                }
            }
            String reply = TestModels.answer(chat("Hello there! Who are you?"));
            assertEquals(reply, dialogue.lastReply());
            assertEquals(reply, bubble.text().toString(), "the complete reply");
            assertTrue(shown.size() >= 4, "the bubble grew over several frames: " + shown);
            for (int i = 1; i < shown.size(); i++) {
                String before = shown.get(i - 1);
                assertTrue(before.equals(SpeechBubble.THINKING) || shown.get(i).startsWith(before),
                        "the text only grows: " + shown);
            }

            bubble.update(dialogue, SpeechBubble.SHOW_SECONDS);
            assertEquals(1f, bubble.alpha());
            bubble.update(dialogue, SpeechBubble.FADE_SECONDS / 2);
            assertEquals(0.5f, bubble.alpha(), 1e-4f);
            bubble.update(dialogue, SpeechBubble.FADE_SECONDS);
            assertFalse(bubble.isVisible());
            bubble.clear();
            assertEquals("", bubble.text().toString());
        }
    }

    private static GenerationRequest chat(String line) {
        return GenerationRequest.chat(List.of(ChatMessage.user(line))).build();
    }
}
