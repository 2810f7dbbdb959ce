package io.animata.core.level;

import io.animata.runtime.AnimataException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What each tile character means, in the style of the Video Game Level Corpus: every character has a list of tags
 * ({@code "X": ["solid", "ground"]}). Animata reads these tags (case-insensitive); other tags are kept for the
 * game's own use:
 * <ul>
 *   <li>{@value #SOLID}: blocks movement and carries the player; anything not solid is passable</li>
 *   <li>{@value #HAZARD}: touching it loses (spikes, lava, enemies); a path never crosses it</li>
 *   <li>{@value #CLIMBABLE}: a ladder or vine: in a side view the player can move up and down in it</li>
 *   <li>{@value #START}, {@value #GOAL}: where the player begins and what it must reach</li>
 * </ul>
 * A legend also says whether levels are seen from the top (dungeons: walk in four directions) or from the side
 * (platformers: gravity, with a {@link Jump}), and may give each tile a colour for bitmaps and tileset images.
 *
 * <p>Threading: immutable; share it between threads freely. Built with {@link #builder()} or read from JSON by
 * {@code io.animata.core.level.io.LegendReader}.
 *
 * <pre>{@code
 * Legend legend = Legend.builder()
 *         .setView(Legend.View.SIDE)
 *         .addTile('X', "solid", "ground").addTile('-', "passable", "empty")
 *         .addTile('S', "passable", "start").addTile('G', "passable", "goal")
 *         .build();
 * }</pre>
 */
public final class Legend {
    /** Tag: blocks movement. */
    public static final String SOLID = "solid";
    /** Tag: does not block movement (the default for tiles that are not solid). */
    public static final String PASSABLE = "passable";
    /** Tag: deadly to touch. */
    public static final String HAZARD = "hazard";
    /** Tag: a ladder or vine. */
    public static final String CLIMBABLE = "climbable";
    /** Tag: the player's start. */
    public static final String START = "start";
    /** Tag: the level's goal. */
    public static final String GOAL = "goal";

    private static final int F_SOLID = 1;
    private static final int F_HAZARD = 2;
    private static final int F_CLIMBABLE = 4;
    private static final int F_START = 8;
    private static final int F_GOAL = 16;
    private static final int F_KNOWN = 32;

    /** How levels are seen, which decides how the player moves in them. Threading: an immutable enum. */
    public enum View {
        /** From above: the player walks in four directions (dungeons, mazes). */
        TOP_DOWN,
        /** From the side: gravity pulls the player down, it walks, jumps, falls and climbs (platformers). */
        SIDE
    }

    /**
     * A side-view player's jump, in tiles. Threading: immutable.
     *
     * @param height how many tiles a jump rises
     * @param length the widest gap a jump crosses on level ground
     */
    public record Jump(int height, int length) {
        /** The jump used when a legend gives none: 4 tiles up, gaps of up to 4 tiles. */
        public static final Jump DEFAULT = new Jump(4, 4);

        /** @throws AnimataException unless both are at least 1 and at most 64 */
        public Jump {
            if (height < 1 || length < 1 || height > 64 || length > 64) {
                throw new AnimataException("A jump needs a height and a length between 1 and 64 tiles, was height "
                        + height + ", length " + length);
            }
        }
    }

    private final Map<Character, List<String>> tags;
    private final Map<Character, Integer> colors;
    private final View view;
    private final Jump jump;
    private final int[] flags;

    private Legend(Builder b) {
        this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(b.tags));
        this.colors = Collections.unmodifiableMap(new LinkedHashMap<>(b.colors));
        this.view = b.view;
        this.jump = b.jump;
        int max = 0;
        for (char c : tags.keySet()) {
            max = Math.max(max, c);
        }
        this.flags = new int[max + 1];
        for (Map.Entry<Character, List<String>> e : tags.entrySet()) {
            int f = F_KNOWN;
            for (String t : e.getValue()) {
                f |= switch (t) {
                    case SOLID -> F_SOLID;
                    case HAZARD -> F_HAZARD;
                    case CLIMBABLE -> F_CLIMBABLE;
                    case START -> F_START;
                    case GOAL -> F_GOAL;
                    default -> 0;
                };
            }
            flags[e.getKey()] = f;
        }
    }

    /** @return a builder for a legend */
    public static Builder builder() {
        return new Builder();
    }

    private int flags(char c) {
        return c < flags.length ? flags[c] : 0;
    }

    /** @return whether the legend names {@code c} */
    public boolean contains(char c) {
        return (flags(c) & F_KNOWN) != 0;
    }

    /** @return whether {@code c} blocks movement */
    public boolean isSolid(char c) {
        return (flags(c) & F_SOLID) != 0;
    }

    /** @return whether {@code c} does not block movement (every tile that is not solid) */
    public boolean isPassable(char c) {
        return (flags(c) & F_SOLID) == 0;
    }

    /** @return whether touching {@code c} is deadly */
    public boolean isHazard(char c) {
        return (flags(c) & F_HAZARD) != 0;
    }

    /** @return whether {@code c} can be climbed */
    public boolean isClimbable(char c) {
        return (flags(c) & F_CLIMBABLE) != 0;
    }

    /** @return whether {@code c} is the player's start */
    public boolean isStart(char c) {
        return (flags(c) & F_START) != 0;
    }

    /** @return whether {@code c} is a goal */
    public boolean isGoal(char c) {
        return (flags(c) & F_GOAL) != 0;
    }

    /** @return whether {@code c} is a start or a goal: a marker that generators place rather than learn */
    public boolean isMarker(char c) {
        return (flags(c) & (F_START | F_GOAL)) != 0;
    }

    /** @return whether {@code c} is one of the legend's tiles and carries {@code tag} (case-insensitive) */
    public boolean hasTag(char c, String tag) {
        List<String> t = tags.get(c);
        return t != null && t.contains(tag.toLowerCase(Locale.ROOT));
    }

    /** @return the tile characters in the order the legend lists them */
    public Set<Character> tiles() {
        return tags.keySet();
    }

    /** @return the tags of {@code c} (lower case, in the legend's order), empty when the legend lacks it */
    public List<String> tags(char c) {
        return tags.getOrDefault(c, List.of());
    }

    /** @return how levels are seen */
    public View view() {
        return view;
    }

    /** @return the side-view jump ({@link Jump#DEFAULT} when the legend gives none) */
    public Jump jump() {
        return jump;
    }

    /** @return the first tile tagged start */
    public Optional<Character> start() {
        return first(F_START, 0);
    }

    /** @return the first tile tagged goal */
    public Optional<Character> goal() {
        return first(F_GOAL, 0);
    }

    /** @return the first tile tagged hazard that is not solid (spikes, enemies), else the first hazard */
    public Optional<Character> hazard() {
        return first(F_HAZARD, F_SOLID).or(() -> first(F_HAZARD, 0));
    }

    /**
     * @return the plain empty tile: passable, no marker, hazard or ladder; preferably one tagged "empty", "floor"
     *     or "background"
     * @throws AnimataException when the legend has no such tile
     */
    public char background() {
        return plain(false, "empty", "floor", "background", "air")
                .orElseThrow(() -> new AnimataException("The legend has no plain passable tile (one that is not "
                        + "solid, hazard, climbable, start or goal): add one, e.g. \"-\": [\"passable\", \"empty\"]"));
    }

    /**
     * @return the plain solid tile: solid, not a hazard; preferably one tagged "wall", "ground" or "solid" only
     * @throws AnimataException when the legend has no such tile
     */
    public char wall() {
        return plain(true, "wall", "ground", "block")
                .orElseThrow(() -> new AnimataException("The legend has no solid tile that is not a hazard: add one,"
                        + " e.g. \"X\": [\"solid\", \"wall\"]"));
    }

    private Optional<Character> plain(boolean solid, String... preferred) {
        Character fallback = null;
        for (Map.Entry<Character, List<String>> e : tags.entrySet()) {
            int f = flags(e.getKey());
            boolean plain = ((f & F_SOLID) != 0) == solid
                    && (f & (F_HAZARD | F_CLIMBABLE | F_START | F_GOAL)) == 0;
            if (!plain) {
                continue;
            }
            for (String p : preferred) {
                if (e.getValue().contains(p)) {
                    return Optional.of(e.getKey());
                }
            }
            if (fallback == null) {
                fallback = e.getKey();
            }
        }
        return Optional.ofNullable(fallback);
    }

    private Optional<Character> first(int flag, int without) {
        for (char c : tags.keySet()) {
            int f = flags(c);
            if ((f & flag) != 0 && (f & without) == 0) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** @return the colour the legend gives {@code c}, as 0xRRGGBB */
    public Optional<Integer> color(char c) {
        return Optional.ofNullable(colors.get(c));
    }

    /**
     * @return the colour of {@code c} as 0xRRGGBB: the legend's, else one derived from its tags (dark for solid, red
     *     for hazards, green for the start, gold for goals, brown for ladders, light for the rest) and its character
     */
    public int colorOrDefault(char c) {
        Integer given = colors.get(c);
        if (given != null) {
            return given;
        }
        int f = flags(c);
        int base;
        if ((f & F_START) != 0) {
            base = 0x30c040;
        } else if ((f & F_GOAL) != 0) {
            base = 0xf0c020;
        } else if ((f & F_HAZARD) != 0) {
            base = 0xd02020;
        } else if ((f & F_CLIMBABLE) != 0) {
            base = 0xa06830;
        } else if ((f & F_SOLID) != 0) {
            base = 0x404858;
        } else {
            base = 0xd8dce4;
        }
        // a small shift per character, so that two tiles with the same tags still differ
        int shift = (c * 37) % 40 - 20;
        int r = clamp(((base >> 16) & 0xff) + shift);
        int g = clamp(((base >> 8) & 0xff) + shift);
        int b = clamp((base & 0xff) - shift);
        return (r << 16) | (g << 8) | b;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /**
     * @throws AnimataException naming {@code source} when the legend has no start or no goal tile, which every
     *     playability check needs
     */
    public void requireStartAndGoal(String source) {
        if (start().isEmpty()) {
            throw new AnimataException(source + ": no tile is tagged \"start\": tag the player's start tile, e.g. "
                    + "\"S\": [\"passable\", \"start\"]");
        }
        if (goal().isEmpty()) {
            throw new AnimataException(source + ": no tile is tagged \"goal\": tag the tile the player must reach, e.g. "
                    + "\"G\": [\"passable\", \"goal\"]");
        }
    }

    /** @return the legend's characters as a readable list, for error messages: {@code 'X' '-' 'S'} */
    public String describeTiles() {
        StringBuilder sb = new StringBuilder();
        for (char c : tags.keySet()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(describe(c));
        }
        return sb.toString();
    }

    /** @return a character as a person reads it in a message: {@code 'Q'}, or {@code U+0009} for invisible ones */
    public static String describe(char c) {
        if (c > ' ' && c < 127) {
            return "'" + c + "'";
        }
        return String.format(Locale.ROOT, "U+%04X", (int) c) + (Character.isWhitespace(c) ? " (whitespace)" : "");
    }

    @Override
    public String toString() {
        return "Legend[view=" + view + ", jump=" + jump + ", tiles=" + tags + "]";
    }

    /**
     * Builds a {@link Legend}: {@link #addTile} for each tile, optional view, jump and colours.
     *
     * <p>Threading: not thread-safe; use it on one thread.
     */
    public static final class Builder {
        private final Map<Character, List<String>> tags = new LinkedHashMap<>();
        private final Map<Character, Integer> colors = new LinkedHashMap<>();
        private View view = View.TOP_DOWN;
        private Jump jump = Jump.DEFAULT;

        private Builder() {
        }

        /**
         * @param c the tile character
         * @param tileTags its tags (lower-cased; duplicates dropped)
         * @return this
         * @throws AnimataException when {@code c} is already in the legend or is a line break
         */
        public Builder addTile(char c, String... tileTags) {
            return addTile(c, List.of(tileTags));
        }

        /** See {@link #addTile(char, String...)}. */
        public Builder addTile(char c, List<String> tileTags) {
            if (c == '\n' || c == '\r') {
                throw new AnimataException("A line break cannot be a tile character");
            }
            if (tags.containsKey(c)) {
                throw new AnimataException("Tile " + describe(c) + " is in the legend twice");
            }
            Set<String> set = new LinkedHashSet<>();
            for (String t : tileTags) {
                set.add(t.trim().toLowerCase(Locale.ROOT));
            }
            tags.put(c, List.copyOf(new ArrayList<>(set)));
            return this;
        }

        /** @return this, with levels seen from {@code view} (default {@link View#TOP_DOWN}) */
        public Builder setView(View view) {
            this.view = view;
            return this;
        }

        /** @return this, with the side-view jump (default {@link Jump#DEFAULT}) */
        public Builder optJump(Jump jump) {
            this.jump = jump;
            return this;
        }

        /** @return this, with {@code c} drawn in {@code rgb} (0xRRGGBB) in bitmaps and tileset images */
        public Builder optColor(char c, int rgb) {
            colors.put(c, rgb & 0xffffff);
            return this;
        }

        /**
         * @return the legend
         * @throws AnimataException when it has no tiles, or a colour names a tile it does not have, or two tiles
         *     share a colour
         */
        public Legend build() {
            if (tags.isEmpty()) {
                throw new AnimataException("A legend needs at least one tile");
            }
            Map<Integer, Character> byColor = new LinkedHashMap<>();
            for (Map.Entry<Character, Integer> e : colors.entrySet()) {
                if (!tags.containsKey(e.getKey())) {
                    throw new AnimataException("The legend gives a colour to " + describe(e.getKey())
                            + ", which is not one of its tiles");
                }
                Character other = byColor.put(e.getValue(), e.getKey());
                if (other != null) {
                    throw new AnimataException(String.format(Locale.ROOT,
                            "Tiles %s and %s share the colour #%06x: each tile needs its own colour so that bitmaps "
                                    + "can be read back", describe(other), describe(e.getKey()), e.getValue()));
                }
            }
            return new Legend(this);
        }
    }
}
