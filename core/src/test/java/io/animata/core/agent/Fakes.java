package io.animata.core.agent;

import io.animata.runtime.rl.ActionBuffer;
import java.util.ArrayList;
import java.util.List;

/** Counting fakes for agent tests. */
final class Fakes {
    private Fakes() {
    }

    /** Writes a settable value into every float of its row; counts observations and resets. */
    static final class ValueSensor implements Sensor {
        final int width;
        float value;
        int observes;
        int resets;

        ValueSensor(int width) {
            this.width = width;
        }

        @Override
        public int width() {
            return width;
        }

        @Override
        public void observe(float[] out, int offset) {
            observes++;
            for (int i = 0; i < width; i++) {
                out[offset + i] = value + i;
            }
        }

        @Override
        public void reset() {
            resets++;
        }
    }

    /** Records every action applied to it (one discrete branch). */
    static final class RecordingActuator extends DiscreteActuator {
        final List<Integer> applied = new ArrayList<>();
        int resets;
        /** Option to forbid at every decision, or -1. */
        int forbidden = -1;

        RecordingActuator(int options) {
            super(options);
        }

        @Override
        protected void act(int[] choices) {
            applied.add(choices[0]);
        }

        @Override
        protected void mask(ActionMask mask, int firstBranch) {
            if (forbidden >= 0) {
                mask.mask(firstBranch, forbidden);
            }
        }

        @Override
        public void reset() {
            resets++;
        }
    }

    /** Records every continuous action applied. */
    static final class RecordingContinuous extends ContinuousActuator {
        final List<float[]> applied = new ArrayList<>();

        RecordingContinuous(int size) {
            super(size);
        }

        @Override
        protected void act(float[] values) {
            applied.add(values.clone());
        }
    }

    /** Counts the listener's calls and keeps their order as text. */
    static final class CountingListener implements AgentListener {
        final List<String> events = new ArrayList<>();
        int begins;
        int decisions;
        int ends;

        @Override
        public void onEpisodeBegin(com.badlogic.ashley.core.Entity entity, AgentComponent agent) {
            begins++;
            events.add("begin " + agent.episodeId());
        }

        @Override
        public void onDecision(com.badlogic.ashley.core.Entity entity, AgentComponent agent) {
            decisions++;
            ActionBuffer a = agent.action();
            events.add("decide " + (a.discrete.length > 0 ? String.valueOf(a.discrete[0]) : String.valueOf(a.continuous[0])));
        }

        @Override
        public void onEpisodeEnd(com.badlogic.ashley.core.Entity entity, AgentComponent agent) {
            ends++;
            events.add("end " + agent.episodeId() + (agent.isTruncated() ? " truncated" : " terminated"));
        }
    }
}
