package io.animata.core.playtest;

import io.animata.core.agent.env.NavEnvironment;
import io.animata.core.agent.env.NavHeuristic;
import io.animata.core.agent.env.NavObservation;
import io.animata.runtime.AnimataException;
import io.animata.runtime.model.BatchModel;
import io.animata.runtime.rl.ActionBuffer;
import io.animata.runtime.rl.PolicySpec;

/**
 * What drives a playtest bot to the waypoint its explorer sets: it reads a {@link NavObservation} row whose goal is
 * the waypoint (16 rays with wall / obstacle / goal tags, goal direction and distance, velocity) and writes one of
 * the 9 discrete nav actions ({@link NavEnvironment#DISCRETE_ACTIONS}: 0 no push, {@code 1 + k} towards
 * {@code k * 45°}). So the same drivers that play the {@code nav} task play here: the scripted
 * {@link NavHeuristic}, or a trained nav policy.
 *
 * <p>Threading: an instance belongs to one bot run (one thread). {@link #heuristic()} allocates nothing per call;
 * {@link #policy} runs the model, which allocates inside ONNX Runtime.
 */
public interface Steering {

    /**
     * @param observation a {@link NavObservation} row
     * @param action receives the decision (one branch of 9)
     */
    void steer(float[] observation, ActionBuffer action);

    /** @return the scripted nav heuristic */
    static Steering heuristic() {
        NavHeuristic heuristic = new NavHeuristic();
        return heuristic::decide;
    }

    /**
     * A trained nav policy, played greedily (the largest logit).
     *
     * @param model the policy's model (e.g. an {@code OnnxModel} of {@code policy.onnx}); may be shared by many bots
     *     when its {@code run} is thread-safe, as {@code OnnxModel}'s is
     * @return a steering for one bot
     * @throws AnimataException when the model does not read nav observations or has no 9-wide logits output
     */
    static Steering policy(BatchModel model) {
        if (model.inputWidth() != NavObservation.WIDTH) {
            throw new AnimataException("policy model '" + model.name() + "' reads " + model.inputWidth()
                    + " floats, but playtest bots give the nav observation of " + NavObservation.WIDTH
                    + "; use a policy trained with ./animata train nav");
        }
        int logits = -1;
        for (int o = 0; o < model.outputCount(); o++) {
            if (PolicySpec.LOGITS.equals(model.outputName(o))) {
                logits = o;
            }
        }
        int options = NavEnvironment.DISCRETE_ACTIONS.branchSize(0);
        if (logits < 0 || model.outputWidth(logits) != options) {
            throw new AnimataException("policy model '" + model.name() + "' has no output '" + PolicySpec.LOGITS
                    + "' of width " + options + "; playtest bots need the discrete nav actions");
        }
        float[][] outputs = new float[model.outputCount()][];
        for (int o = 0; o < outputs.length; o++) {
            outputs[o] = new float[model.outputWidth(o)];
        }
        int logitsOutput = logits;
        return (observation, action) -> {
            model.run(observation, 1, outputs);
            float[] values = outputs[logitsOutput];
            int best = 0;
            for (int i = 1; i < values.length; i++) {
                if (values[i] > values[best]) {
                    best = i;
                }
            }
            action.discrete[0] = best;
        };
    }
}
