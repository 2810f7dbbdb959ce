package io.animata.core.playtest;

import io.animata.core.playtest.jobs.JobType;
import io.animata.runtime.AnimataException;
import io.animata.runtime.onnx.DevicePreference;
import io.animata.runtime.onnx.OnnxModel;
import io.animata.runtime.onnx.OnnxSessionConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Playtest bots as jobs: runs a {@link PlaytestJob} to the end in a {@link BotRun} and returns its
 * {@link BotResult}. A nav policy named by the settings is loaded once per instance (one ONNX Runtime session on the
 * CPU, shared by the bots that run on this instance's threads) and closed with it.
 *
 * <p>Threading: {@link #run} may be called from many threads at once; {@link #close} after the last run.
 */
public final class PlaytestJobType implements JobType<PlaytestJob, BotResult> {
    private final Map<String, OnnxModel> models = new ConcurrentHashMap<>();

    /** Made directly, or by a worker process from the class name. */
    public PlaytestJobType() {
    }

    @Override
    public Class<PlaytestJob> specType() {
        return PlaytestJob.class;
    }

    @Override
    public Class<BotResult> resultType() {
        return BotResult.class;
    }

    @Override
    public BotResult run(PlaytestJob job) {
        try (BotRun run = BotRun.start(job, steering(job.settings()))) {
            while (run.step()) {
                // play to the end
            }
            return run.result();
        }
    }

    /**
     * @return a new steering for one bot with these settings (the heuristic, or the settings' policy, loaded on
     *     first use)
     * @throws AnimataException when the policy file is missing or unfit
     */
    public Steering steering(PlaytestSettings settings) {
        if (!PlaytestSettings.POLICY.equals(settings.controller())) {
            return Steering.heuristic();
        }
        OnnxModel model = models.computeIfAbsent(settings.policy(), file -> {
            Path path = Path.of(file);
            if (!Files.isRegularFile(path)) {
                throw new AnimataException("nav policy " + path.toAbsolutePath() + " does not exist; train one with "
                        + "./animata train nav, or use the shipped assets/models/nav/policy.onnx");
            }
            return OnnxModel.load("nav-policy", path, new OnnxSessionConfig(1, DevicePreference.CPU, 0));
        });
        return Steering.policy(model);
    }

    @Override
    public void close() {
        for (OnnxModel m : models.values()) {
            m.close();
        }
        models.clear();
    }
}
