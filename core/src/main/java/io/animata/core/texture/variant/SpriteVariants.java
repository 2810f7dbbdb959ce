package io.animata.core.texture.variant;

import io.animata.core.texture.PixelBuffer;
import io.animata.runtime.AnimataException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Colour variants of one sprite, by seed: many differently-looking NPCs from one drawing. The sprite's pixels are in
 * groups (from a mask image with a legend, or found automatically), each of a {@link Material}; a variant gives every
 * group a new colour and keeps its shading: hue differences within the group are kept, saturation moves by the same
 * amount for every pixel, and brightness is remapped by a curve that keeps the darkest and lightest pixels in order,
 * so outlines, shadows and highlights stay where the artist put them.
 *
 * <ul>
 *   <li>{@link Material#OUTLINE} and {@link Material#KEEP} groups and transparent pixels never change, nor does any
 *       pixel's alpha.</li>
 *   <li>Groups of a shared material (skin, hair, metal) change together: one skin tone for face and hands, one
 *       metal for all the armour; each cloth group is drawn on its own.</li>
 *   <li>Skin moves among natural skin tones, hair among natural hair colours (one in ten dyed), metal among iron,
 *       steel, silver, gold, bronze and copper, cloth to any hue.</li>
 * </ul>
 *
 * <p>Automatic groups, when no mask is given, by each colour: nearly black is outline; skin-coloured (hue 10 to 45
 * degrees, saturation 0.2 to 0.7, bright) is skin; nearly grey is metal; everything else is cloth, one group per 30
 * degrees of hue. A mask is more reliable: paint each group in its own flat colour and name the colours.
 *
 * <p>Threading: immutable and thread-safe; {@link #variant(long, PixelBuffer)} writes only into the caller's buffer.
 *
 * <pre>{@code
 * SpriteVariants knight = SpriteVariants.builder().setSprite(sprite)
 *         .optMask(mask, Map.of(0xFF0000FF, new SpriteVariants.Group("tunic", Material.CLOTH),
 *                               0x00FF00FF, new SpriteVariants.Group("face", Material.SKIN)))
 *         .build();
 * PixelBuffer npc42 = knight.variant(42);
 * }</pre>
 */
public final class SpriteVariants {
    /** A named group of pixels of one material. */
    public record Group(String name, Material material) {
        /** @throws NullPointerException when a field is null */
        public Group {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(material, "material");
        }
    }

    // target colours (hue degrees, saturation, value) of the shared materials
    private static final float[][] SKIN = {
        {28, 0.22f, 0.96f}, {26, 0.32f, 0.90f}, {24, 0.42f, 0.83f}, {22, 0.48f, 0.72f}, {20, 0.54f, 0.60f},
        {18, 0.56f, 0.48f}, {16, 0.55f, 0.37f},
    };
    private static final float[][] HAIR = {
        {25, 0.30f, 0.16f}, {24, 0.60f, 0.30f}, {28, 0.65f, 0.46f}, {12, 0.72f, 0.45f}, {20, 0.80f, 0.76f},
        {44, 0.55f, 0.86f}, {48, 0.18f, 0.93f}, {0, 0.0f, 0.66f},
    };
    private static final float[][] METAL = {
        {212, 0.08f, 0.60f}, {210, 0.12f, 0.78f}, {220, 0.05f, 0.90f}, {46, 0.75f, 0.85f}, {32, 0.60f, 0.66f},
        {18, 0.65f, 0.70f}, {220, 0.10f, 0.42f},
    };

    private final PixelBuffer sprite;
    private final int[] groupOf;
    private final List<Group> groups;
    /**
     * Per group: mean hue (weighted by saturation and value), mean saturation, mean value; pooled over all groups of
     * a shared material, so the same drawn colour becomes the same new colour in each of them.
     */
    private final float[][] means;

    private SpriteVariants(PixelBuffer sprite, int[] groupOf, List<Group> groups) {
        this.sprite = sprite.copy();
        this.groupOf = groupOf;
        this.groups = Collections.unmodifiableList(groups);
        this.means = new float[groups.size()][];
        // pooling: a group's statistics are gathered under its own index, or the first group of its shared material
        int[] pool = new int[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            pool[g] = g;
            for (int k = 0; k < g; k++) {
                if (groups.get(g).material().shared() && groups.get(k).material() == groups.get(g).material()) {
                    pool[g] = k;
                    break;
                }
            }
        }
        float[] hsv = new float[3];
        double[][] sums = new double[groups.size()][5]; // sin, cos, weight of hue; saturation; value
        int[] counts = new int[groups.size()];
        int[] pixels = this.sprite.pixels();
        for (int i = 0; i < pixels.length; i++) {
            if (groupOf[i] < 0) {
                continue;
            }
            int g = pool[groupOf[i]];
            Hsv.fromRgba(pixels[i], hsv);
            double w = hsv[1] * hsv[2];
            double a = Math.toRadians(hsv[0]);
            sums[g][0] += w * Math.sin(a);
            sums[g][1] += w * Math.cos(a);
            sums[g][2] += w;
            sums[g][3] += hsv[1];
            sums[g][4] += hsv[2];
            counts[g]++;
        }
        for (int g = 0; g < groups.size(); g++) {
            int p = pool[g];
            int n = Math.max(1, counts[p]);
            float hue = sums[p][2] > 0 ? (float) Math.toDegrees(Math.atan2(sums[p][0], sums[p][1])) : 0;
            means[g] = new float[] {hue < 0 ? hue + 360 : hue, (float) (sums[p][3] / n), (float) (sums[p][4] / n)};
        }
    }

    /** @return a builder; {@code setSprite} is required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the groups, in a fixed order (the order their draws are made in) */
    public List<Group> groups() {
        return groups;
    }

    /** @return the group of the sprite's pixel at {@code (x, y)}, or empty for a transparent or untouched pixel */
    public Optional<Group> groupAt(int x, int y) {
        int g = groupOf[y * sprite.width() + x];
        return g < 0 ? Optional.empty() : Optional.of(groups.get(g));
    }

    /** @return a new image: the variant of that seed */
    public PixelBuffer variant(long seed) {
        PixelBuffer out = new PixelBuffer(sprite.width(), sprite.height());
        variant(seed, out);
        return out;
    }

    /**
     * Writes the variant of {@code seed} into {@code out}, which must have the sprite's size.
     *
     * @throws AnimataException when {@code out} has another size
     */
    public void variant(long seed, PixelBuffer out) {
        if (out.width() != sprite.width() || out.height() != sprite.height()) {
            throw new AnimataException("sprite variant: the target is " + out.width() + " x " + out.height()
                    + " but the sprite is " + sprite.width() + " x " + sprite.height());
        }
        float[][] targets = targets(seed);
        int[] src = sprite.pixels();
        int[] dst = out.pixels();
        float[] hsv = new float[3];
        for (int i = 0; i < src.length; i++) {
            int g = groupOf[i];
            float[] t = g < 0 ? null : targets[g];
            if (t == null) {
                dst[i] = src[i];
                continue;
            }
            Hsv.fromRgba(src[i], hsv);
            float[] m = means[g];
            float hue = t[0] + Hsv.hueDelta(hsv[0], m[0]);
            float sat = hsv[1] + (t[1] - m[1]);
            // brightness through v^gamma, which maps the group's mean onto the target and keeps 0, 1 and the order
            float v = hsv[2] <= 0 ? 0 : (float) Math.pow(hsv[2], t[2]);
            dst[i] = Hsv.toRgba(hue, sat, v, src[i] & 0xFF);
        }
    }

    /** @return per group: target hue, saturation and the brightness exponent; null for groups that stay as drawn */
    private float[][] targets(long seed) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x5851F42D4C957F2DL);
        Map<Material, float[]> shared = new LinkedHashMap<>();
        // one draw per shared material, in a fixed order, whether or not the sprite has it: a new group of one
        // material never changes the draws of another
        for (Material m : Material.values()) {
            if (m.shared()) {
                shared.put(m, draw(m, random.split()));
            }
        }
        float[][] targets = new float[groups.size()][];
        for (int g = 0; g < groups.size(); g++) {
            Material material = groups.get(g).material();
            SplittableRandom own = new SplittableRandom(random.nextLong() ^ groups.get(g).name().hashCode());
            float[] hsv = material.shared() ? shared.get(material) : draw(material, own);
            if (hsv == null) {
                continue;
            }
            float mean = Math.max(0.04f, Math.min(0.96f, means[g][2]));
            float target = Math.max(0.04f, Math.min(0.97f, hsv[2]));
            targets[g] = new float[] {hsv[0], hsv[1], (float) (Math.log(target) / Math.log(mean))};
        }
        return targets;
    }

    /** @return a target colour (hue, saturation, value) for a material, or null for one that is never changed */
    private static float[] draw(Material material, SplittableRandom random) {
        switch (material) {
            case SKIN:
                return jitter(SKIN[random.nextInt(SKIN.length)], random, 3, 0.04f, 0.04f);
            case HAIR:
                if (random.nextInt(10) == 0) {
                    return new float[] {(float) random.nextDouble(360), 0.7f, 0.7f}; // dyed
                }
                return jitter(HAIR[random.nextInt(HAIR.length)], random, 4, 0.05f, 0.05f);
            case METAL:
                return jitter(METAL[random.nextInt(METAL.length)], random, 4, 0.03f, 0.05f);
            case CLOTH:
                return new float[] {(float) random.nextDouble(360), (float) (0.3 + random.nextDouble(0.55)),
                    (float) (0.35 + random.nextDouble(0.55))};
            default:
                return null;
        }
    }

    private static float[] jitter(float[] hsv, SplittableRandom random, float hue, float sat, float value) {
        return new float[] {hsv[0] + (float) (random.nextDouble(2) - 1) * hue,
            Math.max(0, hsv[1] + (float) (random.nextDouble(2) - 1) * sat),
            hsv[2] + (float) (random.nextDouble(2) - 1) * value};
    }

    /** Settings of {@link SpriteVariants}; {@link #setSprite} is required. */
    public static final class Builder {
        private PixelBuffer sprite;
        private PixelBuffer mask;
        private Map<Integer, Group> legend;

        private Builder() {
        }

        /** @param image the sprite, RGBA (copied) */
        public Builder setSprite(PixelBuffer image) {
            this.sprite = Objects.requireNonNull(image, "sprite");
            return this;
        }

        /**
         * Groups the pixels by a mask instead of automatically.
         *
         * @param image the mask, the sprite's size: each pixel's colour ({@code 0xRRGGBBAA}) names its group in the
         *     legend; fully transparent mask pixels leave the sprite's pixel as it is
         * @param groups the legend: mask colour to group
         */
        public Builder optMask(PixelBuffer image, Map<Integer, Group> groups) {
            this.mask = Objects.requireNonNull(image, "mask");
            this.legend = Map.copyOf(groups);
            return this;
        }

        /**
         * @return the variants
         * @throws IllegalStateException when no sprite was set
         * @throws AnimataException when the mask's size differs from the sprite's or it has a colour the legend
         *     does not name
         */
        public SpriteVariants build() {
            if (sprite == null) {
                throw new IllegalStateException("setSprite is required");
            }
            int[] groupOf = new int[sprite.width() * sprite.height()];
            List<Group> groups = new ArrayList<>();
            if (mask != null) {
                fromMask(groupOf, groups);
            } else {
                automatic(groupOf, groups);
            }
            return new SpriteVariants(sprite, groupOf, groups);
        }

        private void fromMask(int[] groupOf, List<Group> groups) {
            if (mask.width() != sprite.width() || mask.height() != sprite.height()) {
                throw new AnimataException("sprite variants: the mask is " + mask.width() + " x " + mask.height()
                        + " but the sprite is " + sprite.width() + " x " + sprite.height());
            }
            legend.values().stream().distinct().sorted(Comparator.comparing(Group::name)) // a fixed order for draws
                    .forEach(groups::add);
            int[] m = mask.pixels();
            int[] s = sprite.pixels();
            for (int i = 0; i < m.length; i++) {
                if ((m[i] & 0xFF) == 0 || (s[i] & 0xFF) == 0) {
                    groupOf[i] = -1;
                    continue;
                }
                Group g = legend.get(m[i]);
                if (g == null) {
                    throw new AnimataException(String.format(Locale.ROOT, "sprite variants: mask pixel (%d, "
                            + "%d) is #%08x, which the legend does not name (it names %s)", i % mask.width(),
                            i / mask.width(), m[i], legendColours()));
                }
                groupOf[i] = groups.indexOf(g);
            }
        }

        private String legendColours() {
            StringBuilder sb = new StringBuilder();
            new TreeMap<>(legend).forEach((colour, group) -> sb.append(sb.length() == 0 ? "" : ", ")
                    .append(String.format(Locale.ROOT, "#%08x %s", colour, group.name())));
            return sb.toString();
        }

        private void automatic(int[] groupOf, List<Group> groups) {
            Map<String, Integer> index = new TreeMap<>();
            String[] names = new String[groupOf.length];
            float[] hsv = new float[3];
            int[] s = sprite.pixels();
            Map<String, Material> materialOf = new LinkedHashMap<>();
            for (int i = 0; i < s.length; i++) {
                if ((s[i] & 0xFF) < 128) {
                    continue;
                }
                Hsv.fromRgba(s[i], hsv);
                String name;
                Material material;
                if (hsv[2] < 0.18f) {
                    name = "outline";
                    material = Material.OUTLINE;
                } else if (hsv[1] < 0.15f) {
                    name = "metal";
                    material = Material.METAL;
                } else if (hsv[0] >= 10 && hsv[0] <= 45 && hsv[1] >= 0.2f && hsv[1] <= 0.7f && hsv[2] >= 0.55f) {
                    name = "skin";
                    material = Material.SKIN;
                } else {
                    name = String.format(Locale.ROOT, "cloth-%03d", ((int) hsv[0] / 30) * 30);
                    material = Material.CLOTH;
                }
                names[i] = name;
                materialOf.put(name, material);
                index.put(name, 0);
            }
            for (String name : index.keySet()) {
                index.put(name, groups.size());
                groups.add(new Group(name, materialOf.get(name)));
            }
            for (int i = 0; i < s.length; i++) {
                groupOf[i] = names[i] == null ? -1 : index.get(names[i]);
            }
        }
    }
}
