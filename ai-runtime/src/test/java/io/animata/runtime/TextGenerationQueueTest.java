package io.animata.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.runtime.testing.GatedLanguageModel;
import io.animata.runtime.testing.OpenAiTestServer;
import io.animata.runtime.testing.RecordingTextListener;
import io.animata.runtime.text.ChatMessage;
import io.animata.runtime.text.FinishReason;
import io.animata.runtime.text.GenerationRequest;
import io.animata.runtime.text.OpenAiCompatibleModel;
import io.animata.runtime.text.ScriptedLanguageModel;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextGenerationQueueTest {
    private static final String REPLY = "one two three four five six seven";

    private static AiRuntime lockstep() {
        return AiRuntime.builder().setMode(RunMode.LOCKSTEP).optLockstepTimeout(Duration.ofSeconds(20)).build();
    }

    private static GenerationRequest hello(int maxTokens) {
        return GenerationRequest.chat(List.of(ChatMessage.system("You are Mira."), ChatMessage.user("Hello")))
                .optMaxTokens(maxTokens).build();
    }

    private static long frame(AiRuntime runtime, long tick) {
        runtime.beginFrame(tick + 1);
        runtime.endFrame(tick + 1);
        return tick + 1;
    }

    private static List<String> lockstepRun() {
        try (AiRuntime runtime = lockstep()) {
            ScriptedLanguageModel model = ScriptedLanguageModel.replying(REPLY);
            TextGenerationQueue queue = runtime.textQueue(model, TextQueueOptions.DEFAULT.withStepsPerFrame(2));
            RecordingTextListener listener = new RecordingTextListener(runtime);
            runtime.beginFrame(1);
            queue.submit(hello(50), listener, 7);
            runtime.endFrame(1);
            long tick = 1;
            while (!listener.finished(7) && tick < 100) {
                tick = frame(runtime, tick);
            }
            return listener.events;
        }
    }

    @Test
    void lockstepStreamsAFewTokensPerFrameAndRepeatsExactly() {
        List<String> events = lockstepRun();
        // frame 1 reads the prompt and decodes one word; then two words per frame; the end with the last text
        assertEquals(List.of("2:7:one", "3:7: two three", "4:7: four five", "5:7: six seven", "6:7:END STOP"), events);
        assertEquals(events, lockstepRun());
    }

    @Test
    void listenersRunOnTheGameThread() {
        try (AiRuntime runtime = lockstep()) {
            TextGenerationQueue queue = runtime.textQueue(ScriptedLanguageModel.replying(REPLY));
            RecordingTextListener listener = new RecordingTextListener(runtime);
            runtime.beginFrame(1);
            queue.submit(hello(50), listener, 0);
            runtime.endFrame(1);
            for (long tick = 1; tick < 10; ) {
                tick = frame(runtime, tick);
            }
            assertEquals(REPLY, listener.text(0));
            assertTrue(listener.threads.stream().allMatch(Thread.currentThread().getName()::equals));
        }
    }

    @Test
    void concurrentConversationsAreSteppedTogetherInOneBatchPerRound() {
        try (AiRuntime runtime = lockstep()) {
            ScriptedLanguageModel model = ScriptedLanguageModel.builder()
                    .setReplies(r -> "reply to " + r.messages().get(r.messages().size() - 1).content()).build();
            TextGenerationQueue queue = runtime.textQueue(model);
            RecordingTextListener listener = new RecordingTextListener(runtime);
            runtime.beginFrame(1);
            for (int npc = 0; npc < 5; npc++) {
                queue.submit(GenerationRequest.chat(List.of(ChatMessage.user("npc" + npc))).build(), listener, npc);
            }
            runtime.endFrame(1);
            long tick = 1;
            while (listener.ended.size() < 5 && tick < 50) {
                tick = frame(runtime, tick);
            }
            for (int npc = 0; npc < 5; npc++) {
                assertEquals("reply to npc" + npc, listener.text(npc));
            }
            assertEquals(5, model.largestBatch());
            assertEquals(5, queue.metrics().completed());
            assertEquals(15, queue.metrics().tokensGenerated());
        }
    }

    @Test
    void beyondMaxConcurrentRequestsWaitTheirTurn() {
        try (AiRuntime runtime = lockstep()) {
            ScriptedLanguageModel model = ScriptedLanguageModel.replying("a b c");
            TextGenerationQueue queue = runtime.textQueue(model, TextQueueOptions.DEFAULT.withMaxConcurrent(2));
            RecordingTextListener listener = new RecordingTextListener(runtime);
            runtime.beginFrame(1);
            for (int npc = 0; npc < 3; npc++) {
                queue.submit(hello(10), listener, npc);
            }
            runtime.endFrame(1);
            runtime.beginFrame(2); // the worker's figures are read between its frames
            assertEquals(2, queue.metrics().activeGenerations());
            assertEquals(1, queue.metrics().waitingGenerations());
            runtime.endFrame(2);
            long tick = 2;
            while (listener.ended.size() < 3 && tick < 50) {
                tick = frame(runtime, tick);
            }
            assertEquals(2, model.largestBatch());
            assertEquals("a b c", listener.text(2));
        }
    }

    @Test
    void cancelStopsDecodingAndFreesTheGeneration() {
        try (AiRuntime runtime = lockstep()) {
            ScriptedLanguageModel model = ScriptedLanguageModel.replying("w ".repeat(200));
            TextGenerationQueue queue = runtime.textQueue(model, TextQueueOptions.DEFAULT.withStepsPerFrame(1));
            RecordingTextListener listener = new RecordingTextListener(runtime);
            runtime.beginFrame(1);
            long id = queue.submit(hello(500), listener, 3);
            runtime.endFrame(1);
            long tick = frame(runtime, 1);
            tick = frame(runtime, tick);
            assertFalse(listener.events.isEmpty());
            int stepsBefore;

            runtime.beginFrame(tick + 1);
            assertTrue(queue.cancel(id));
            assertFalse(queue.cancel(id), "a second cancel finds nothing");
            runtime.endFrame(tick + 1);
            tick++;
            int eventsAtCancel = listener.events.size();
            tick = frame(runtime, tick);
            stepsBefore = model.steps();
            for (int i = 0; i < 5; i++) {
                tick = frame(runtime, tick);
            }

            assertEquals(eventsAtCancel, listener.events.size(), "nothing delivered after cancel: " + listener.events);
            assertEquals(1, model.closedGenerations());
            assertEquals(stepsBefore, model.steps(), "no decoding after the worker saw the cancel");
            assertEquals(0, queue.liveRequests());
            assertEquals(1, queue.metrics().cancelled());
        }
    }

    @Test
    void aRequestCancelledBeforeTheHandOverNeverStarts() {
        try (AiRuntime runtime = lockstep()) {
            ScriptedLanguageModel model = ScriptedLanguageModel.replying(REPLY);
            TextGenerationQueue queue = runtime.textQueue(model);
            RecordingTextListener listener = new RecordingTextListener(runtime);
            runtime.beginFrame(1);
            queue.cancel(queue.submit(hello(50), listener, 0));
            runtime.endFrame(1);
            frame(runtime, frame(runtime, 1));
            assertEquals(0, model.starts());
            assertTrue(listener.events.isEmpty());
        }
    }

    @Test
    void aBackendFailureReachesTheListenerAndDoesNotThrowInLockstep() {
        try (AiRuntime runtime = lockstep()) {
            ScriptedLanguageModel model = ScriptedLanguageModel.builder().setReplies(r -> REPLY).optFailAtStep(3).build();
            TextGenerationQueue queue = runtime.textQueue(model, TextQueueOptions.DEFAULT.withStepsPerFrame(1));
            RecordingTextListener listener = new RecordingTextListener(runtime);
            runtime.beginFrame(1);
            queue.submit(hello(50), listener, 1);
            runtime.endFrame(1);
            long tick = 1;
            while (!listener.finished(1) && tick < 20) {
                tick = frame(runtime, tick);
            }
            assertEquals("one", listener.text(1), "text before the failure stays delivered");
            assertTrue(listener.failed.get(1).getMessage().contains("scripted failure at step 3"));
            assertEquals(1, queue.metrics().failures());
            assertEquals(0, queue.liveRequests());
        }
    }

    @Test
    void realtimeFramesGoOnWhileTheModelIsBusyAndTextArrivesLater() throws Exception {
        try (AiRuntime runtime = AiRuntime.builder().setMode(RunMode.REALTIME).build()) {
            GatedLanguageModel gated = new GatedLanguageModel(ScriptedLanguageModel.replying(REPLY));
            TextGenerationQueue queue = runtime.textQueue(gated);
            RecordingTextListener listener = new RecordingTextListener(runtime);
            runtime.beginFrame(1);
            queue.submit(hello(50), listener, 0);
            runtime.endFrame(1);
            assertTrue(gated.awaitBlockedStep());
            long tick = 1;
            for (int i = 0; i < 100; i++) {
                tick = frame(runtime, tick); // would hang here if the game thread waited for the model
            }
            assertTrue(listener.events.isEmpty(), "no text while the model is blocked");
            assertEquals(1, queue.liveRequests());

            gated.open();
            for (int i = 0; i < 100_000 && !listener.finished(0); i++) {
                tick = frame(runtime, tick);
                Thread.sleep(1);
            }
            assertEquals(REPLY, listener.text(0));
            assertEquals(FinishReason.STOP, listener.ended.get(0));
            assertTrue(listener.events.size() >= 3, "the reply came over several frames: " + listener.events);
        }
    }

    @Test
    void aServerThatRefusesConnectionsFailsTheRequestInALaterFrame() throws Exception {
        try (AiRuntime runtime = lockstep()) {
            OpenAiCompatibleModel server = OpenAiCompatibleModel.builder().setBaseUrl(OpenAiTestServer.refusingUrl())
                    .optModel("m").optMaxRetries(1).optRetryBackoff(Duration.ofMillis(5)).build();
            TextGenerationQueue queue = runtime.textQueue(server);
            RecordingTextListener listener = new RecordingTextListener(runtime);
            runtime.beginFrame(1);
            queue.submit(hello(20), listener, 4);
            runtime.endFrame(1);
            long tick = 1;
            while (!listener.finished(4) && tick < 10_000) {
                tick = frame(runtime, tick);
            }
            assertTrue(listener.failed.get(4).getMessage().contains("refused the connection"),
                    String.valueOf(listener.events));
        }
    }

    @Test
    void streamsFromARealServerThroughTheQueue() throws Exception {
        try (AiRuntime runtime = lockstep(); OpenAiTestServer server = new OpenAiTestServer()) {
            server.pieces("Aye", ", the", " forge", " is hot.");
            TextGenerationQueue queue = runtime.textQueue(OpenAiCompatibleModel.builder().setBaseUrl(server.url())
                    .build());
            RecordingTextListener listener = new RecordingTextListener(runtime);
            runtime.beginFrame(1);
            queue.submit(hello(20), listener, 0);
            runtime.endFrame(1);
            long tick = 1;
            while (!listener.finished(0) && tick < 10_000) {
                tick = frame(runtime, tick);
            }
            assertEquals("Aye, the forge is hot.", listener.text(0));
            assertEquals(FinishReason.STOP, listener.ended.get(0));
        }
    }

    @Test
    void releaseClosesTheGenerationsAndTheModelAndRefusesNewRequests() throws InterruptedException {
        try (AiRuntime runtime = lockstep()) {
            ScriptedLanguageModel model = ScriptedLanguageModel.replying("w ".repeat(100));
            TextGenerationQueue queue = runtime.textQueue(model);
            assertSame(queue, runtime.textQueue(model));
            RecordingTextListener listener = new RecordingTextListener(runtime);
            runtime.beginFrame(1);
            queue.submit(hello(100), listener, 0);
            runtime.endFrame(1);
            long tick = frame(runtime, 1);
            int events = listener.events.size();

            runtime.release(model);
            frame(runtime, frame(runtime, tick));

            assertEquals(0, runtime.textQueueCount());
            assertEquals(events, listener.events.size());
            assertThrows(AnimataException.class, () -> queue.submit(hello(5), listener, 1));
            for (int i = 0; i < 10_000 && !model.isClosed(); i++) {
                Thread.sleep(1); // the close runs on the worker after the frames handed over
            }
            assertTrue(model.isClosed());
            assertEquals(1, model.closedGenerations());
        }
    }

    @Test
    void closingTheRuntimeClosesLiveGenerationsAndTheModel() {
        ScriptedLanguageModel model = ScriptedLanguageModel.replying("w ".repeat(100));
        AiRuntime runtime = lockstep();
        TextGenerationQueue queue = runtime.textQueue(model);
        runtime.beginFrame(1);
        queue.submit(hello(100), new RecordingTextListener(runtime), 0);
        runtime.endFrame(1);
        frame(runtime, 1);

        runtime.close();
        runtime.close();

        assertTrue(model.isClosed());
        assertEquals(1, model.closedGenerations());
    }

    @Test
    void streamingFramesAllocateNothingOnTheGameThread() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (AiRuntime runtime = lockstep()) {
            TextGenerationQueue queue = runtime.textQueue(ScriptedLanguageModel.builder()
                    .setReplies(r -> "w ".repeat(20_000)).optContextLength(100_000).build(),
                    TextQueueOptions.DEFAULT.withStepsPerFrame(1));
            StringBuilder text = new StringBuilder(100_000);
            TextListener listener = new TextListener() {
                @Override
                public void onText(long requestId, int tag, CharSequence piece) {
                    text.append(piece);
                }

                @Override
                public void onComplete(long requestId, int tag, FinishReason reason) {
                }
            };
            runtime.beginFrame(1);
            queue.submit(hello(20_000), listener, 0);
            runtime.endFrame(1);
            long tick = 1;
            for (int i = 0; i < 3000; i++) {
                tick = frame(runtime, tick);
            }
            long[] windows = new long[3];
            for (int w = 0; w < windows.length; w++) {
                long before = mx.getCurrentThreadAllocatedBytes();
                for (int f = 0; f < 1000; f++) {
                    tick = frame(runtime, tick);
                }
                windows[w] = mx.getCurrentThreadAllocatedBytes() - before;
                if (windows[w] == 0) {
                    break;
                }
            }
            assertTrue(text.length() > 6000, "text streamed: " + text.length());
            assertEquals(0L, java.util.Arrays.stream(windows).filter(v -> v >= 0).min().getAsLong(),
                    java.util.Arrays.toString(windows));
        }
    }
}
