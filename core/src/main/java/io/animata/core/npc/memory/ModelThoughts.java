package io.animata.core.npc.memory;

import io.animata.runtime.AnimataException;
import io.animata.runtime.TextGenerationQueue;
import io.animata.runtime.TextListener;
import io.animata.runtime.text.ChatMessage;
import io.animata.runtime.text.FinishReason;
import io.animata.runtime.text.GenerationRequest;
import io.animata.runtime.text.SamplingConfig;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@link MemorySystem} asks language models: reflections (one to three insights, read by the {@link Reflector};
 * an extractive summary when there is no model or it fails) and importance ratings (a number 1-10 that replaces the
 * rule-based score; a failed rating keeps it). Answers for a component that was reset or reloaded meanwhile are
 * dropped.
 *
 * <p>Threading: game thread; the queues call back inside {@code beginFrame}.
 */
final class ModelThoughts implements TextListener {
    private static final System.Logger LOG = System.getLogger(ModelThoughts.class.getName());
    private static final Pattern FIRST_NUMBER = Pattern.compile("(10|[1-9])");

    private final Reflector reflector;
    private final TextGenerationQueue reflectionQueue;
    private final TextGenerationQueue importanceQueue;
    private final DoubleSupplier hours;
    private final Map<Long, Pending> pending = new HashMap<>();

    ModelThoughts(Reflector reflector, TextGenerationQueue reflectionQueue, TextGenerationQueue importanceQueue,
            DoubleSupplier hours) {
        this.reflector = reflector;
        this.reflectionQueue = reflectionQueue;
        this.importanceQueue = importanceQueue;
        this.hours = hours;
    }

    /** The NPC reflects on {@code sources}: through the model when there is one, else at once, extractively. */
    void reflect(MemoryStreamComponent mind, String npcName, List<Memory> sources) {
        mind.reflections++;
        if (reflectionQueue == null) {
            record(mind, reflector.extractive(sources));
            return;
        }
        GenerationRequest request = GenerationRequest.chat(reflector.prompt(npcName, sources)).optMaxTokens(96)
                .optSampling(SamplingConfig.GREEDY).build();
        mind.reflecting = true;
        pending.put(reflectionQueue.submit(request, this, 0), new Pending(mind, sources, null));
    }

    /** Asks the importance model (when there is one) to rate a new dialogue line or observation. */
    void rate(MemoryStreamComponent mind, Memory m) {
        if (importanceQueue == null) {
            return;
        }
        String prompt = "On a scale of 1 to 10, where 1 is purely mundane (e.g. a greeting, the weather) and 10 is"
                + " extremely poignant (e.g. a death, a betrayal, a life saved), rate the likely poignancy of this"
                + " memory.\nMemory: " + m.text() + "\nAnswer with one number.";
        GenerationRequest request = GenerationRequest.chat(List.of(ChatMessage.user(prompt))).optMaxTokens(4)
                .optSampling(SamplingConfig.GREEDY).build();
        pending.put(importanceQueue.submit(request, this, 1), new Pending(mind, null, m));
    }

    /** Cancels every request in flight (the system left the engine). */
    void cancelAll() {
        if (reflectionQueue != null) {
            reflectionQueue.cancelAll(this);
        }
        if (importanceQueue != null && importanceQueue != reflectionQueue) {
            importanceQueue.cancelAll(this);
        }
        pending.clear();
    }

    private void record(MemoryStreamComponent mind, Reflector.Insight insight) {
        mind.stream.addReflection(insight.text(), hours.getAsDouble(),
                Reflector.importanceOf(insight.sources(), mind.stream), insight.sources());
    }

    @Override
    public void onText(long requestId, int tag, CharSequence text) {
        Pending p = pending.get(requestId);
        if (p != null) {
            p.text.append(text);
        }
    }

    @Override
    public void onComplete(long requestId, int tag, FinishReason reason) {
        Pending p = pending.remove(requestId);
        if (p == null || p.mind.generation != p.generation) {
            return;
        }
        if (p.rated != null) {
            Matcher n = FIRST_NUMBER.matcher(p.text);
            if (n.find()) {
                p.mind.stream.rescore(p.rated, Integer.parseInt(n.group(1)));
            }
            return;
        }
        p.mind.reflecting = false;
        List<Reflector.Insight> insights = reflector.parse(p.text.toString(), p.sources);
        if (insights.isEmpty()) {
            insights = List.of(reflector.extractive(p.sources));
        }
        for (Reflector.Insight insight : insights) {
            record(p.mind, insight);
        }
    }

    @Override
    public void onFailure(long requestId, int tag, AnimataException error) {
        Pending p = pending.remove(requestId);
        if (p == null || p.mind.generation != p.generation || p.rated != null) {
            return; // a failed rating keeps the rule-based score
        }
        LOG.log(Level.WARNING, "reflection by the language model failed, summarising instead: " + error.getMessage());
        p.mind.reflecting = false;
        record(p.mind, reflector.extractive(p.sources));
    }

    /** A request in flight: a reflection (with its sources) or a rating (of one memory). */
    private static final class Pending {
        final MemoryStreamComponent mind;
        final int generation;
        final List<Memory> sources;
        final Memory rated;
        final StringBuilder text = new StringBuilder(64);

        Pending(MemoryStreamComponent mind, List<Memory> sources, Memory rated) {
            this.mind = mind;
            this.generation = mind.generation;
            this.sources = sources;
            this.rated = rated;
        }
    }
}
