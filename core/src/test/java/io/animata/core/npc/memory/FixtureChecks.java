package io.animata.core.npc.memory;

import com.badlogic.ashley.core.Entity;

/** Reads of an NPC's memory state for tests. */
final class FixtureChecks {
    private FixtureChecks() {
    }

    static boolean recalling(Entity npc) {
        return MindFixture.mind(npc).isRecalling();
    }

    static String recalled(Entity npc, int i) {
        return MindFixture.mind(npc).recall().get(i).text();
    }
}
