package io.animata.core.texture.variant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.texture.PixelBuffer;
import io.animata.runtime.AnimataException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SpriteVariantsTest {
    static final int OUTLINE = 0x1A1410FF;
    static final int SKIN_LIGHT = 0xF0C8A0FF;
    static final int SKIN_SHADE = 0xC89870FF;
    static final int TUNIC_LIGHT = 0x4060C0FF;
    static final int TUNIC_SHADE = 0x284080FF;
    static final int HELMET_LIGHT = 0xC8C8D0FF;
    static final int HELMET_SHADE = 0x808090FF;
    static final int HAIR = 0x6A4020FF;
    static final int EYE = 0x202028FF;

    /** A tiny hand-drawn character: helmet, hair, face, tunic, hands; each part lit and shaded. */
    static PixelBuffer knight() {
        String[] rows = {
            "...oooooo...",
            "..oMMMMmmo..",
            "..oMMMMmmo..",
            ".oHHSSSSHHo.",
            ".oHSeSSeSHo.",
            ".oHSSSSSsHo.",
            "..ossssss o.".replace(' ', 's'),
            ".oTTTTTTttto",
            "oSoTTTTTttoS",
            "oSoTTTTTttoS",
            "..oTTToTtto.",
            "..ooo..ooo..",
        };
        Map<Character, Integer> colours = Map.of('o', OUTLINE, 'S', SKIN_LIGHT, 's', SKIN_SHADE, 'T', TUNIC_LIGHT,
                't', TUNIC_SHADE, 'M', HELMET_LIGHT, 'm', HELMET_SHADE, 'H', HAIR, 'e', EYE, '.', 0);
        PixelBuffer p = new PixelBuffer(rows[0].length(), rows.length);
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < rows[y].length(); x++) {
                p.set(x, y, colours.get(rows[y].charAt(x)));
            }
        }
        return p;
    }

    /** The knight's mask: hands and face are separate skin groups, the eyes are kept. */
    static SpriteVariants masked() {
        PixelBuffer sprite = knight();
        PixelBuffer mask = new PixelBuffer(sprite.width(), sprite.height());
        for (int y = 0; y < sprite.height(); y++) {
            for (int x = 0; x < sprite.width(); x++) {
                int c = sprite.get(x, y);
                int m;
                if (c == OUTLINE) {
                    m = 0x000000FF;
                } else if (c == SKIN_LIGHT || c == SKIN_SHADE) {
                    m = y >= 7 ? 0x00FF00FF : 0x00FF80FF; // hands, face
                } else if (c == TUNIC_LIGHT || c == TUNIC_SHADE) {
                    m = 0xFF0000FF;
                } else if (c == HELMET_LIGHT || c == HELMET_SHADE) {
                    m = 0x0000FFFF;
                } else if (c == HAIR) {
                    m = 0xFFFF00FF;
                } else if (c == EYE) {
                    m = 0xFFFFFFFF;
                } else {
                    m = 0;
                }
                mask.set(x, y, m);
            }
        }
        Map<Integer, SpriteVariants.Group> legend = new HashMap<>();
        legend.put(0x000000FF, new SpriteVariants.Group("outline", Material.OUTLINE));
        legend.put(0x00FF00FF, new SpriteVariants.Group("hands", Material.SKIN));
        legend.put(0x00FF80FF, new SpriteVariants.Group("face", Material.SKIN));
        legend.put(0xFF0000FF, new SpriteVariants.Group("tunic", Material.CLOTH));
        legend.put(0x0000FFFF, new SpriteVariants.Group("helmet", Material.METAL));
        legend.put(0xFFFF00FF, new SpriteVariants.Group("hair", Material.HAIR));
        legend.put(0xFFFFFFFF, new SpriteVariants.Group("eyes", Material.KEEP));
        return SpriteVariants.builder().setSprite(sprite).optMask(mask, legend).build();
    }

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void outlinesEyesAndTransparencyStayAndGroupsStayConsistent(long seed) {
        PixelBuffer sprite = knight();
        PixelBuffer v = masked().variant(seed);
        Map<String, Integer> newColourOf = new HashMap<>();
        for (int y = 0; y < sprite.height(); y++) {
            for (int x = 0; x < sprite.width(); x++) {
                int before = sprite.get(x, y);
                int after = v.get(x, y);
                assertEquals(PixelBuffer.alpha(before), PixelBuffer.alpha(after));
                if (before == OUTLINE || before == EYE || before == 0) {
                    assertEquals(before, after, "pixel " + x + ", " + y);
                }
                // the same drawn colour becomes the same new colour everywhere: also across face and hands (skin)
                Integer seen = newColourOf.putIfAbsent(Integer.toHexString(before), after);
                assertEquals(seen == null ? after : seen, after, "colour " + Integer.toHexString(before));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void shadingKeepsItsOrder(long seed) {
        SpriteVariants variants = masked();
        PixelBuffer v = variants.variant(seed);
        PixelBuffer sprite = knight();
        int[][] pairs = {{SKIN_LIGHT, SKIN_SHADE}, {TUNIC_LIGHT, TUNIC_SHADE}, {HELMET_LIGHT, HELMET_SHADE}};
        for (int[] pair : pairs) {
            int light = find(sprite, v, pair[0]);
            int shade = find(sprite, v, pair[1]);
            assertTrue(value(light) >= value(shade), "seed " + seed + ": " + Integer.toHexString(pair[0]) + " -> "
                    + Integer.toHexString(light) + " should stay lighter than " + Integer.toHexString(shade));
        }
    }

    @Test
    void hundredsOfSeedsGiveHundredsOfLooks() {
        SpriteVariants variants = masked();
        Set<PixelBuffer> looks = new HashSet<>();
        for (long seed = 0; seed < 300; seed++) {
            looks.add(variants.variant(seed));
        }
        assertTrue(looks.size() >= 295, looks.size() + " distinct looks of 300");
        assertEquals(variants.variant(12), variants.variant(12));
    }

    @Test
    void skinAndMetalLandOnTheirPalettes() {
        SpriteVariants variants = masked();
        PixelBuffer sprite = knight();
        float[] hsv = new float[3];
        for (long seed = 0; seed < 100; seed++) {
            PixelBuffer v = variants.variant(seed);
            Hsv.fromRgba(find(sprite, v, SKIN_LIGHT), hsv);
            assertTrue(hsv[0] >= 5 && hsv[0] <= 45, "skin hue " + hsv[0] + " for seed " + seed);
            Hsv.fromRgba(find(sprite, v, HELMET_LIGHT), hsv);
            boolean grey = hsv[1] < 0.25f;
            boolean golden = hsv[0] >= 5 && hsv[0] <= 60;
            assertTrue(grey || golden, "metal " + hsv[0] + "/" + hsv[1] + " for seed " + seed);
        }
    }

    @Test
    void automaticGroupsFindOutlineSkinMetalAndCloth() {
        SpriteVariants auto = SpriteVariants.builder().setSprite(knight()).build();
        assertEquals(Material.OUTLINE, auto.groupAt(3, 0).orElseThrow().material());
        assertEquals(Material.SKIN, auto.groupAt(4, 3).orElseThrow().material());
        assertEquals(Material.METAL, auto.groupAt(3, 1).orElseThrow().material());
        assertEquals(Material.CLOTH, auto.groupAt(4, 7).orElseThrow().material());
        assertTrue(auto.groupAt(0, 0).isEmpty(), "transparent");
        assertNotEquals(knight(), auto.variant(1));
    }

    @Test
    void maskMistakesAreExplained() {
        PixelBuffer sprite = knight();
        AnimataException size = assertThrows(AnimataException.class, () -> SpriteVariants.builder().setSprite(sprite)
                .optMask(new PixelBuffer(3, 3), Map.of()).build());
        assertEquals("sprite variants: the mask is 3 x 3 but the sprite is 12 x 12", size.getMessage());
        PixelBuffer mask = new PixelBuffer(12, 12);
        mask.set(5, 7, 0x123456FF);
        AnimataException unknown = assertThrows(AnimataException.class, () -> SpriteVariants.builder()
                .setSprite(sprite).optMask(mask, Map.of(0xFF0000FF, new SpriteVariants.Group("tunic",
                        Material.CLOTH))).build());
        assertEquals("sprite variants: mask pixel (5, 7) is #123456ff, which the legend does not name (it names "
                + "#ff0000ff tunic)", unknown.getMessage());
        assertThrows(AnimataException.class, () -> masked().variant(1, new PixelBuffer(2, 2)));
    }

    @Test
    void hsvRoundTrips() {
        float[] hsv = new float[3];
        for (int c : new int[] {0xFF0000FF, 0x00FF00FF, 0x0000FF80, 0x808080FF, 0xF0C8A0FF, 0x123456FF, 0}) {
            Hsv.fromRgba(c, hsv);
            assertEquals(c, Hsv.toRgba(hsv[0], hsv[1], hsv[2], c & 0xFF), Integer.toHexString(c));
        }
        assertEquals(-20f, Hsv.hueDelta(350, 10), 1e-4);
        assertEquals(20f, Hsv.hueDelta(10, 350), 1e-4);
    }

    private static int find(PixelBuffer sprite, PixelBuffer variant, int colour) {
        for (int i = 0; i < sprite.pixels().length; i++) {
            if (sprite.pixels()[i] == colour) {
                return variant.pixels()[i];
            }
        }
        throw new AssertionError("no pixel of " + Integer.toHexString(colour));
    }

    private static float value(int rgba) {
        float[] hsv = new float[3];
        Hsv.fromRgba(rgba, hsv);
        return hsv[2];
    }
}
