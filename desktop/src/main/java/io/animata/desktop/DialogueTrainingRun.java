package io.animata.desktop;

import io.animata.runtime.train.DecoderTrainer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code animata train dialogue}: trains the shipped NPC dialogue model ({@link DialogueTraining}) with a progress bar
 * and prints, as its last line, {@code RESULT model=dialogue steps=.. loss_first=.. loss_final=.. loss_held_out=..
 * skipped=.. seconds=.. bytes=..}. {@code ./animata train dialogue --out assets/models/dialogue --seed 1 --steps 1400}
 * makes the shipped one.
 *
 * <p>Threading: the main thread; PyTorch on one intra-op thread.
 */
final class DialogueTrainingRun {
    /** Optimiser steps of the shipped model. */
    static final int DEFAULT_STEPS = 1400;
    /** Conversations in the shipped model's corpus. */
    static final int DEFAULT_CONVERSATIONS = 6000;
    private static final int HELD_OUT = 200;
    private static final int BATCH = 8;
    private static final float LEARNING_RATE = 3e-3f;

    private final CommandSpec spec;
    private final Path out;
    private final long seed;
    private final long steps;
    private final int conversations;
    private final boolean noProgress;

    DialogueTrainingRun(CommandSpec spec, Path out, long seed, long steps, int conversations, boolean noProgress) {
        this.spec = spec;
        this.out = out;
        this.seed = seed;
        this.steps = steps;
        this.conversations = conversations;
        this.noProgress = noProgress;
    }

    Integer call() {
        if (steps < 1 || steps > Integer.MAX_VALUE || conversations < 1) {
            throw new ParameterException(spec.commandLine(), "train dialogue needs --steps and --conversations of at "
                    + "least 1");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "train dialogue: %d steps of %d conversations, seed %d, to %s%n", steps, BATCH, seed,
                out);
        stdout.flush();
        DialogueTraining.Outcome outcome;
        try (ProgressBar bar = progressBar((int) steps)) {
            outcome = DialogueTraining.run(new DialogueTraining.Settings(seed, (int) steps, conversations, HELD_OUT,
                    BATCH, LEARNING_RATE), out, (step, total, loss) -> {
                        if (bar != null) {
                            bar.stepTo(step);
                            bar.setExtraMessage(String.format(Locale.ROOT, "loss %.3f", loss));
                        } else if (step % 100 == 0 || step == total) {
                            stdout.printf(Locale.ROOT, "step %d/%d loss %.4f%n", step, total, loss);
                            stdout.flush();
                        }
                    }, stdout);
        }
        DecoderTrainer.Summary s = outcome.summary();
        stdout.printf(Locale.ROOT, "trained %d steps in %.1f s on %d reply tokens; wrote %s (model.onnx %d bytes, "
                + "tokenizer.json, config.json, tokenizer_config.json, training.json)%n", s.steps(), s.seconds(),
                s.trainedTokens(), out, outcome.modelBytes());
        stdout.printf(Locale.ROOT, "RESULT model=dialogue steps=%d loss_first=%.4f loss_final=%.4f loss_held_out=%.4f "
                + "skipped=%d seconds=%.1f bytes=%d%n", s.steps(), s.firstLoss(), s.finalLoss(), s.heldOutLoss(),
                s.skippedSteps(), s.seconds(), outcome.modelBytes());
        stdout.flush();
        return 0;
    }

    private ProgressBar progressBar(int total) {
        if (noProgress) {
            return null;
        }
        PrintWriter err = spec.commandLine().getErr();
        return ProgressBars.on(err, "train dialogue", total).setUnit(" steps", 1).setUpdateIntervalMillis(500)
                .build();
    }
}
