package io.animata.core.npc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.ashley.core.Engine;
import com.badlogic.ashley.core.Entity;
import io.animata.core.Animata;
import io.animata.core.npc.action.ActionArg;
import io.animata.core.npc.action.ActionDefinition;
import io.animata.core.npc.action.ActionsComponent;
import io.animata.runtime.AiRuntime;
import io.animata.runtime.RunMode;
import io.animata.runtime.text.LanguageModel;
import io.animata.runtime.text.ScriptedLanguageModel;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The README's dialogue example, with a scripted model in place of the server, in lockstep mode. */
class ReadmeDialogueExampleTest {

    @Test
    void theReadmeExampleRuns() {
        Engine engine = new Engine();
        AtomicInteger gatesOpened = new AtomicInteger();
        AiRuntime runtime = AiRuntime.builder().setMode(RunMode.LOCKSTEP).build();
        Animata animata = Animata.installOwning(engine, runtime);
        LanguageModel model = ScriptedLanguageModel.replying("Fine. Go on through.\nACTION: {\"action\": \"open_gate\"}");
        DialogueSystem dialogue = DialogueSystem.builder()
                .setQueue(runtime.textQueue(model))
                .optWorldFacts((npc, out) -> out.append("It is night. The gate is closed.\n"))
                .optActions(ActionDefinition.builder("open_gate").optDescription("open the north gate")
                                .addPrecondition("the gate is in reach", (npc, a) -> nearGate(npc)).build(),
                        ActionDefinition.builder("give_item").addArg(ActionArg.inventoryItem("item")).build())
                .build();
        dialogue.addActionListener((signal, event) -> {
            if (event.verb().equals("open_gate")) {
                gatesOpened.incrementAndGet();
            }
        });
        engine.addSystem(dialogue);

        Entity guard = engine.createEntity();
        guard.add(engine.createComponent(PersonaComponent.class).set(Persona.builtIn("guard")));
        guard.add(engine.createComponent(DialogueComponent.class));
        guard.add(engine.createComponent(MemoryComponent.class));
        guard.add(engine.createComponent(ActionsComponent.class).allow("open_gate"));
        engine.addEntity(guard);

        dialogue.say(guard, "Let me through, please!");
        DialogueComponent d = guard.getComponent(DialogueComponent.class);
        assertEquals(DialogueState.THINKING, d.state());
        for (int frame = 0; frame < 20 && d.isBusy(); frame++) {
            engine.update(1f / 60f);
        }
        assertEquals("Fine. Go on through.", d.lastReply());
        assertEquals("open_gate", d.action());
        assertEquals(1, gatesOpened.get());

        dialogue.say(guard, "And again?");
        engine.update(1f / 60f);
        engine.update(1f / 60f);
        assertTrue(dialogue.cancel(guard));
        assertEquals(DialogueState.IDLE, d.state());
        animata.dispose();
    }

    private static boolean nearGate(Entity npc) {
        return npc.getComponent(PersonaComponent.class) != null;
    }
}
