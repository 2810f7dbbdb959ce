package io.animata.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.texture.PixelBuffer;
import io.animata.core.texture.TextureMetrics;
import io.animata.runtime.RunMode;
import org.junit.jupiter.api.Test;

/** Each dungeon's generated textures, headless: pixels made on the runtime's job worker, counted in the report. */
class LevelTexturesTest {
    private static final DemoSettings LOCKSTEP = DemoSettings.defaults().withSeed(5L).withBots(2)
            .withMode(RunMode.LOCKSTEP);

    @Test
    void eachDungeonGetsSeamlessWallFloorAndHazardTexturesFromItsSeed() {
        try (DemoWorld demo = new DemoWorld(LOCKSTEP, new ScriptedPlayer())) {
            LevelTextures textures = demo.textures();
            assertNull(textures.current(), "nothing before the first frame: the job is handed over at its end");
            demo.step(); // frame 1 hands the job to the worker
            demo.step(); // frame 2's beginFrame waits for it (lockstep) and delivers it

            LevelTextures.TextureSet first = textures.current();
            assertTrue(textures.isCurrent());
            assertEquals(0, first.levelIndex());
            assertEquals(demo.level().seed(), first.levelSeed());
            assertEquals("sand", first.floorRecipe());
            assertEquals(LevelTextures.PER_LEVEL, textures.texturesMade());
            assertEquals(1, demo.runtime().jobs().completedCount(), "made by a job on the runtime's job worker");
            LevelTextures.TextureSet expected = LevelTextures.renderFor(0, demo.level().seed());
            for (PixelBuffer[] pair : new PixelBuffer[][] {{expected.wall(), first.wall()},
                    {expected.floor(), first.floor()}, {expected.hazard(), first.hazard()}}) {
                assertEquals(pair[0], pair[1], "the same pixels for the same level seed");
                assertEquals(LevelTextures.SIZE, pair[1].width());
                assertTrue(TextureMetrics.seamError(pair[1]) <= 1.2, "tileable: " + TextureMetrics.seamError(pair[1]));
            }
            assertNotEquals(first.wall(), first.floor());
            int version = textures.version();

            demo.requestNextLevel();
            demo.step(); // the level changes after this frame; the new job is handed over in the next
            assertEquals(1, demo.level().index());
            assertEquals(first, textures.current(), "the last set stays until the new one arrives");
            assertTrue(!textures.isCurrent());
            demo.step();
            demo.step();

            LevelTextures.TextureSet second = textures.current();
            assertEquals(1, second.levelIndex());
            assertEquals("grass", second.floorRecipe(), "odd dungeons have grass floors");
            assertNotEquals(first.wall(), second.wall(), "another seed, other walls");
            assertNotEquals(version, textures.version());
            assertEquals(2 * LevelTextures.PER_LEVEL, textures.texturesMade());
            assertEquals(2 * LevelTextures.PER_LEVEL, demo.report(demo.stepTimes()).textures());
            assertTrue(textures.meanMillis() > 0);
        }
    }

    @Test
    void aSetMadeForADungeonAlreadyLeftIsCountedButNotShown() {
        try (DemoWorld demo = new DemoWorld(LOCKSTEP, new ScriptedPlayer())) {
            demo.step();
            demo.requestNextLevel(); // level 0's job is on the worker; level 1 starts after the next frame
            demo.step();
            for (int i = 0; i < 3; i++) {
                demo.step();
            }

            LevelTextures textures = demo.textures();
            assertEquals(1, textures.current().levelIndex(), "only the level being played is shown");
            assertEquals(2 * LevelTextures.PER_LEVEL, textures.texturesMade());
        }
    }
}
