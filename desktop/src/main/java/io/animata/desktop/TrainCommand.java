package io.animata.desktop;

import io.animata.core.agent.env.NavEnvironment;
import io.animata.core.agent.env.NavHeuristic;
import io.animata.runtime.AnimataException;
import io.animata.runtime.rl.ActionBuffer;
import io.animata.runtime.rl.Environment;
import io.animata.runtime.rl.EnvironmentFactory;
import io.animata.runtime.train.BehaviourCloning;
import io.animata.runtime.train.CloningResult;
import io.animata.runtime.train.DemonstrationWriter;
import io.animata.runtime.train.Demonstrations;
import io.animata.runtime.train.Evaluation;
import io.animata.runtime.train.PpoTrainer;
import io.animata.runtime.train.TrainingSummary;
import io.animata.runtime.train.UpdateStats;
import io.animata.runtime.train.env.CartPole;
import io.animata.runtime.train.env.PointTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code animata train ENV}: trains a policy with PPO on {@code K} headless copies of an environment, with a progress
 * bar, and writes to {@code --out}: {@code policy.onnx} + {@code policy.json} (the runtime's policy format),
 * {@code checkpoints/} (the policy every tenth of the run), {@code curve.csv} and {@code curve.png} (episode return
 * against environment steps). It then runs deterministic evaluation episodes and prints, as its last line,
 * {@code RESULT env=.. steps=.. eval_mean_return=.. steps_per_s=..}. With {@code --demos FILE} (or
 * {@code --record-demos N}, from the environment's heuristic) the policy first clones the demonstrations: a warm
 * start, or with {@code --steps 0} the whole training.
 *
 * <p>Environments are registered by name in {@link #ENVIRONMENTS}, each with the PPO settings that suit it.
 *
 * <p>Threading: runs on the main thread; environment copies are stepped on the trainer's threads.
 */
@Command(name = "train",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Train a policy with PPO (DJL + PyTorch on CPU) and export it to ONNX.",
            "Steps K headless copies of the environment in lockstep, as fast as the machine allows. Writes "
                    + "DIR/policy.onnx + policy.json, DIR/checkpoints/, DIR/curve.csv and DIR/curve.png, then runs "
                    + "deterministic evaluation episodes.",
            "With --demos FILE or --record-demos N, behaviour cloning of the demonstrations comes first (a warm start; "
                    + "with --steps 0 the only training).",
            "Last line: RESULT env=.. steps=.. eval_mean_return=.. steps_per_s=.. (and eval_success=.. where "
                    + "episodes have goals)",
            "'train dialogue' instead trains the shipped NPC dialogue model on the project's dialogue corpus and "
                    + "writes an ONNX model folder (Optimum layout); --steps are optimiser steps there (default "
                    + DialogueTrainingRun.DEFAULT_STEPS + "). Last line: RESULT model=dialogue steps=.. loss_first=.. "
                    + "loss_final=.. loss_held_out=.. skipped=.. seconds=.. bytes=..",
        })
public final class TrainCommand implements Callable<Integer> {

    /**
     * An environment the command can train on: how to make copies, and the PPO settings that suit it.
     *
     * @param description one line for {@code --help}
     * @param factory makes the copies
     * @param settings PPO settings for it, applied before the command-line options
     * @param heuristic a hand-written controller to record demonstrations from ({@code --record-demos}), or null
     */
    public record TrainingEnvironment(String description, EnvironmentFactory factory,
            UnaryOperator<PpoTrainer.Builder> settings, BiConsumer<float[], ActionBuffer> heuristic) {
    }

    /**
     * The environments {@code animata train} knows, by name. Register new ones here (one line each); the help text
     * lists them.
     */
    static final Map<String, TrainingEnvironment> ENVIRONMENTS;

    static {
        Map<String, TrainingEnvironment> envs = new LinkedHashMap<>();
        // Gymnasium CartPole-v1; settings after RL Zoo's PPO hyperparameters for it
        envs.put("cartpole", new TrainingEnvironment("balance a pole on a cart (Gymnasium CartPole-v1, 2 actions)",
                i -> new CartPole(), b -> b.optRolloutSteps(32).optMinibatchSize(256).optEpochs(20).optGamma(0.98f)
                        .optLambda(0.8f).optLearningRate(1e-3f), CartPole::heuristic));
        envs.put("point", new TrainingEnvironment("reach a target on a line (1 continuous action)",
                i -> new PointTarget(), b -> b.optRolloutSteps(64).optMinibatchSize(128).optEpochs(10)
                        .optGamma(0.9f).optLearningRate(1e-3f), PointTarget::heuristic));
        // Box2D top-down arena with a ray sensor (core.agent.env); episodes of up to 300 steps, so a longer horizon
        NavHeuristic navHeuristic = new NavHeuristic();
        envs.put("nav", new TrainingEnvironment("reach a goal in a Box2D arena with walls and obstacles (rays, 9 actions)",
                NavEnvironment.factory(), b -> b.optRolloutSteps(128).optMinibatchSize(256).optEpochs(10)
                        .optGamma(0.99f).optLambda(0.95f).optLearningRate(3e-4f), navHeuristic::decide));
        ENVIRONMENTS = Collections.unmodifiableMap(envs);
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ENV", description = "Environment: ${COMPLETION-CANDIDATES}.",
            completionCandidates = EnvironmentNames.class)
    String environment;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "300000",
            description = "Environment steps over all copies, rounded up to whole rollouts (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--envs", paramLabel = "K", defaultValue = "8",
            description = "Environment copies stepped in lockstep (default: ${DEFAULT-VALUE}).")
    int envs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the weights, episodes, sampling and minibatches (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder (created).")
    Path out;

    @Option(names = "--eval-episodes", paramLabel = "N", defaultValue = "100",
            description = "Deterministic episodes run after training (default: ${DEFAULT-VALUE}).")
    int evalEpisodes;

    @Option(names = "--checkpoints", paramLabel = "N", defaultValue = "10",
            description = "Policies saved to DIR/checkpoints during the run; 0 for none (default: ${DEFAULT-VALUE}).")
    int checkpoints;

    @Option(names = "--no-progress", description = "No progress bar (for logs).")
    boolean noProgress;

    @Option(names = "--demos", paramLabel = "FILE",
            description = "Warm start: clone these recorded demonstrations before PPO (with --steps 0: clone only).")
    Path demos;

    @Option(names = "--record-demos", paramLabel = "N",
            description = "Record N episodes of the environment's heuristic to DIR/demonstrations.bin and clone them "
                    + "as the warm start.")
    int recordDemos;

    @Option(names = "--conversations", paramLabel = "N", defaultValue = "" + DialogueTrainingRun.DEFAULT_CONVERSATIONS,
            description = "dialogue: conversations in the generated corpus (default: ${DEFAULT-VALUE}).")
    int conversations;

    @Option(names = "--bc-epochs", paramLabel = "E", defaultValue = "20",
            description = "Behaviour-cloning epochs over the demonstrations (default: ${DEFAULT-VALUE}).")
    int bcEpochs;

    /** Lists the environment names for picocli's help and completion. */
    static final class EnvironmentNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            java.util.List<String> names = new java.util.ArrayList<>(ENVIRONMENTS.keySet());
            names.add(DIALOGUE);
            return names.iterator();
        }
    }

    /** The name that trains the dialogue model rather than a policy. */
    static final String DIALOGUE = "dialogue";

    @Override
    public Integer call() {
        if (DIALOGUE.equals(environment)) {
            boolean stepsGiven = spec.commandLine().getParseResult().hasMatchedOption("--steps");
            return new DialogueTrainingRun(spec, out, seed, stepsGiven ? steps : DialogueTrainingRun.DEFAULT_STEPS,
                    conversations, noProgress).call();
        }
        TrainingEnvironment env = ENVIRONMENTS.get(environment);
        if (env == null) {
            throw new ParameterException(spec.commandLine(), "Unknown environment '" + environment + "'; choose one of "
                    + String.join(", ", ENVIRONMENTS.keySet()) + " (or " + DIALOGUE + " for the NPC dialogue model)");
        }
        boolean cloning = demos != null || recordDemos > 0;
        if (steps < 0 || (steps == 0 && !cloning) || envs < 1 || evalEpisodes < 1 || checkpoints < 0
                || recordDemos < 0 || bcEpochs < 1) {
            throw new ParameterException(spec.commandLine(), "--envs, --eval-episodes and --bc-epochs must be at least "
                    + "1, --checkpoints and --record-demos not negative, --steps at least 1 (0 only with demonstrations)");
        }
        if (demos != null && recordDemos > 0) {
            throw new ParameterException(spec.commandLine(), "give --demos or --record-demos, not both");
        }
        if (recordDemos > 0 && env.heuristic() == null) {
            throw new ParameterException(spec.commandLine(), "environment '" + environment
                    + "' has no heuristic to record demonstrations from; record them in the game and use --demos");
        }
        // curve.png is drawn off-screen; no display needed
        System.setProperty("java.awt.headless", "true");
        Path checkpointDir = out.resolve("checkpoints");
        Path made = checkpoints > 0 ? checkpointDir : out;
        try {
            Files.createDirectories(made);
        } catch (IOException e) {
            throw new AnimataException("cannot create " + made + ": " + e.getMessage(), e);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PpoTrainer.Builder builder = env.settings().apply(PpoTrainer.builder().setEnvironment(env.factory()))
                .optEnvironments(envs).optSeed(seed);
        try (PpoTrainer trainer = builder.build(); LearningCurve curve = new LearningCurve(out.resolve("curve.csv"))) {
            long total = ((steps + trainer.stepsPerUpdate() - 1) / trainer.stepsPerUpdate()) * trainer.stepsPerUpdate();
            stdout.printf(Locale.ROOT, "train %s: %d steps, %d environments on %d threads, %d steps per update, "
                    + "seed %d, network on %s%n", environment, total, trainer.environments(),
                    trainer.environmentThreads(), trainer.stepsPerUpdate(), seed, trainer.policy().device());
            stdout.flush();
            if (cloning) {
                warmStart(env, trainer, stdout);
            }
            Checkpoints saver = new Checkpoints(trainer, checkpointDir, total);
            TrainingSummary summary = new TrainingSummary(0, 0, 0, 0, 0, Double.NaN);
            try (ProgressBar bar = steps == 0 ? null : progressBar(total)) {
                summary = steps == 0 ? summary : trainer.train(steps, stats -> {
                    curve.add(stats);
                    saver.maybeSave(stats);
                    if (bar != null) {
                        bar.stepTo(stats.environmentSteps());
                        if (!Double.isNaN(stats.recentMeanReturn())) {
                            bar.setExtraMessage(String.format(Locale.ROOT, "return %.1f", stats.recentMeanReturn()));
                        }
                    }
                });
            }
            curve.writePng(out.resolve("curve.png"), "PPO on " + environment + " (seed " + seed + ", " + envs
                    + " environments)");
            trainer.exportPolicy(out.resolve("policy.onnx"), out.resolve("policy.json"), environment);
            Evaluation eval = trainer.evaluate(evalEpisodes, seed + 1_000_003L);
            stdout.printf(Locale.ROOT, "trained %d steps in %.1f s (%.0f steps/s), %d updates, %d episodes; "
                    + "last 100 episodes' mean return %.1f%n", summary.environmentSteps(), summary.seconds(),
                    summary.stepsPerSecond(), summary.updates(), summary.episodes(), summary.recentMeanReturn());
            stdout.printf(Locale.ROOT, "evaluation: %d deterministic episodes, mean return %.2f (std %.2f, min %.1f, "
                    + "max %.1f)%s%n", eval.episodes(), eval.meanReturn(), eval.stdReturn(), eval.minReturn(),
                    eval.maxReturn(), eval.hasSuccessRate()
                            ? String.format(Locale.ROOT, ", %.0f%% reached the goal", 100 * eval.successRate()) : "");
            stdout.printf(Locale.ROOT, "wrote %s: policy.onnx, policy.json, curve.csv, curve.png, %d checkpoints%n",
                    out, saver.saved);
            stdout.printf(Locale.ROOT, "RESULT env=%s steps=%d eval_mean_return=%.2f steps_per_s=%.0f%s%n", environment,
                    summary.environmentSteps(), eval.meanReturn(), summary.stepsPerSecond(), eval.hasSuccessRate()
                            ? String.format(Locale.ROOT, " eval_success=%.2f", eval.successRate()) : "");
            stdout.flush();
        }
        return 0;
    }

    /** Clones the demonstrations (read, or recorded from the heuristic) into the trainer's policy. */
    private void warmStart(TrainingEnvironment env, PpoTrainer trainer, PrintWriter stdout) {
        Path file = demos;
        if (recordDemos > 0) {
            file = out.resolve("demonstrations.bin");
            try (Environment one = env.factory().create(0);
                    DemonstrationWriter writer = new DemonstrationWriter(file, one.observationWidth(),
                            one.actionSpace())) {
                double mean = writer.recordEpisodes(one, env.heuristic(), recordDemos, seed + 2_000_003L);
                stdout.printf(Locale.ROOT, "recorded %d heuristic episodes (%d steps, mean return %.2f) to %s%n",
                        recordDemos, writer.count(), mean, file);
            }
        }
        Demonstrations recorded = Demonstrations.read(file);
        CloningResult cloned = BehaviourCloning.builder().optEpochs(bcEpochs).optSeed(seed).build()
                .train(trainer.policy(), recorded);
        Evaluation eval = trainer.evaluate(Math.min(evalEpisodes, 20), seed + 1_000_003L);
        stdout.printf(Locale.ROOT, "behaviour cloning: %d steps, %d epochs, loss %.4f%s; cloned policy's mean return "
                + "%.2f over %d episodes%n", cloned.samples(), cloned.epochs(), cloned.loss(),
                Double.isNaN(cloned.accuracy()) ? "" : String.format(Locale.ROOT, ", accuracy %.3f", cloned.accuracy()),
                eval.meanReturn(), eval.episodes());
        stdout.flush();
    }

    private ProgressBar progressBar(long total) {
        if (noProgress) {
            return null;
        }
        PrintWriter err = spec.commandLine().getErr();
        return ProgressBars.on(err, "train " + environment, total).setUnit(" steps", 1).setUpdateIntervalMillis(500)
                .build();
    }

    /** Exports the policy each time the run passes another 1/N of its steps. */
    private final class Checkpoints {
        private final PpoTrainer trainer;
        private final Path dir;
        private final long total;
        private int saved;

        Checkpoints(PpoTrainer trainer, Path dir, long total) {
            this.trainer = trainer;
            this.dir = dir;
            this.total = total;
        }

        void maybeSave(UpdateStats stats) {
            if (checkpoints == 0) {
                return;
            }
            long next = (saved + 1) * total / checkpoints;
            if (stats.environmentSteps() >= next) {
                String name = String.format(Locale.ROOT, "policy-%09d", stats.environmentSteps());
                trainer.exportPolicy(dir.resolve(name + ".onnx"), dir.resolve(name + ".json"), environment);
                saved++;
            }
        }
    }
}
