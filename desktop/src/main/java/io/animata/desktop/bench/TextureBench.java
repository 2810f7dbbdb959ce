package io.animata.desktop.bench;

import io.animata.core.texture.RowExecutor;
import io.animata.core.texture.TextureMetrics;
import io.animata.core.texture.noise.CellularNoise;
import io.animata.core.texture.noise.Fractal;
import io.animata.core.texture.noise.Noise;
import io.animata.core.texture.noise.NoiseGenerator;
import io.animata.core.texture.noise.PerlinNoise;
import io.animata.core.texture.noise.SimplexNoise;
import io.animata.core.texture.noise.ValueNoise;
import io.animata.core.texture.recipe.RenderedTexture;
import io.animata.core.texture.recipe.TextureRecipe;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code animata bench textures}: the speed of the noise and of the shipped recipes, and how well the recipes tile.
 *
 * <ul>
 *   <li>{@code noise_ns_per_pixel}: one octave of 2D simplex noise, per sample, on one thread (the median of
 *       {@code --repeats} passes over a {@code --size} square); further keys give Perlin, value and cellular noise,
 *       and a seamless 5-octave fBm tile (4D simplex per octave).</li>
 *   <li>{@code recipe_ms_N}: the mean over the six shipped recipes of the median time to render one N x N texture
 *       on {@code --threads} threads; {@code ms_NAME} per recipe.</li>
 *   <li>{@code seam_error}: the largest seam error among the shipped recipes' renders (about 1: seams invisible).</li>
 * </ul>
 *
 * <p>Threading: runs on the main thread; recipes fill rows on a pool.
 */
@Command(name = "textures", mixinStandardHelpOptions = true,
        description = {"Benchmarks procedural textures: noise speed, recipe render time, seam error.",
            "Noise is timed on one thread per sample; the six shipped recipes are rendered at --size on --threads "
                    + "threads, and their seam error measured.",
            "Last line: RESULT noise_ns_per_pixel=.. recipe_ms_N=.. seam_error=.. (N is --size)"})
public final class TextureBench implements Callable<Integer> {
    @Option(names = "--size", description = "texture side in pixels (default: ${DEFAULT-VALUE})")
    int size = 512;

    @Option(names = "--repeats", description = "timed repetitions; the median is reported (default: ${DEFAULT-VALUE})")
    int repeats = 3;

    @Option(names = "--threads", description = "threads rendering recipes (default: the number of cores)")
    Integer threads;

    @Option(names = "--seed", description = "seed of the noise and recipes (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Spec
    CommandSpec spec;

    /** Keeps the JIT from dropping the noise calls whose results are otherwise unused. */
    private double sink;

    @Override
    public Integer call() {
        int pool = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (size < 16 || size > 4096 || repeats < 1 || pool < 1) {
            throw new ParameterException(spec.commandLine(),
                    "--size must be 16 to 4096, --repeats and --threads at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Double> noise = new LinkedHashMap<>();
        noise.put("simplex", planeNanos(SimplexNoise.INSTANCE));
        noise.put("perlin", planeNanos(PerlinNoise.INSTANCE));
        noise.put("value", planeNanos(ValueNoise.INSTANCE));
        noise.put("cellular", planeNanos(CellularNoise.classic()));
        double tileFbm = tileNanos(NoiseGenerator.builder().setNoise(SimplexNoise.INSTANCE).optSeed((int) seed)
                .optFrequency(8).optFractal(Fractal.FBM).optOctaves(5).build());
        out.printf(Locale.ROOT, "noise, one thread, ns per sample: simplex 2D %.1f, perlin 2D %.1f, value 2D %.1f, "
                + "cellular 2D %.1f; seamless fBm tile (5 octaves of 4D simplex) %.1f per pixel%n",
                noise.get("simplex"), noise.get("perlin"), noise.get("value"), noise.get("cellular"), tileFbm);

        Map<String, Double> recipeMs = new LinkedHashMap<>();
        double worstSeam = 0;
        try (RowExecutor rows = RowExecutor.create(pool)) {
            for (String name : TextureRecipe.builtInNames()) {
                TextureRecipe recipe = TextureRecipe.builtIn(name);
                double[] ms = new double[repeats];
                RenderedTexture t = null;
                for (int r = -1; r < repeats; r++) { // one unmeasured render warms the JIT up
                    long start = System.nanoTime();
                    t = recipe.render(size, size, seed, rows);
                    if (r >= 0) {
                        ms[r] = (System.nanoTime() - start) / 1e6;
                    }
                }
                Arrays.sort(ms);
                double seam = TextureMetrics.seamError(t.color());
                worstSeam = Math.max(worstSeam, seam);
                recipeMs.put(name, ms[repeats / 2]);
                out.printf(Locale.ROOT, "recipe %-5s %dx%d: %7.1f ms on %d threads, seam error %.3f%n", name, size,
                        size, ms[repeats / 2], pool, seam);
            }
        }
        double meanMs = recipeMs.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        StringBuilder perRecipe = new StringBuilder();
        recipeMs.forEach((name, ms) -> perRecipe.append(String.format(Locale.ROOT, " ms_%s=%.1f", name, ms)));
        out.printf(Locale.ROOT, "RESULT noise_ns_per_pixel=%.1f recipe_ms_%d=%.1f seam_error=%.3f perlin_ns=%.1f "
                + "value_ns=%.1f cellular_ns=%.1f tile_fbm5_ns=%.1f threads=%d%s%n", noise.get("simplex"), size,
                meanMs, worstSeam, noise.get("perlin"), noise.get("value"), noise.get("cellular"), tileFbm, pool,
                perRecipe);
        out.flush();
        if (sink == 42.4242) {
            out.println(); // never true in practice; reading sink keeps the measured loops alive
        }
        return 0;
    }

    private double planeNanos(Noise noise) {
        double[] nanos = new double[repeats];
        int s = (int) seed;
        for (int r = -2; r < repeats; r++) {
            long start = System.nanoTime();
            double acc = 0;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    acc += noise.sample(s, x * 0.0371, y * 0.0371);
                }
            }
            long took = System.nanoTime() - start;
            sink += acc;
            if (r >= 0) {
                nanos[r] = (double) took / ((long) size * size);
            }
        }
        Arrays.sort(nanos);
        return nanos[repeats / 2];
    }

    private double tileNanos(NoiseGenerator g) {
        double[] nanos = new double[repeats];
        for (int r = -2; r < repeats; r++) {
            long start = System.nanoTime();
            double acc = 0;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    acc += g.sampleTileable((x + 0.5) / size, (y + 0.5) / size);
                }
            }
            long took = System.nanoTime() - start;
            sink += acc;
            if (r >= 0) {
                nanos[r] = (double) took / ((long) size * size);
            }
        }
        Arrays.sort(nanos);
        return nanos[repeats / 2];
    }
}
