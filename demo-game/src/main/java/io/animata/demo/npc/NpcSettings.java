package io.animata.demo.npc;

/**
 * The people of a {@link io.animata.demo.DemoWorld}: how many stand in each dungeon (the cast of three, Mira, Old
 * Tom and Captain Hale, repeated when there are more), where their language model comes from, and whether they are
 * kept talking ({@code chatter}: every NPC that falls silent is asked the next line of a small script, as if the
 * dungeon were full of visitors; the benchmark of many conversations at once). Immutable.
 *
 * <pre>{@code
 * NpcSettings npcs = NpcSettings.defaults().withCount(10).withChatter(true);
 * DemoWorld demo = new DemoWorld(DemoSettings.defaults(), new TalkingPlayer(), npcs);
 * }</pre>
 *
 * @param count NPCs per dungeon, 0 or more
 * @param chatter whether every silent NPC is asked the next scripted line
 * @param model where the language model comes from
 */
public record NpcSettings(int count, boolean chatter, DialogueModelSource model) {
    /** NPCs in the default game: the cast, once each. */
    public static final int DEFAULT_COUNT = 3;
    /** The most NPCs per dungeon. */
    public static final int MAX_COUNT = 32;

    /** @throws IllegalArgumentException when the count is out of range or the model source is missing */
    public NpcSettings {
        if (count < 0 || count > MAX_COUNT) {
            throw new IllegalArgumentException("NPC count must be 0.." + MAX_COUNT + ", was " + count);
        }
        if (model == null) {
            throw new IllegalArgumentException("model is null (DialogueModelSource.shipped() for the shipped one)");
        }
    }

    /** @return the cast of {@value #DEFAULT_COUNT}, no chatter, the shipped model */
    public static NpcSettings defaults() {
        return new NpcSettings(DEFAULT_COUNT, false, DialogueModelSource.shipped());
    }

    /** @return no NPCs: the chase alone */
    public static NpcSettings none() {
        return new NpcSettings(0, false, DialogueModelSource.shipped());
    }

    /** @return a copy with another number of NPCs */
    public NpcSettings withCount(int newCount) {
        return new NpcSettings(newCount, chatter, model);
    }

    /** @return a copy with chatter on or off */
    public NpcSettings withChatter(boolean on) {
        return new NpcSettings(count, on, model);
    }

    /** @return a copy with another model source */
    public NpcSettings withModel(DialogueModelSource source) {
        return new NpcSettings(count, chatter, source);
    }
}
