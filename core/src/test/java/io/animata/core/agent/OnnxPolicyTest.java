package io.animata.core.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.ashley.core.Engine;
import com.badlogic.ashley.core.Entity;
import io.animata.core.Animata;
import io.animata.core.testing.LogitsModel;
import io.animata.runtime.AiRuntime;
import io.animata.runtime.AnimataException;
import io.animata.runtime.RunMode;
import io.animata.runtime.model.Activation;
import io.animata.runtime.model.Mlp;
import io.animata.runtime.onnx.DevicePreference;
import io.animata.runtime.onnx.MlpOnnxExporter;
import io.animata.runtime.rl.ActionBuffer;
import io.animata.runtime.rl.ActionSpace;
import io.animata.runtime.rl.PolicySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link OnnxPolicy} on real ONNX graphs exported from an {@link Mlp}. */
class OnnxPolicyTest {
    @TempDir
    Path dir;

    private final AiRuntime runtime = AiRuntime.builder().setMode(RunMode.LOCKSTEP).optDevice(DevicePreference.CPU)
            .build();

    @AfterEach
    void close() {
        runtime.close();
    }

    /** An MLP whose output equals its input (one identity layer). */
    private static Mlp identity(int width) {
        float[] weights = new float[width * width];
        for (int i = 0; i < width; i++) {
            weights[i * width + i] = 1f;
        }
        return Mlp.builder(width).addLayer(weights, new float[width], Activation.IDENTITY).build();
    }

    private static byte[] export(Mlp mlp, String output) {
        return new MlpOnnxExporter().optInputName(PolicySpec.INPUT).optOutputName(output).export(mlp);
    }

    @Test
    void agentsActOnTheExportedGraphsLogitsThroughTheRuntime() {
        ActionSpace space = ActionSpace.discrete(3, 2);
        PolicySpec spec = new PolicySpec("identity", 5, space, null, null, null, false);
        OnnxPolicy policy = OnnxPolicy.builder().setRuntime(runtime)
                .setModel("identity", export(identity(5), PolicySpec.LOGITS)).optSpec(spec).build();
        Engine engine = new Engine();
        Animata animata = Animata.install(engine, runtime);
        AgentSystem system = new AgentSystem();
        engine.addSystem(system);
        float[][] observations = {{0f, 2f, 1f, 5f, 4f}, {3f, 0f, 1f, 0f, 1f}};
        List<int[]> chosen = new ArrayList<>();
        for (float[] observation : observations) {
            Entity entity = new Entity();
            AgentComponent agent = new AgentComponent();
            agent.policy = policy;
            agent.decisionPeriod = 2; // decide in frame 0 only: exactly one batch
            agent.sensors.add(new VectorSensor(5, (out, offset) -> System.arraycopy(observation, 0, out, offset, 5)));
            agent.actuators.add(DiscreteActuator.of(new int[] {3, 2}, choices -> chosen.add(choices.clone())));
            entity.add(agent);
            engine.addEntity(entity);
        }

        engine.update(0.1f);
        engine.update(0.1f);
        animata.dispose();

        assertEquals(2, chosen.size());
        assertEquals(List.of(1, 0), List.of(chosen.get(0)[0], chosen.get(0)[1]));
        assertEquals(List.of(0, 1), List.of(chosen.get(1)[0], chosen.get(1)[1]));
        assertEquals(1, policy.queue().metrics().batchesRun());
        assertEquals(2, policy.queue().metrics().lastBatchSize());
    }

    @Test
    void releaseHandsTheModelBackToTheRuntime() {
        OnnxPolicy policy = OnnxPolicy.builder().setRuntime(runtime)
                .setModel("swap-me", export(identity(2), PolicySpec.MEAN))
                .optSpec(new PolicySpec("swap-me", 2, ActionSpace.continuous(2), null, null, new float[] {0f, 0f}, false))
                .build();
        assertEquals(1, runtime.queueCount());
        policy.release();
        assertEquals(0, runtime.queueCount());
        org.junit.jupiter.api.Assertions.assertThrows(io.animata.runtime.AnimataException.class,
                () -> policy.submit(new float[2], (id, tag, r) -> { }, 0));
    }

