package io.animata.desktop;

import io.animata.core.texture.PixelBuffer;
import io.animata.core.texture.variant.Material;
import io.animata.core.texture.variant.SpriteVariants;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The variants {@code animata textures --variants} makes: variant {@code i} is {@link SpriteVariants#variant(long)}
 * of seed {@code seed + i} (what a game calls for NPC number {@code i}), laid out as a sheet of about square shape,
 * variant {@code i} at column {@code i % columns}, row {@code i / columns}, transparent where the last row is short.
 * Also parses the {@code --group} legend of a mask.
 *
 * <p>Threading: immutable; made on the command's thread.
 *
 * @param sheet every variant in one image
 * @param width one sprite's width
 * @param height one sprite's height
 * @param count variants
 * @param columns sprites per row of the sheet
 */
record VariantSheet(PixelBuffer sheet, int width, int height, int count, int columns) {

    /** @return {@code count} variants from seed {@code seed} on, in a sheet */
    static VariantSheet make(SpriteVariants variants, int width, int height, int count, long seed) {
        int columns = (int) Math.ceil(Math.sqrt(count));
        int rows = (count + columns - 1) / columns;
        PixelBuffer sheet = new PixelBuffer(columns * width, rows * height);
        PixelBuffer one = new PixelBuffer(width, height);
        for (int i = 0; i < count; i++) {
            variants.variant(seed + i, one);
            int ox = (i % columns) * width;
            int oy = (i / columns) * height;
            for (int y = 0; y < height; y++) {
                System.arraycopy(one.pixels(), y * width, sheet.pixels(), (oy + y) * sheet.width() + ox, width);
            }
        }
        return new VariantSheet(sheet, width, height, count, columns);
    }

    /** @return rows of the sheet */
    int rows() {
        return (count + columns - 1) / columns;
    }

    /** @return variant {@code i}, cut from the sheet */
    PixelBuffer variant(int i) {
        PixelBuffer out = new PixelBuffer(width, height);
        int ox = (i % columns) * width;
        int oy = (i / columns) * height;
        for (int y = 0; y < height; y++) {
            System.arraycopy(sheet.pixels(), (oy + y) * sheet.width() + ox, out.pixels(), y * width, width);
        }
        return out;
    }

    /**
     * @param specs {@code #RRGGBB=NAME:MATERIAL} (or {@code #RRGGBBAA}), one per mask colour
     * @return mask colour ({@code 0xRRGGBBAA}) to group, in the order given
     * @throws IllegalArgumentException naming the spec that is wrong
     */
    static Map<Integer, SpriteVariants.Group> parseGroups(List<String> specs) {
        Map<Integer, SpriteVariants.Group> legend = new LinkedHashMap<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            int colon = spec.lastIndexOf(':');
            if (!spec.startsWith("#") || eq < 0 || colon < eq + 2 || colon == spec.length() - 1) {
                throw new IllegalArgumentException("--group '" + spec + "': expected #RRGGBB=NAME:MATERIAL, e.g. "
                        + "'#ff0000=tunic:cloth'");
            }
            String hex = spec.substring(1, eq);
            if (!hex.matches("[0-9a-fA-F]{6}|[0-9a-fA-F]{8}")) {
                throw new IllegalArgumentException("--group '" + spec + "': the colour must be #RRGGBB or #RRGGBBAA");
            }
            int rgba = (int) Long.parseLong(hex.length() == 6 ? hex + "ff" : hex, 16);
            String material = spec.substring(colon + 1).toUpperCase(Locale.ROOT);
            Material m;
            try {
                m = Material.valueOf(material);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--group '" + spec + "': no material '" + spec.substring(colon + 1)
                        + "'; use one of " + materials());
            }
            if (legend.put(rgba, new SpriteVariants.Group(spec.substring(eq + 1, colon), m)) != null) {
                throw new IllegalArgumentException("--group '" + spec + "': colour #" + hex + " is named twice");
            }
        }
        return legend;
    }

    private static String materials() {
        StringJoiner j = new StringJoiner(", ");
        for (Material m : Material.values()) {
            j.add(m.name().toLowerCase(Locale.ROOT));
        }
        return j.toString();
    }

    /** @return the groups as {@code name (material)}, comma-separated */
    static String describe(SpriteVariants variants) {
        StringJoiner j = new StringJoiner(", ");
        for (SpriteVariants.Group g : variants.groups()) {
            j.add(g.name() + " (" + g.material().name().toLowerCase(Locale.ROOT) + ")");
        }
        return variants.groups().isEmpty() ? "none (nothing to recolour)" : j.toString();
    }
}
