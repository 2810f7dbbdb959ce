package io.animata.demo.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.gdx.Input;
import io.animata.demo.DemoSettings;
import io.animata.demo.DemoWorld;
import io.animata.demo.KeyboardPlayer;
import io.animata.demo.PlayerInput;
import io.animata.runtime.RunMode;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pause menu's state machine on a real (headless) world: opening, selection, the entries' effects. */
class DemoMenuTest {
    private static final PlayerInput STANDING = (player, out) -> out.setZero();
    private static DemoWorld world;

    private KeyboardPlayer keyboard;
    private int quits;
    private DemoControls controls;
    private DemoMenu menu;

    @BeforeAll
    static void makeWorld() {
        world = new DemoWorld(DemoSettings.defaults().withSeed(7L).withMode(RunMode.LOCKSTEP), STANDING);
    }

    @AfterAll
    static void closeWorld() {
        world.close();
    }

    @BeforeEach
    void makeMenu() {
        world.playtest().setEnabled(false);
        keyboard = new KeyboardPlayer();
        quits = 0;
        controls = new DemoControls(world, keyboard, () -> quits++);
        menu = new DemoMenu(controls);
    }

    @Test
    void escOpensTheMenuOnResumeAndEscAgainClosesIt() {
        assertFalse(menu.isOpen());
        assertFalse(menu.keyDown(Input.Keys.N), "a closed menu leaves the game's keys alone");
        assertTrue(menu.keyDown(Input.Keys.ESCAPE));
        assertTrue(menu.isOpen());
        assertEquals(MenuItem.RESUME, menu.selected());
        menu.keyDown(Input.Keys.DOWN);
        assertTrue(menu.keyDown(Input.Keys.ESCAPE));
        assertFalse(menu.isOpen());
        menu.keyDown(Input.Keys.ESCAPE);
        assertEquals(MenuItem.RESUME, menu.selected(), "it opens on Resume again");
    }

    @Test
    void whileOpenEveryKeyIsTakenAndArrowsOrWsMoveTheSelection() {
        menu.open();
        assertTrue(menu.keyDown(Input.Keys.DOWN));
        assertEquals(1, menu.selectedIndex());
        assertTrue(menu.keyDown(Input.Keys.S));
        assertEquals(2, menu.selectedIndex());
        assertTrue(menu.keyDown(Input.Keys.W));
        assertTrue(menu.keyDown(Input.Keys.UP));
        assertEquals(0, menu.selectedIndex());
        for (int key : new int[] {Input.Keys.N, Input.Keys.T, Input.Keys.A, Input.Keys.F2, Input.Keys.V}) {
            assertTrue(menu.keyDown(key), "key " + Input.Keys.toString(key) + " must not reach the paused game");
        }
        assertEquals(0, menu.selectedIndex());
        assertTrue(menu.isOpen());
        assertFalse(world.isWaitingForLevel(), "N in the menu made no dungeon");
    }

    @Test
    void theSelectionWrapsRoundAtBothEnds() {
        menu.open();
        menu.keyDown(Input.Keys.UP);
        assertEquals(MenuItem.QUIT, menu.selected());
        menu.keyDown(Input.Keys.DOWN);
        assertEquals(MenuItem.RESUME, menu.selected());
        Random random = new Random(11L);
        int expected = 0;
        for (int i = 0; i < 500; i++) {
            int steps = random.nextInt(21) - 10;
            menu.move(steps);
            expected = Math.floorMod(expected + steps, menu.itemCount());
            assertEquals(expected, menu.selectedIndex(), "after moving " + steps);
        }
    }

    @Test
    void resumeClosesAndNewDungeonAsksTheWorldForTheNextLevel() {
        menu.open();
        menu.keyDown(Input.Keys.ENTER);
        assertFalse(menu.isOpen());

        int levels = world.levelsPlayed();
        menu.open();
        menu.keyDown(Input.Keys.DOWN);
        assertEquals(MenuItem.NEW_DUNGEON, menu.selected());
        menu.keyDown(Input.Keys.ENTER);
        assertFalse(menu.isOpen(), "a new dungeon resumes the game");
        assertTrue(world.isWaitingForLevel());
        for (int i = 0; i < 600 && world.levelsPlayed() == levels; i++) {
            world.step();
        }
        assertEquals(levels + 1, world.levelsPlayed());
    }

    @Test
    void theTogglesSwitchTheWorldAndTheKeyboardAndTheMenuStaysOpenToShowIt() {
        menu.open();
        menu.move(2);
        assertEquals("Playtest overlay: off", menu.selected().label(controls));
        menu.keyDown(Input.Keys.ENTER);
        assertTrue(world.playtest().isEnabled());
        assertEquals("Playtest overlay: on", menu.selected().label(controls));
        assertTrue(menu.isOpen());

        menu.keyDown(Input.Keys.DOWN);
        assertEquals(MenuItem.BOT_VISION, menu.selected());
        menu.keyDown(Input.Keys.SPACE);
        assertTrue(controls.isBotVision());
        assertEquals("Bot vision: on", menu.selected().label(controls));

        menu.keyDown(Input.Keys.DOWN);
        assertEquals(MenuItem.AUTOPILOT, menu.selected());
        menu.keyDown(Input.Keys.NUMPAD_ENTER);
        assertTrue(keyboard.isAutopilot());
        menu.keyDown(Input.Keys.ENTER);
        assertFalse(keyboard.isAutopilot(), "a second Enter turns it off again");
        assertEquals("Autopilot: off", menu.selected().label(controls));

        menu.move(-2);
        menu.keyDown(Input.Keys.ENTER);
        assertFalse(world.playtest().isEnabled());
        assertTrue(menu.isOpen());
        assertEquals(0, quits);
    }

    @Test
    void quitClosesTheMenuAndQuitsOnce() {
        menu.open();
        menu.keyDown(Input.Keys.UP);
        assertEquals(MenuItem.QUIT, menu.selected());
        menu.keyDown(Input.Keys.ENTER);
        assertEquals(1, quits);
        assertFalse(menu.isOpen());
        menu.activate();
        assertEquals(1, quits, "a closed menu carries nothing out");
    }

    @Test
    void theMouseSelectsByHoveringAndCarriesOutByClicking() {
        menu.hover(3);
        assertEquals(0, menu.selectedIndex(), "hovering over a closed menu does nothing");
        assertFalse(menu.click(3));
        assertFalse(controls.isBotVision());

        menu.open();
        menu.hover(4);
        assertEquals(MenuItem.AUTOPILOT, menu.selected());
        menu.hover(-1);
        assertEquals(MenuItem.AUTOPILOT, menu.selected(), "off the entries the selection stays");
        assertFalse(menu.click(-1));
        assertFalse(menu.click(menu.itemCount()));
        assertTrue(menu.click(3));
        assertTrue(controls.isBotVision());
        assertEquals(MenuItem.BOT_VISION, menu.selected());
        assertTrue(menu.click(0));
        assertFalse(menu.isOpen());
    }

    @Test
    void everyEntryHasALabelAndOnlyTheSwitchesShowAState() {
        for (MenuItem item : MenuItem.values()) {
            String label = item.label(controls);
            assertFalse(label.isBlank());
            assertEquals(item.isToggle(), label.endsWith(": off"), label);
        }
    }
}
