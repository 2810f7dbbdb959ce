package io.animata.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.runtime.testing.RecordingTextListener;
import io.animata.runtime.text.ChatMessage;
import io.animata.runtime.text.FinishReason;
import io.animata.runtime.text.GenerationRequest;
import io.animata.runtime.text.LlamaCppModel;
import io.animata.runtime.text.SamplingConfig;
import io.animata.runtime.text.TextSink;
import io.animata.runtime.text.TinyLlamaGguf;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GGUF models stream through the AI runtime's text queue, decoded by llama.cpp on the model's worker. */
class LlamaCppTextQueueTest {
    private static final int NPCS = 3;

    @TempDir
    static Path dir;
    static Path file;

    @BeforeAll
    static void write() {
        file = TinyLlamaGguf.write(dir.resolve("tiny.gguf"), TinyLlamaGguf.Config.DEFAULT, 7L, null);
    }

    private static LlamaCppModel open() {
        return LlamaCppModel.builder().setModelFile(file).optContextLength(512).optParallel(2).optThreads(1).build();
    }

    private static final String[] LINES = {"Where is the forge?", "Have you seen my sword", "Gold for the mine!"};

    private static GenerationRequest request(int npc, int maxTokens) {
        return GenerationRequest.chat(List.of(ChatMessage.system("You are villager " + npc + "."),
                ChatMessage.user(LINES[npc]))).optSampling(SamplingConfig.GREEDY).optMaxTokens(maxTokens).build();
    }

    private static List<String> lockstepRun() {
        try (AiRuntime runtime = AiRuntime.builder().setMode(RunMode.LOCKSTEP)
                .optLockstepTimeout(Duration.ofSeconds(30)).build()) {
            TextGenerationQueue queue = runtime.textQueue(open(), TextQueueOptions.DEFAULT.withStepsPerFrame(2));
            RecordingTextListener listener = new RecordingTextListener(runtime);
            runtime.beginFrame(1);
            for (int npc = 0; npc < NPCS; npc++) {
                queue.submit(request(npc, 12), listener, npc);
            }
            runtime.endFrame(1);
            long tick = 1;
            while (listener.ended.size() < NPCS && tick < 200) {
                runtime.beginFrame(++tick);
                runtime.endFrame(tick);
            }
            for (int npc = 0; npc < NPCS; npc++) {
                assertEquals(FinishReason.LENGTH, listener.ended.get(npc), listener.events.toString());
            }
            return listener.events;
        }
    }

    @Test
    void lockstepStreamsEveryConversationOverSeveralFramesAndRepeatsExactly() {
        String[] alone = new String[NPCS];
        try (LlamaCppModel model = open()) {
            for (int npc = 0; npc < NPCS; npc++) {
                alone[npc] = model.generate(request(npc, 12), TextSink.NONE, null).text();
            }
        }
        List<String> events = lockstepRun();
        for (int npc = 0; npc < NPCS; npc++) {
            String tag = ":" + npc + ":";
            List<String> mine = events.stream().filter(e -> e.contains(tag) && !e.contains(":END")).toList();
            assertTrue(mine.size() >= 3, "conversation " + npc + " arrived over several frames: " + events);
            StringBuilder text = new StringBuilder();
            mine.forEach(e -> text.append(e.substring(e.indexOf(tag) + tag.length())));
            assertEquals(alone[npc], text.toString(), "interleaved decoding gives each NPC its own reply");
        }
        assertEquals(events, lockstepRun(), "the same frames bring the same text");
    }

    @Test
    void realtimeFramesNeverWaitForLlamaCpp() throws InterruptedException {
        try (AiRuntime runtime = AiRuntime.builder().setMode(RunMode.REALTIME).build()) {
            TextGenerationQueue queue = runtime.textQueue(open());
            RecordingTextListener listener = new RecordingTextListener(runtime);
            long[] frameNanos = new long[20_000];
            int frames = 0;
            long tick = 0;
            runtime.beginFrame(++tick);
            for (int npc = 0; npc < NPCS; npc++) {
                queue.submit(request(npc, 150), listener, npc);
            }
            runtime.endFrame(tick);
            while (listener.ended.size() < NPCS && frames < frameNanos.length) {
                long start = System.nanoTime();
                runtime.beginFrame(++tick);
                runtime.endFrame(tick);
                frameNanos[frames++] = System.nanoTime() - start;
                Thread.sleep(1);
            }
            for (int npc = 0; npc < NPCS; npc++) {
                assertEquals(FinishReason.LENGTH, listener.ended.get(npc));
            }
            long framesWithText = listener.events.stream().map(e -> e.substring(0, e.indexOf(':'))).distinct()
                    .count();
            assertTrue(framesWithText >= 5, "text came over " + framesWithText + " of " + frames + " frames");
            long[] sorted = Arrays.copyOf(frameNanos, frames);
            Arrays.sort(sorted);
            long median = sorted[frames / 2];
            assertTrue(median < 1_000_000, "the game thread's median frame cost " + median + " ns");
            assertTrue(listener.threads.stream().allMatch(t -> t.equals(Thread.currentThread().getName())),
                    "listeners run on the game thread");
        }
    }
}
