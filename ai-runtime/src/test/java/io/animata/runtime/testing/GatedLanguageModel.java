package io.animata.runtime.testing;

import io.animata.runtime.text.FinishReason;
import io.animata.runtime.text.Generation;
import io.animata.runtime.text.GenerationRequest;
import io.animata.runtime.text.LanguageModel;
import io.animata.runtime.text.StepStatus;
import io.animata.runtime.text.TextSink;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Wraps a language model so that its steps block until {@link #open()}: a model slower than any frame. */
public final class GatedLanguageModel implements LanguageModel {
    private final LanguageModel inner;
    private final CountDownLatch gate = new CountDownLatch(1);
    private final CountDownLatch entered = new CountDownLatch(1);

    public GatedLanguageModel(LanguageModel inner) {
        this.inner = inner;
    }

    /** Lets every blocked and later step go on. */
    public void open() {
        gate.countDown();
    }

    /** Waits until a step has started (and is blocked). */
    public boolean awaitBlockedStep() throws InterruptedException {
        return entered.await(30, TimeUnit.SECONDS);
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public String device() {
        return inner.device();
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
        inner.close();
    }
}
