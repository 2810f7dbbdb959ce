package io.animata.demo.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.gdx.Input;
import com.badlogic.gdx.InputAdapter;
import com.badlogic.gdx.InputMultiplexer;
import io.animata.demo.DemoSettings;
import io.animata.demo.DemoWorld;
import io.animata.demo.KeyboardPlayer;
import io.animata.demo.PlayerInput;
import io.animata.runtime.RunMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The card and the menu in front of the game: who gets the keys, and that the menu pauses the world. */
class DemoUiTest {
    private static final PlayerInput STANDING = (player, out) -> out.setZero();
    private static final float FRAME = 2f * DemoWorld.STEP;
    private static DemoWorld world;

    private boolean talking;
    private DemoUi ui;

    @BeforeAll
    static void makeWorld() {
        world = new DemoWorld(DemoSettings.defaults().withSeed(3L).withMode(RunMode.LOCKSTEP), STANDING);
    }

    @AfterAll
    static void closeWorld() {
        world.close();
    }

    @BeforeEach
    void makeUi() {
        talking = false;
        DemoControls controls = new DemoControls(world, new KeyboardPlayer(), () -> { });
        ui = new DemoUi(new TitleCard(true), new DemoMenu(controls), () -> talking);
    }

    @Test
    void anyKeyDismissesTheTitleCardAndDoesNothingElse() {
        assertTrue(ui.title().isVisible());
        assertTrue(ui.keyDown(Input.Keys.N));
        assertFalse(ui.title().isVisible());
        assertFalse(ui.menu().isOpen());
        assertTrue(ui.ownsKeyboard(), "the game ignores its polled N in this frame");
        assertTrue(ui.advance(world, FRAME));
        assertFalse(ui.ownsKeyboard(), "the next frame the keys are the game's again");
        assertFalse(ui.keyDown(Input.Keys.N));
    }

    @Test
    void escOnTheTitleCardOnlyDismissesItAndAClickDoesToo() {
        assertTrue(ui.keyDown(Input.Keys.ESCAPE));
        assertFalse(ui.menu().isOpen());
        DemoUi clicked = new DemoUi(new TitleCard(false), ui.menu(), () -> false);
        assertTrue(clicked.touchDown(5, 5, 0, Input.Buttons.LEFT));
        assertFalse(clicked.title().isVisible());
    }

    @Test
    void theTitleCardGoesByItselfWhileTheWorldRunsBehindIt() {
        long frames = world.frames();
        float waited = 0f;
        while (ui.title().isVisible() && waited < 2f * TitleCard.SECONDS) {
            assertTrue(ui.advance(world, FRAME));
            waited += FRAME;
        }
        assertFalse(ui.title().isVisible());
        assertEquals(TitleCard.SECONDS, waited, 2f * FRAME);
        assertTrue(world.frames() > frames, "the world ran behind the card");
    }

    @Test
    void theOpenMenuPausesTheWorldAndEscResumesIt() {
        ui.title().dismiss();
        assertTrue(ui.keyDown(Input.Keys.ESCAPE));
        assertTrue(ui.isPaused());
        long frames = world.frames();
        for (int i = 0; i < 30; i++) {
            assertFalse(ui.advance(world, FRAME));
            assertTrue(ui.ownsKeyboard());
        }
        assertEquals(frames, world.frames(), "no world update while paused");
        assertTrue(ui.keyDown(Input.Keys.ESCAPE));
        assertFalse(ui.isPaused());
        assertTrue(ui.ownsKeyboard(), "the Esc that closed the menu is not the game's");
        assertTrue(ui.advance(world, FRAME));
        assertTrue(world.frames() > frames);
        assertFalse(ui.ownsKeyboard());
    }

    @Test
    void whileALineIsTypedToAnNpcTheKeysIncludingEscAreNotTheMenus() {
        ui.title().dismiss();
        talking = true;
        assertFalse(ui.keyDown(Input.Keys.ESCAPE));
        assertFalse(ui.menu().isOpen());
        assertFalse(ui.keyTyped('x'));
        assertFalse(ui.ownsKeyboard());
        talking = false;
        assertTrue(ui.keyDown(Input.Keys.ESCAPE));
        assertTrue(ui.menu().isOpen());
    }

    @Test
    void theOpenMenuKeepsEnterAndTypingFromTheInputsBehindIt() {
        int[] behind = new int[1];
        InputAdapter talk = new InputAdapter() {
            @Override
            public boolean keyDown(int keycode) {
                behind[0]++;
                return true;
            }

            @Override
            public boolean keyTyped(char character) {
                behind[0]++;
                return true;
            }
        };
        InputMultiplexer input = new InputMultiplexer(ui, talk);
        ui.title().dismiss();
        input.keyDown(Input.Keys.T);
        assertEquals(1, behind[0], "with the menu closed T reaches the talk input");
        input.keyDown(Input.Keys.ESCAPE);
        input.keyTyped('t');
        input.keyDown(Input.Keys.T);
        input.keyDown(Input.Keys.ENTER);
        assertEquals(1, behind[0], "nothing reaches it while the menu is open");
        assertFalse(ui.menu().isOpen(), "Enter on Resume closed the menu");
    }

    @Test
    void theMouseIsCheckedAgainstTheLaidOutEntriesWithYDown() {
        ui.title().dismiss();
        ui.layout().update(1280f, 720f, ui.menu().itemCount(), 400f, 50f, 80f);
        int middleOfRow3 = Math.round(720f - (ui.layout().rowBottom(3) + 25f));
        assertFalse(ui.mouseMoved(640, middleOfRow3), "a closed menu leaves the mouse alone");
        ui.keyDown(Input.Keys.ESCAPE);
        assertTrue(ui.mouseMoved(640, middleOfRow3));
        assertEquals(MenuItem.BOT_VISION, ui.menu().selected());
        assertFalse(ui.menu().controls().isBotVision());
        assertTrue(ui.touchDown(640, middleOfRow3, 0, Input.Buttons.LEFT));
        assertTrue(ui.menu().controls().isBotVision());
        assertTrue(ui.touchDown(5, 5, 0, Input.Buttons.LEFT), "a click beside the menu does nothing");
        assertTrue(ui.menu().isOpen());
        assertEquals(MenuItem.BOT_VISION, ui.menu().selected());
    }
}
