package io.animata.core.npc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.ashley.core.Entity;
import io.animata.runtime.RunMode;
import io.animata.runtime.TextQueueOptions;
import io.animata.runtime.text.FinishReason;
import io.animata.runtime.text.Generation;
import io.animata.runtime.text.GenerationRequest;
import io.animata.runtime.text.LanguageModel;
import io.animata.runtime.text.ScriptedLanguageModel;
import io.animata.runtime.text.StepStatus;
import io.animata.runtime.text.TextSink;
import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** DialogueSystem in realtime mode: the game thread never waits for the model. */
class DialogueSystemRealtimeTest {

    /** Blocks every step until opened: a model far slower than a frame. */
    private static final class GatedModel implements LanguageModel {
        final ScriptedLanguageModel inner;
        final CountDownLatch gate = new CountDownLatch(1);
        final CountDownLatch entered = new CountDownLatch(1);

        GatedModel(ScriptedLanguageModel inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return "gated";
        }

        @Override
        public String device() {
            return "java";
        }

        @Override
        public int contextLength() {
            return inner.contextLength();
        }

        @Override
        public Generation start(GenerationRequest request, TextSink sink) {
            Generation g = inner.start(request, sink);
            return new Generation() {
                @Override
                public StepStatus step() {
                    entered.countDown();
                    try {
                        gate.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return g.step();
                }

                @Override
                public FinishReason finishReason() {
                    return g.finishReason();
                }

                @Override
                public int promptTokens() {
                    return g.promptTokens();
                }

                @Override
                public int generatedTokens() {
                    return g.generatedTokens();
                }

                @Override
                public void close() {
                    g.close();
                }
            };
        }

        @Override
        public void close() {
            gate.countDown();
        }
    }

    @Test
    void framesGoOnWhileTheModelThinksAndTheReplyArrivesOverSeveralFrames() throws Exception {
        GatedModel model = new GatedModel(ScriptedLanguageModel.replying(
                "Well met, traveller. The forge is hot and the blades are sharp today."));
        try (NpcFixture f = new NpcFixture(RunMode.REALTIME, model, TextQueueOptions.DEFAULT.withStepsPerFrame(2),
                DialogueSystem.builder())) {
            Entity mira = f.npc("mira", true);
            f.dialogue.say(mira, "Hello!");
            f.update();
            assertTrue(model.entered.await(30, TimeUnit.SECONDS));
            for (int i = 0; i < 200; i++) {
                f.update(); // would hang if the game thread waited for the model
            }
            DialogueComponent d = NpcFixture.dialogue(mira);
            assertEquals(DialogueState.THINKING, d.state(), "the NPC shows it is thinking");
            assertEquals("", d.reply().toString());

            model.gate.countDown();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < 100_000 && d.isBusy(); i++) {
                f.update();
                seen.add(d.reply().toString());
                Thread.sleep(1);
            }
            assertEquals("Well met, traveller. The forge is hot and the blades are sharp today.", d.lastReply());
            assertTrue(seen.size() >= 3, "the reply grew over several frames: " + seen);
        }
    }

    @Test
    void framesWithAStreamingReplyAllocateNothingOnTheGameThread() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        ScriptedLanguageModel model = ScriptedLanguageModel.builder().setReplies(r -> "word ".repeat(5000))
                .optContextLength(100_000).build();
        try (NpcFixture f = new NpcFixture(RunMode.LOCKSTEP, model, TextQueueOptions.DEFAULT.withStepsPerFrame(1),
                DialogueSystem.builder())) {
            Entity mira = f.npc("mira", true);
            NpcFixture.dialogue(mira).maxTokens = 5000;
            for (int i = 0; i < 5; i++) {
                f.npc("tom", true); // idle NPCs are iterated too
            }
            f.dialogue.say(mira, "Talk for a long time.");
            for (int i = 0; i < 1500; i++) {
                f.update();
            }
            // a clean window is required; a few are allowed to settle first: in a full suite run the JIT has been seen
            // to leave one-off allocations (a few hundred bytes in 500 frames, less than one object a frame) in two
            // windows in a row
            long[] windows = new long[6];
            for (int w = 0; w < windows.length; w++) {
                long before = mx.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < 500; i++) {
                    f.update();
                }
                windows[w] = mx.getCurrentThreadAllocatedBytes() - before;
                if (windows[w] == 0) {
                    break;
                }
            }
            assertEquals(DialogueState.SPEAKING, NpcFixture.dialogue(mira).state());
            assertEquals(0L, java.util.Arrays.stream(windows).filter(v -> v >= 0).min().getAsLong(),
                    java.util.Arrays.toString(windows));
        }
    }
}
