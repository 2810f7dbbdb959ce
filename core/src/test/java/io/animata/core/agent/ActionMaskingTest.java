package io.animata.core.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.testing.LogitsModel;
import io.animata.runtime.AiRuntime;
import io.animata.runtime.AnimataException;
import io.animata.runtime.RunMode;
import io.animata.runtime.rl.ActionBuffer;
import io.animata.runtime.rl.ActionSpace;
import io.animata.runtime.rl.PolicySpec;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Masked options are never chosen, by any policy, in any mode. */
class ActionMaskingTest {
    private final AiRuntime runtime = AiRuntime.builder().setMode(RunMode.LOCKSTEP).build();

    @AfterEach
    void close() {
        runtime.close();
    }

    static LongStream seeds() {
        return LongStream.range(0, 12).map(i -> 0x9E3779B97F4A7C15L * (i + 1));
    }

    /** A random space of 1-4 branches of 1-7 options. */
    private static ActionSpace randomSpace(Random random) {
        int[] branches = new int[1 + random.nextInt(4)];
        for (int b = 0; b < branches.length; b++) {
            branches[b] = 1 + random.nextInt(7);
        }
        return ActionSpace.discrete(branches);
    }

    /** Masks each option with probability 1/2, keeping one random option of every branch allowed. */
    private static void randomMask(ActionMask mask, Random random) {
        mask.clear();
        ActionSpace space = mask.space();
        for (int b = 0; b < space.branchCount(); b++) {
            int keep = random.nextInt(space.branchSize(b));
            for (int o = 0; o < space.branchSize(b); o++) {
                mask.setMasked(b, o, o != keep && random.nextBoolean());
            }
        }
    }

    private OnnxPolicy onnxPolicy(ActionSpace space, boolean stochastic, long seed) {
        int width = space.totalDiscreteOptions();
        OnnxPolicy.Builder builder = OnnxPolicy.builder().setRuntime(runtime)
                .setModel(new LogitsModel("logits-" + seed + "-" + stochastic, width))
                .optSpec(new PolicySpec("test", width, space, null, null, null, false));
        return (stochastic ? builder.optStochastic(seed) : builder).build();
    }

    private static void assertNothingMasked(ActionMask mask, ActionBuffer action) {
        for (int b = 0; b < action.discrete.length; b++) {
            int option = action.discrete[b];
            assertTrue(option >= 0 && option < mask.space().branchSize(b), "option " + option + " of branch " + b);
            assertFalse(mask.isMasked(b, option), "chose masked option " + option + " of branch " + b + ": " + mask);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void onnxPoliciesNeverChooseAMaskedOption(long seed) {
        Random random = new Random(seed);
        ActionSpace space = randomSpace(random);
        ActionMask mask = new ActionMask(space);
        ActionBuffer action = new ActionBuffer(space);
        OnnxPolicy deterministic = onnxPolicy(space, false, seed);
        OnnxPolicy stochastic = onnxPolicy(space, true, seed);
        float[] logits = new float[space.totalDiscreteOptions()];
        ArrayResult result = new ArrayResult(logits);

        for (int trial = 0; trial < 500; trial++) {
            randomMask(mask, random);
            for (int i = 0; i < logits.length; i++) {
                // masked options often have the best logits: the policy must not care
                logits[i] = (float) (random.nextGaussian() * 4);
            }
            deterministic.decode(result, mask, action);
            assertNothingMasked(mask, action);
            stochastic.decode(result, mask, action);
            assertNothingMasked(mask, action);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomPoliciesNeverChooseAMaskedOptionAndReachEveryAllowedOne(long seed) {
        Random random = new Random(seed);
        ActionSpace space = randomSpace(random);
        ActionMask mask = new ActionMask(space);
        ActionBuffer action = new ActionBuffer(space);
        RandomPolicy policy = new RandomPolicy(space, seed);
        randomMask(mask, random);
        boolean[][] seen = new boolean[space.branchCount()][8];

        for (int trial = 0; trial < 400; trial++) {
            policy.sample(mask, action);
            assertNothingMasked(mask, action);
            for (int b = 0; b < space.branchCount(); b++) {
                seen[b][action.discrete[b]] = true;
            }
        }
        for (int b = 0; b < space.branchCount(); b++) {
            for (int o = 0; o < space.branchSize(b); o++) {
                assertEquals(!mask.isMasked(b, o), seen[b][o], "branch " + b + " option " + o);
            }
        }
    }

    @Test
    void theDeterministicChoiceIsTheBestAllowedLogitPerBranch() {
        ActionSpace space = ActionSpace.discrete(3, 2);
        ActionMask mask = new ActionMask(space);
        ActionBuffer action = new ActionBuffer(space);
        mask.mask(0, 2);
        onnxPolicy(space, false, 1).decode(new ArrayResult(new float[] {0.1f, 0.5f, 9f, 3f, 3f}), mask, action);

        assertEquals(1, action.discrete[0]);
        assertEquals(0, action.discrete[1]); // the first on ties
    }

    @Test
    void stochasticChoicesFollowTheSoftmaxOfTheAllowedLogits() {
        ActionSpace space = ActionSpace.discrete(3);
        ActionMask mask = new ActionMask(space);
        mask.mask(0, 1);
        ActionBuffer action = new ActionBuffer(space);
        OnnxPolicy policy = onnxPolicy(space, true, 42);
        // allowed: option 0 (logit 0) and option 2 (logit ln 3): probabilities 1/4 and 3/4
        ArrayResult result = new ArrayResult(new float[] {0f, 50f, (float) Math.log(3)});
        int[] counts = new int[3];
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            policy.decode(result, mask, action);
            counts[action.discrete[0]]++;
        }

        assertEquals(0, counts[1]);
        assertEquals(0.25, counts[0] / (double) n, 0.02);
        assertEquals(0.75, counts[2] / (double) n, 0.02);
    }

    @Test
    void decodingABranchWithEveryOptionMaskedIsAnError() {
        ActionSpace space = ActionSpace.discrete(2);
        ActionMask mask = new ActionMask(space);
        mask.mask(0, 0);
        mask.mask(0, 1);

        AnimataException e = assertThrows(AnimataException.class, () -> onnxPolicy(space, false, 1)
                .decode(new ArrayResult(new float[] {1f, 2f}), mask, new ActionBuffer(space)));
        assertTrue(e.getMessage().contains("writeMask must leave at least one option"), e.getMessage());
        assertThrows(AnimataException.class, () -> new RandomPolicy(space, 1).sample(mask, new ActionBuffer(space)));
    }
}