    @Test
    void loadsThePolicyFileWithItsSidecar() {
        Path onnx = dir.resolve("nav/policy.onnx");
        new MlpOnnxExporter().optInputName(PolicySpec.INPUT).optOutputName(PolicySpec.MEAN).export(identity(2), onnx);
        new PolicySpec("nav", 2, ActionSpace.continuous(2), null, null, new float[] {-20f, -20f}, false)
                .write(dir.resolve("nav/policy.json"));

        OnnxPolicy policy = OnnxPolicy.builder().setRuntime(runtime).setModel(onnx).build();
        ActionBuffer action = new ActionBuffer(policy.actionSpace());
        policy.decode(new ArrayResult(new float[] {0.25f, 3f}), null, action);

        assertEquals("nav", policy.spec().getName());
        assertEquals(ActionSpace.continuous(2), policy.actionSpace());
        assertEquals(2, policy.observationWidth());
        assertFalse(policy.isStochastic());
        assertEquals(0.25f, action.continuous[0]);
        assertEquals(1f, action.continuous[1]); // clipped
    }

    @Test
    void stochasticContinuousActionsSpreadAroundTheMeanByExpLogStd() {
        PolicySpec spec = new PolicySpec("c", 1, ActionSpace.continuous(1), null, null,
                new float[] {(float) Math.log(0.1)}, false);
        OnnxPolicy policy = OnnxPolicy.builder().setRuntime(runtime).setModel(new LogitsModel("m", PolicySpec.MEAN, 1))
                .optSpec(spec).optStochastic(3).build();
        ActionBuffer action = new ActionBuffer(spec.actionSpace());
        ArrayResult result = new ArrayResult(new float[] {0.2f});
        int n = 20_000;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            policy.decode(result, null, action);
            sum += action.continuous[0];
            squares += action.continuous[0] * action.continuous[0];
        }
        double mean = sum / n;

        assertEquals(0.2, mean, 0.005);
        assertEquals(0.1, Math.sqrt(squares / n - mean * mean), 0.005);
    }

    @Test
    void aMissingSidecarNamesTheFileItLookedFor() {
        Path onnx = dir.resolve("policy.onnx");
        new MlpOnnxExporter().optInputName(PolicySpec.INPUT).optOutputName(PolicySpec.LOGITS).export(identity(2), onnx);

        AnimataException e = assertThrows(AnimataException.class,
                () -> OnnxPolicy.builder().setRuntime(runtime).setModel(onnx).build());
        assertTrue(e.getMessage().contains("policy.json"), e.getMessage());
    }

    @Test
    void aGraphWithoutTheExpectedOutputIsRejectedWithItsOutputNames() {
        PolicySpec spec = new PolicySpec("p", 3, ActionSpace.discrete(3), null, null, null, false);

        AnimataException e = assertThrows(AnimataException.class, () -> OnnxPolicy.builder().setRuntime(runtime)
                .setModel("p", export(identity(3), "output")).optSpec(spec).build());
        assertTrue(e.getMessage().contains("[output]") && e.getMessage().contains("'logits'"), e.getMessage());
    }

    @Test
    void widthsThatDisagreeWithTheSidecarAreRejected() {
        AnimataException input = assertThrows(AnimataException.class, () -> OnnxPolicy.builder().setRuntime(runtime)
                .setModel(new LogitsModel("m", 4))
                .optSpec(new PolicySpec("p", 5, ActionSpace.discrete(4), null, null, null, false)).build());
        assertTrue(input.getMessage().contains("takes observations of 4 floats"), input.getMessage());

        AnimataException output = assertThrows(AnimataException.class, () -> OnnxPolicy.builder()
                .setRuntime(runtime).setModel(new LogitsModel("m2", 4))
                .optSpec(new PolicySpec("p", 4, ActionSpace.discrete(2, 3), null, null, null, false)).build());
        assertTrue(output.getMessage().contains("has width 4") && output.getMessage().contains("need 5"),
                output.getMessage());
    }

    @Test
    void theBuilderSaysWhatIsMissing() {
        IllegalStateException noRuntime = assertThrows(IllegalStateException.class,
                () -> OnnxPolicy.builder().setModel(new LogitsModel("m", 2)).build());
        assertTrue(noRuntime.getMessage().contains("setRuntime"));
        IllegalStateException noSpec = assertThrows(IllegalStateException.class,
                () -> OnnxPolicy.builder().setRuntime(runtime).setModel(new LogitsModel("m", 2)).build());
        assertTrue(noSpec.getMessage().contains("optSpec"));
    }

    @Test
    void theSidecarLivesNextToThePolicyFile() {
        assertEquals(Path.of("a/b/policy.json"), OnnxPolicy.sidecarOf(Path.of("a/b/policy.onnx")));
        assertEquals(Path.of("model.bin.json"), OnnxPolicy.sidecarOf(Path.of("model.bin")));
        assertTrue(Files.notExists(dir.resolve("x")));
    }
}
