package io.animata.core.texture.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import io.animata.core.texture.ColorRamp;
import io.animata.core.texture.noise.CellularNoise;
import io.animata.core.texture.noise.Fractal;
import io.animata.core.texture.noise.Noise;
import io.animata.core.texture.noise.NoiseGenerator;
import io.animata.core.texture.noise.PerlinNoise;
import io.animata.core.texture.noise.SimplexNoise;
import io.animata.core.texture.noise.ValueNoise;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One node of a texture recipe: parsed and checked from its JSON object, then evaluated into a plane (see
 * {@link Render}). Inner loops run per row on the render's executor and allocate nothing.
 *
 * <p>Threading: immutable after parsing; {@link #evaluate} may run for several renders at once.
 */
abstract class RecipeNode {
    /** A field naming another node, and what that node must make. */
    record Ref(String field, String target, Kind kind) {
    }

    final String id;
    final List<Ref> refs = new ArrayList<>();

    RecipeNode(String id) {
        this.id = id;
    }

    abstract Kind kind();

    /** @return the plane this node makes from the planes of the nodes it refers to (already in the render) */
    abstract Object evaluate(Render r);

    String ref(Fields f, String field, Kind kind, boolean required) {
        String target = f.reference(field, required);
        if (target != null) {
            refs.add(new Ref(field, target, kind));
        }
        return target;
    }

    static <E extends Enum<E>> Map<String, E> ids(E[] values, Function<E, String> id) {
        Map<String, E> m = new LinkedHashMap<>();
        for (E e : values) {
            m.put(id.apply(e), e);
        }
        return m;
    }

    /** @return the index {@code i} folded into [0, n): wrapped around for tiles, else clamped to the edge */
    static int neighbour(int i, int n, boolean wrap) {
        if (i < 0) {
            return wrap ? i + n : 0;
        }
        if (i >= n) {
            return wrap ? i - n : n - 1;
        }
        return i;
    }

    static float clamp01(float v) {
        return v <= 0 ? 0 : v >= 1 ? 1 : v;
    }

    /** The noise fields shared by noise and warp nodes. */
    static final class NoiseSettings {
        private static final Map<String, String> BASES = new LinkedHashMap<>();

        static {
            BASES.put("simplex", "simplex");
            BASES.put("perlin", "perlin");
            BASES.put("value", "value");
            BASES.put("cellular", "cellular");
        }

        final Noise basis;
        /** The {@code seed} field, or null: then the node's name picks its seed. */
        final Integer sharedSeed;
        final double frequencyX;
        final double frequencyY;
        final Fractal fractal;
        final int octaves;
        final double lacunarity;
        final double gain;
        final double pingPong;

        NoiseSettings(Fields f, String defaultBasis, double defaultFrequency) {
            String basis = f.choice("noise", defaultBasis, BASES);
            sharedSeed = f.has("seed") ? f.integer("seed", 0, -1_000_000, 1_000_000) : null;
            double[] freq = f.pair("frequency", defaultFrequency, 1e-3, 1e4);
            frequencyX = freq[0];
            frequencyY = freq[1];
            fractal = f.choice("fractal", Fractal.NONE, ids(Fractal.values(), Fractal::id));
            octaves = f.integer("octaves", fractal == Fractal.NONE ? 1 : 4, 1, 16);
            lacunarity = f.number("lacunarity", 2, 1.01, 8);
            gain = f.number("gain", 0.5, 0.01, 1);
            pingPong = f.number("pingPongStrength", 2, 0.01, 32);
            if ("cellular".equals(basis)) {
                CellularNoise.Distance distance = f.choice("distance", CellularNoise.Distance.EUCLIDEAN,
                        ids(CellularNoise.Distance.values(), CellularNoise.Distance::id));
                CellularNoise.Output output = f.choice("cellular", CellularNoise.Output.F1,
                        ids(CellularNoise.Output.values(), CellularNoise.Output::id));
                double jitter = f.number("jitter", 1, 0, 1);
                this.basis = new CellularNoise(distance, output, jitter);
            } else {
                this.basis = "perlin".equals(basis) ? PerlinNoise.INSTANCE
                        : "value".equals(basis) ? ValueNoise.INSTANCE : SimplexNoise.INSTANCE;
            }
        }

        /** @return the generator for one render; frequency along v is scaled by the aspect in tile mode */
        NoiseGenerator generator(Render r, String nodeId, int extraSeed) {
            int seed = sharedSeed == null ? r.nodeSeed(nodeId) : r.sharedSeed(sharedSeed);
            return NoiseGenerator.builder().setNoise(basis).optSeed(seed + extraSeed)
                    .optFrequency(frequencyX, r.tileable ? frequencyY * r.aspect : frequencyY)
                    .optFractal(fractal).optOctaves(octaves).optLacunarity(lacunarity).optGain(gain)
                    .optPingPongStrength(pingPong).build();
        }

        /** @return the generator's value at tile point {@code (u, v)}, tiled or on the plane, in [-1, 1] */
        static float sample(NoiseGenerator g, Render r, double u, double v) {
            return r.tileable ? g.sampleTileable(u, v) : g.sample(u, v * r.aspect);
        }
    }

    /** {@code noise}: a noise field, mapped from [-1, 1] to [0, 1]; optionally sampled at warped coordinates. */
    static final class NoiseNode extends RecipeNode {
        private final NoiseSettings settings;
        private final String warp;

        NoiseNode(String id, Fields f) {
            super(id);
            settings = new NoiseSettings(f, "simplex", 4);
            warp = ref(f, "warp", Kind.COORDS, false);
        }

        @Override
        Kind kind() {
            return Kind.SCALAR;
        }

        @Override
        Object evaluate(Render r) {
            NoiseGenerator g = settings.generator(r, id, 0);
            float[] out = new float[r.pixels()];
            float[][] coords = warp == null ? null : r.coords(warp);
            r.rows.forEachRow(r.height, y -> {
                int row = y * r.width;
                for (int x = 0; x < r.width; x++) {
                    double u = coords == null ? r.u(x) : coords[0][row + x];
                    double v = coords == null ? r.v(y) : coords[1][row + x];
                    out[row + x] = 0.5f + 0.5f * NoiseSettings.sample(g, r, u, v);
                }
            });
            return out;
        }
    }

    /**
     * {@code warp}: coordinates moved by two noise fields, {@code (u, v) + amplitude * (nx, ny)}, from the pixel
     * centres or from another warp's coordinates ({@code input}, for warps of warps).
     */
    static final class WarpNode extends RecipeNode {
        private final NoiseSettings settings;
        private final double amplitude;
        private final String input;

        WarpNode(String id, Fields f) {
            super(id);
            settings = new NoiseSettings(f, "simplex", 3);
            amplitude = f.requiredNumber("amplitude", -4, 4);
            input = ref(f, "input", Kind.COORDS, false);
        }

        @Override
        Kind kind() {
            return Kind.COORDS;
        }

        @Override
        Object evaluate(Render r) {
            NoiseGenerator gx = settings.generator(r, id, 0);
            NoiseGenerator gy = settings.generator(r, id, 7919);
            float[][] in = input == null ? null : r.coords(input);
            float[][] out = new float[2][r.pixels()];
            r.rows.forEachRow(r.height, y -> {
                int row = y * r.width;
                for (int x = 0; x < r.width; x++) {
                    double u = in == null ? r.u(x) : in[0][row + x];
                    double v = in == null ? r.v(y) : in[1][row + x];
                    out[0][row + x] = (float) (u + amplitude * NoiseSettings.sample(gx, r, u, v));
                    out[1][row + x] = (float) (v + amplitude * NoiseSettings.sample(gy, r, u, v));
                }
            });
            return out;
        }
    }

    /** {@code levels}: remaps [low, high] to [0, 1] (clamped), then applies a gamma, then optionally inverts. */
    static final class LevelsNode extends RecipeNode {
        private final String input;
        private final float low;
        private final float high;
        private final float gamma;
        private final boolean invert;

        LevelsNode(String id, Fields f) {
            super(id);
            input = ref(f, "input", Kind.SCALAR, true);
            low = (float) f.number("low", 0, -10, 10);
            high = (float) f.number("high", 1, -10, 10);
            gamma = (float) f.number("gamma", 1, 0.01, 100);
            invert = f.bool("invert", false);
            if (high == low) {
                throw f.error("high", "must differ from low (" + low + ")");
            }
        }

        @Override
        Kind kind() {
            return Kind.SCALAR;
        }

        @Override
        Object evaluate(Render r) {
            float[] in = r.scalar(input);
            float[] out = new float[r.pixels()];
            float scale = 1 / (high - low);
            boolean curve = gamma != 1;
            double exponent = 1.0 / gamma;
            r.rows.forEachRow(r.height, y -> {
                for (int i = y * r.width, end = i + r.width; i < end; i++) {
                    float t = clamp01((in[i] - low) * scale);
                    if (curve) {
                        t = (float) Math.pow(t, exponent);
                    }
                    out[i] = invert ? 1 - t : t;
                }
            });
            return out;
        }
    }

    /** A math operand: another scalar node, or a constant. */
    record Operand(String node, float constant) {
        float at(float[] plane, int i) {
            return plane == null ? constant : plane[i];
        }
    }

    /** {@code math}: combines two scalars (or a scalar and a constant) per pixel; the result is clamped to [0, 1]. */
    static final class MathNode extends RecipeNode {
        enum Op { ADD, SUBTRACT, MULTIPLY, MIN, MAX, DIFFERENCE, SCREEN, MIX }

        private final Op op;
        private final Operand a;
        private final Operand b;
        private final Operand t;

        MathNode(String id, Fields f) {
            super(id);
            Map<String, Op> ops = ids(Op.values(), o -> o.name().toLowerCase(Locale.ROOT));
            op = f.choice("op", null, ops);
            a = operand(f, "a", true);
            b = operand(f, "b", true);
            t = op == Op.MIX ? operand(f, "t", true) : null;
        }

        private Operand operand(Fields f, String field, boolean required) {
            JsonNode v = f.get(field);
            if (v != null && v.isNumber()) {
                return new Operand(null, (float) v.asDouble());
            }
            return new Operand(ref(f, field, Kind.SCALAR, required), 0);
        }

        @Override
        Kind kind() {
            return Kind.SCALAR;
        }

        @Override
        Object evaluate(Render r) {
            float[] pa = a.node() == null ? null : r.scalar(a.node());
            float[] pb = b.node() == null ? null : r.scalar(b.node());
            float[] pt = t == null || t.node() == null ? null : r.scalar(t.node());
            float[] out = new float[r.pixels()];
            r.rows.forEachRow(r.height, y -> {
                for (int i = y * r.width, end = i + r.width; i < end; i++) {
                    float x = a.at(pa, i);
                    float z = b.at(pb, i);
                    float v;
                    switch (op) {
                        case ADD: v = x + z; break;
                        case SUBTRACT: v = x - z; break;
                        case MULTIPLY: v = x * z; break;
                        case MIN: v = Math.min(x, z); break;
                        case MAX: v = Math.max(x, z); break;
                        case DIFFERENCE: v = Math.abs(x - z); break;
                        case SCREEN: v = 1 - (1 - x) * (1 - z); break;
                        default: float w = t.at(pt, i); v = x + (z - x) * w; break;
                    }
                    out[i] = clamp01(v);
                }
            });
            return out;
        }
    }

    /**
     * {@code wave}: bands across the texture, {@code shape(nx u + ny v + offset + amount * (distortion - 0.5))}, where
     * {@code count} is one whole number (bands along {@code axis}: {@code nx} or {@code ny}) or two, [nx, ny], for
     * slanted bands; whole counts tile. With a noise as distortion: wood grain, marble veins, sand ripples.
     */
    static final class WaveNode extends RecipeNode {
        enum Shape { SINE, TRIANGLE, SAW }

        private final int countX;
        private final int countY;
        private final Shape shape;
        private final String distortion;
        private final float amount;
        private final double offset;

        WaveNode(String id, Fields f) {
            super(id);
            boolean alongX = f.choice("axis", "x", Map.of("x", "x", "y", "y")).equals("x");
            JsonNode count = f.get("count");
            if (count != null && count.isArray()) {
                if (count.size() != 2 || !whole(count.get(0)) || !whole(count.get(1))
                        || count.get(0).asInt() == 0 && count.get(1).asInt() == 0) {
                    throw f.error("count", "expected a whole number from 1 to 4096, or [x, y] of two whole numbers "
                            + "from -4096 to 4096, not both 0, got " + count);
                }
                countX = count.get(0).asInt();
                countY = count.get(1).asInt();
            } else {
                int n = f.integer("count", 8, 1, 4096);
                countX = alongX ? n : 0;
                countY = alongX ? 0 : n;
            }
            shape = f.choice("shape", Shape.SINE, ids(Shape.values(), s -> s.name().toLowerCase(Locale.ROOT)));
            distortion = ref(f, "distortion", Kind.SCALAR, false);
            amount = (float) f.number("amount", 0, -1000, 1000);
            offset = f.number("offset", 0, -1000, 1000);
        }

        private static boolean whole(JsonNode v) {
            return v.isNumber() && v.asDouble() == Math.rint(v.asDouble()) && Math.abs(v.asDouble()) <= 4096;
        }

        @Override
        Kind kind() {
            return Kind.SCALAR;
        }

        @Override
        Object evaluate(Render r) {
            float[] d = distortion == null ? null : r.scalar(distortion);
            float[] out = new float[r.pixels()];
            r.rows.forEachRow(r.height, y -> {
                double rowPhase = countY * r.v(y) + offset;
                for (int x = 0; x < r.width; x++) {
                    int i = y * r.width + x;
                    double phase = countX * r.u(x) + rowPhase + (d == null ? 0 : amount * (d[i] - 0.5));
                    double f = phase - Math.floor(phase);
                    float v;
                    switch (shape) {
                        case SAW: v = (float) f; break;
                        case TRIANGLE: v = (float) (f < 0.5 ? 2 * f : 2 - 2 * f); break;
                        default: v = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * f)); break;
                    }
                    out[i] = v;
                }
            });
            return out;
        }
    }

    /** {@code color}: one colour everywhere. */
    static final class ColorNode extends RecipeNode {
        private final int rgba;

        ColorNode(String id, Fields f) {
            super(id);
            rgba = f.color("color");
        }

        @Override
        Kind kind() {
            return Kind.COLOR;
        }

        @Override
        Object evaluate(Render r) {
            float[] out = new float[r.pixels() * 4];
            float[] c = {(rgba >>> 24) / 255f, ((rgba >>> 16) & 0xFF) / 255f, ((rgba >>> 8) & 0xFF) / 255f,
                (rgba & 0xFF) / 255f};
            for (int i = 0; i < out.length; i++) {
                out[i] = c[i & 3];
            }
            return out;
        }
    }

    /** {@code ramp}: a scalar through a {@link ColorRamp}. */
    static final class RampNode extends RecipeNode {
        private final String input;
        private final ColorRamp ramp;

        RampNode(String id, Fields f) {
            super(id);
            input = ref(f, "input", Kind.SCALAR, true);
            JsonNode stops = f.get("stops");
            if (stops == null || !stops.isArray() || stops.isEmpty()) {
                throw f.error("stops", "expected a list of stops like [[0, \"#2d4a1e\"], [1, \"#8db04a\"]], got "
                        + stops);
            }
            ColorRamp.Builder b = ColorRamp.builder().optInterpolation(f.choice("interpolation",
                    ColorRamp.Interpolation.LINEAR, ids(ColorRamp.Interpolation.values(), ColorRamp.Interpolation::id)));
            for (int k = 0; k < stops.size(); k++) {
                JsonNode s = stops.get(k);
                JsonNode at = s.isArray() && s.size() == 2 ? s.get(0) : s.get("at");
                JsonNode color = s.isArray() && s.size() == 2 ? s.get(1) : s.get("color");
                if (at == null || !at.isNumber() || at.asDouble() < 0 || at.asDouble() > 1 || color == null) {
                    throw f.error("stops", "stop " + (k + 1) + " must be [position from 0 to 1, \"#rrggbb\"], got " + s);
                }
                b.add((float) at.asDouble(), f.parseColor(color, "stops"));
            }
            ramp = b.build();
        }

        @Override
        Kind kind() {
            return Kind.COLOR;
        }

        @Override
        Object evaluate(Render r) {
            float[] in = r.scalar(input);
            float[] out = new float[r.pixels() * 4];
            r.rows.forEachRow(r.height, y -> {
                for (int i = y * r.width, end = i + r.width; i < end; i++) {
                    ramp.sample(in[i], out, i * 4);
                }
            });
            return out;
        }
    }

    /** {@code blend}: colour {@code b} over colour {@code a} with a blend mode, weighted by a mask and an opacity. */
    static final class BlendNode extends RecipeNode {
        enum Mode { MIX, MULTIPLY, SCREEN, OVERLAY, ADD, DARKEN, LIGHTEN }

        private final String a;
        private final String b;
        private final String mask;
        private final Mode mode;
        private final float opacity;

        BlendNode(String id, Fields f) {
            super(id);
            a = ref(f, "a", Kind.COLOR, true);
            b = ref(f, "b", Kind.COLOR, true);
            mask = ref(f, "mask", Kind.SCALAR, false);
            mode = f.choice("mode", Mode.MIX, ids(Mode.values(), m -> m.name().toLowerCase(Locale.ROOT)));
            opacity = (float) f.number("opacity", 1, 0, 1);
        }

        @Override
        Kind kind() {
            return Kind.COLOR;
        }

        @Override
        Object evaluate(Render r) {
            float[] pa = r.color(a);
            float[] pb = r.color(b);
            float[] pm = mask == null ? null : r.scalar(mask);
            float[] out = new float[r.pixels() * 4];
            r.rows.forEachRow(r.height, y -> {
                for (int p = y * r.width, end = p + r.width; p < end; p++) {
                    float w = opacity * (pm == null ? 1 : pm[p]);
                    for (int c = p * 4, last = c + 4; c < last; c++) {
                        float x = pa[c];
                        float z = pb[c];
                        float v;
                        switch (mode) {
                            case MULTIPLY: v = x * z; break;
                            case SCREEN: v = 1 - (1 - x) * (1 - z); break;
                            case OVERLAY: v = x < 0.5f ? 2 * x * z : 1 - 2 * (1 - x) * (1 - z); break;
                            case ADD: v = Math.min(1, x + z); break;
                            case DARKEN: v = Math.min(x, z); break;
                            case LIGHTEN: v = Math.max(x, z); break;
                            default: v = z; break;
                        }
                        out[c] = x + (v - x) * w;
                    }
                }
            });
            return out;
        }
    }

    /**
     * {@code shade}: bakes light into a colour from a height field, so the relief shows without a normal map: each
     * pixel is multiplied by {@code 1 + amount * (n . l / l_z - 1)}, where {@code n} is the surface normal (as
     * {@code NormalMap} computes it) and {@code l} the light direction, so flat areas keep their colour.
     */
    static final class ShadeNode extends RecipeNode {
        private final String color;
        private final String height;
        private final float depth;
        private final float amount;
        private final float lx;
        private final float ly;
        private final float lz;

        ShadeNode(String id, Fields f) {
            super(id);
            color = ref(f, "color", Kind.COLOR, true);
            height = ref(f, "height", Kind.SCALAR, true);
            depth = (float) f.number("depth", 0.02, 1e-5, 1);
            amount = (float) f.number("amount", 1, 0, 4);
            JsonNode light = f.get("light");
            float[] l = {-1, 1, 1.5f};
            if (light != null) {
                if (!light.isArray() || light.size() != 3 || !light.get(0).isNumber() || !light.get(1).isNumber()
                        || !light.get(2).isNumber() || light.get(2).asDouble() <= 0) {
                    throw f.error("light", "expected a direction [x, y, z] towards the light (x right, y up, z > 0 "
                            + "out of the surface), got " + light);
                }
                l = new float[] {(float) light.get(0).asDouble(), (float) light.get(1).asDouble(),
                    (float) light.get(2).asDouble()};
            }
            float n = (float) Math.sqrt(l[0] * l[0] + l[1] * l[1] + l[2] * l[2]);
            lx = l[0] / n;
            ly = l[1] / n;
            lz = l[2] / n;
        }

        @Override
        Kind kind() {
            return Kind.COLOR;
        }

        @Override
        Object evaluate(Render r) {
            float[] in = r.color(color);
            float[] h = r.scalar(height);
            float[] out = new float[r.pixels() * 4];
            float scale = depth * r.width * 0.5f;
            r.rows.forEachRow(r.height, y -> {
                int up = neighbour(y - 1, r.height, r.tileable);
                int down = neighbour(y + 1, r.height, r.tileable);
                for (int x = 0; x < r.width; x++) {
                    int left = neighbour(x - 1, r.width, r.tileable);
                    int right = neighbour(x + 1, r.width, r.tileable);
                    float dx = (h[y * r.width + right] - h[y * r.width + left]) * scale;
                    float dy = (h[down * r.width + x] - h[up * r.width + x]) * scale;
                    float inv = (float) (1 / Math.sqrt(dx * dx + dy * dy + 1));
                    float lit = (-dx * lx + dy * ly + lz) * inv / lz;
                    float factor = Math.max(0, 1 + amount * (lit - 1));
                    int p = (y * r.width + x) * 4;
                    out[p] = clamp01(in[p] * factor);
                    out[p + 1] = clamp01(in[p + 1] * factor);
                    out[p + 2] = clamp01(in[p + 2] * factor);
                    out[p + 3] = in[p + 3];
                }
            });
            return out;
        }
    }
}
