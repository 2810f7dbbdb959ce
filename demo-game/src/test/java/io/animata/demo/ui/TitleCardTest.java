package io.animata.demo.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TitleCardTest {

    @Test
    void itShowsAtStartAndFadesOutByItselfAfterItsSeconds() {
        TitleCard card = new TitleCard(true);
        assertTrue(card.isVisible());
        assertEquals(1f, card.alpha());
        card.update(-5f);
        assertTrue(card.isVisible(), "a negative frame time does not move the clock");
        card.update(TitleCard.SECONDS - TitleCard.FADE_SECONDS / 2f);
        assertTrue(card.isVisible());
        assertEquals(0.5f, card.alpha(), 1e-4f);
        card.update(TitleCard.FADE_SECONDS);
        assertFalse(card.isVisible());
        assertEquals(0f, card.alpha());
    }

    @Test
    void dismissTakesItAwayAtOnce() {
        TitleCard card = new TitleCard(false);
        card.dismiss();
        assertFalse(card.isVisible());
        card.update(1f);
        assertFalse(card.isVisible());
    }

    @Test
    void itNamesEveryFeatureAndTheKeysAndTalkingOnlyWhereThereAreNpcs() {
        TitleCard withNpcs = new TitleCard(true);
        TitleCard chase = new TitleCard(false);
        assertEquals(5, withNpcs.features().size());
        assertEquals(4, chase.features().size());
        String all = String.join("\n", withNpcs.features());
        for (String feature : new String[] {"trained policy", "press T to talk", "generated: N", "textures",
                "F2: playtest"}) {
            assertTrue(all.contains(feature), feature + " in " + all);
        }
        assertFalse(String.join("\n", chase.features()).contains("talk"));
        for (String key : new String[] {"WASD", "T talk", "N new dungeon", "P autopilot", "V bot vision",
                "F2 playtest", "Esc menu"}) {
            assertTrue(TitleCard.KEYS.contains(key), key);
        }
    }
}
