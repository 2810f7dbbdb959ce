package io.animata.desktop;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.animata.core.texture.PixelBuffer;
import io.animata.core.texture.RowExecutor;
import io.animata.core.texture.TextureMetrics;
import io.animata.core.texture.nca.NcaTexture;
import io.animata.core.texture.recipe.RenderedTexture;
import io.animata.core.texture.recipe.TextureRecipe;
import io.animata.core.texture.synth.ImageQuilting;
import io.animata.core.texture.variant.SpriteVariants;
import io.animata.runtime.AnimataException;
import io.animata.runtime.onnx.DevicePreference;
import io.animata.runtime.onnx.OnnxSessionConfig;
import io.animata.runtime.train.NcaTrainer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code animata textures}: makes a texture and writes it as a PNG. From a recipe ({@code --recipe}: a shipped name
 * or a JSON file), with its normal map beside it where the recipe names a height; or from an example image
 * ({@code --example}) by image quilting, with the statistics distance to the example against colour noise; or the
 * colour variants of a sprite ({@code --variants}, see {@link VariantSheet}). Prints
 * what it made and, as its last line, {@code RESULT mode=.. size=.. seed=.. ms=.. seam_error=.. out=..}.
 *
 * <p>Threading: runs on the main thread; rows are filled on a pool of {@code --threads} threads.
 */
@Command(name = "textures",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Make a procedural texture and write it as a PNG.",
            "--recipe renders a material recipe: a shipped one (grass, stone, wood, lava, water, sand) or a JSON "
                    + "file. Where the recipe names a height, the normal map is written next to the image as "
                    + "NAME-normal.png. Tileable recipes tile seamlessly.",
            "--example makes a larger, tileable texture from an example image by image quilting, and reports how "
                    + "close its colour and gradient statistics are to the example's, against the example's pixels "
                    + "shuffled (colour noise).",
            "--nca grows a seamless texture with a trained neural cellular automaton (ONNX Runtime, GPU when "
                    + "present); --train-nca IMG trains one on an example image and writes the model, its sidecar "
                    + "and a preview.",
            "--variants SPRITE gives a sprite --count new looks (skin tones, hair colours, metals, cloth dyes per "
                    + "seed, outlines and shading kept), written to a folder or as one sheet PNG.",
            "Last line: RESULT mode=.. size=.. seed=.. ms=.. seam_error=.. out=.. (and stats_distance=.. "
                    + "baseline_distance=.. for --example and --train-nca; mode=variants count=.. groups=.. for "
                    + "--variants)",
        })
public final class TexturesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    /** What the texture is made from: exactly one of these. */
    static final class Source {
        @Option(names = "--recipe", paramLabel = "FILE|NAME", required = true,
                description = "A recipe JSON file, or the name of a shipped recipe: grass, stone, wood, lava, water, "
                        + "sand.")
        String recipe;

        @Option(names = "--example", paramLabel = "IMG", required = true,
                description = "An example image (PNG): image quilting makes a larger, tileable texture from it.")
        Path example;

        @Option(names = "--nca", paramLabel = "MODEL", required = true,
                description = "A neural cellular automaton (MODEL.onnx, with MODEL.json beside it): grows a seamless "
                        + "texture with ONNX Runtime.")
        Path nca;

        @Option(names = "--train-nca", paramLabel = "IMG", required = true,
                description = "Train a neural cellular automaton on this example image (DJL + PyTorch on CPU); "
                        + "--out is the model (.onnx), with its .json sidecar and a -preview.png grown by it.")
        Path trainNca;

        @Option(names = "--variants", paramLabel = "SPRITE", required = true,
                description = "Make --count colour variants of a sprite (PNG with transparency): skin, hair, metal "
                        + "and cloth recoloured per seed, outlines and shading kept. --out is a folder (one "
                        + "SPRITE-NNN.png each) or a .png file (one sheet, variants in rows).")
        Path variants;
    }

    @Option(names = "--count", paramLabel = "N", defaultValue = "16",
            description = "With --variants: how many (default: ${DEFAULT-VALUE}); variant i has seed S + i.")
    int count;

    @Option(names = "--mask", paramLabel = "IMG",
            description = "With --variants: a mask the sprite's size, each group of pixels painted in its own flat "
                    + "colour and named with --group (default: groups found from the sprite's colours).")
    Path mask;

    @Option(names = "--group", paramLabel = "#RRGGBB=NAME:MATERIAL",
            description = "With --mask: one group, e.g. '#ff0000=tunic:cloth'; materials: outline, keep, skin, hair, "
                    + "metal, cloth (repeat the option for each colour of the mask).")
    List<String> groups = new ArrayList<>();

    @Option(names = "--steps", paramLabel = "N",
            description = "With --nca or --train-nca: growth steps (default: the model's, 96 for a new one).")
    Integer steps;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "600",
            description = "With --train-nca: training iterations (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--grid", paramLabel = "N", defaultValue = "48",
            description = "With --train-nca: training grid side in cells (default: ${DEFAULT-VALUE}).")
    int grid;

    @Option(names = "--channels", paramLabel = "C", defaultValue = "12",
            description = "With --train-nca: state channels (default: ${DEFAULT-VALUE}).")
    int channels;

    @Option(names = "--hidden", paramLabel = "N", defaultValue = "64",
            description = "With --train-nca: hidden layer width (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--learning-rate", paramLabel = "R", defaultValue = "0.002",
            description = "With --train-nca: Adam's step size (default: ${DEFAULT-VALUE}).")
    float learningRate;

    @Option(names = "--patch", paramLabel = "N",
            description = "With --example: patch side in pixels (default: a third of the example's shorter side, "
                    + "8 to 64); big enough to hold the texture's elements.")
    Integer patch;

    @Option(names = "--overlap", paramLabel = "N",
            description = "With --example: overlap between patches in pixels (default: a fifth of the patch).")
    Integer overlap;

    @Option(names = "--tolerance", paramLabel = "F", defaultValue = "0.1",
            description = "With --example: how much worse than the best match a chosen patch may be "
                    + "(default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--no-progress", description = "No progress bar (for logs).")
    boolean noProgress;

    @Option(names = "--size", paramLabel = "N", defaultValue = "512",
            description = "Width in pixels (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--height", paramLabel = "N",
            description = "Height in pixels (default: the same as --size).")
    Integer height;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed: the same seed, size and recipe make the same pixels (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "The PNG to write (with --train-nca: the model, a .onnx file; with --variants: a folder, "
                    + "or a .png for one sheet).")
    Path out;

    @Option(names = "--no-normal", description = "Do not write the normal map.")
    boolean noNormal;

    @Option(names = "--threads", paramLabel = "T",
            description = "Threads filling rows (default: the number of cores).")
    Integer threads;

    @Override
    public Integer call() {
        int width = size;
        int rows = height == null ? size : height;
        int pool = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (width < 1 || rows < 1 || width > 8192 || rows > 8192) {
            throw new ParameterException(spec.commandLine(), "--size and --height must be 1 to 8192, were " + width
                    + " and " + rows);
        }
        if (pool < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, was " + pool);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        try (RowExecutor executor = RowExecutor.create(pool)) {
            if (source.example != null) {
                fromExample(width, rows, pool, executor, stdout);
            } else if (source.nca != null) {
                fromNca(width, rows, stdout);
            } else if (source.trainNca != null) {
                trainNca(width, rows, stdout);
            } else if (source.variants != null) {
                variants(stdout);
            } else {
                fromRecipe(width, rows, pool, executor, stdout);
            }
        }
        stdout.flush();
        return 0;
    }

    private void fromRecipe(int width, int rows, int pool, RowExecutor executor, PrintWriter stdout) {
        TextureRecipe material = resolve(source.recipe);
        long start = System.nanoTime();
        RenderedTexture texture = material.render(width, rows, seed, executor);
        double ms = (System.nanoTime() - start) / 1e6;
        PixelBuffer color = texture.color();
        Png.write(color, out);
        double seam = TextureMetrics.seamError(color);
        stdout.printf(Locale.ROOT, "recipe %s (%s): %d x %d, seed %d, %.0f ms on %d threads%n", material.name(),
                material.description(), width, rows, seed, ms, pool);
        stdout.printf(Locale.ROOT, "wrote %s; seam error %.3f (%s)%n", out, seam, material.tileable()
                ? "tileable: about 1 means the seams do not show" : "not made to tile");
        if (!noNormal && texture.normalMap().isPresent()) {
            Path normal = sibling(out, "-normal");
            Png.write(texture.normalMap().get(), normal);
            stdout.printf(Locale.ROOT, "wrote %s (normal map, OpenGL convention: green up)%n", normal);
        }
        stdout.printf(Locale.ROOT, "RESULT mode=recipe recipe=%s size=%dx%d seed=%d ms=%.1f seam_error=%.3f out=%s%n",
                material.name(), width, rows, seed, ms, seam, out);
    }

    private void fromExample(int width, int rows, int pool, RowExecutor executor, PrintWriter stdout) {
        PixelBuffer example = Png.read(source.example);
        ImageQuilting.Builder builder = ImageQuilting.builder().setExample(example).optSeed(seed)
                .optTolerance(tolerance);
        if (patch != null) {
            builder.optPatchSize(patch);
        }
        if (overlap != null) {
            builder.optOverlap(overlap);
        }
        ImageQuilting quilting = builder.build();
        long start = System.nanoTime();
        PixelBuffer texture;
        try (ProgressBar bar = progressBar("quilt", "patches")) {
            texture = quilting.synthesize(width, rows, executor, (done, total) -> {
                if (bar != null) {
                    bar.maxHint(total);
                    bar.stepTo(done);
                }
            });
        }
        double ms = (System.nanoTime() - start) / 1e6;
        Png.write(texture, out);
        double seam = TextureMetrics.seamError(texture);
        double distance = TextureMetrics.statisticsDistance(example, texture);
        double baseline = TextureMetrics.statisticsDistance(example,
                TextureMetrics.colourNoise(example, width, rows, seed));
        stdout.printf(Locale.ROOT, "image quilting of %s (%d x %d): %d x %d, %d px patches with %d px overlap, "
                + "seed %d, %.0f ms on %d threads%n", source.example, example.width(), example.height(), width, rows,
                quilting.patchSize(), quilting.overlap(), seed, ms, pool);
        stdout.printf(Locale.ROOT, "wrote %s; seam error %.3f (tileable: about 1 means the seams do not show)%n", out,
                seam);
        stdout.printf(Locale.ROOT, "statistics distance to the example %.4f; colour noise with the example's "
                + "colours %.4f (0 is identical statistics)%n", distance, baseline);
        stdout.printf(Locale.ROOT, "RESULT mode=example size=%dx%d seed=%d ms=%.1f seam_error=%.3f stats_distance=%.4f "
                + "baseline_distance=%.4f out=%s%n", width, rows, seed, ms, seam, distance, baseline, out);
    }

    private void fromNca(int width, int rows, PrintWriter stdout) {
        try (NcaTexture nca = NcaTexture.load(source.nca, new OnnxSessionConfig(
                Math.max(1, Runtime.getRuntime().availableProcessors()), DevicePreference.AUTO, 0))) {
            int n = steps != null ? steps : nca.steps();
            long start = System.nanoTime();
            PixelBuffer texture = nca.grow(width, rows, n, seed);
            double ms = (System.nanoTime() - start) / 1e6;
            Png.write(texture, out);
            double seam = TextureMetrics.seamError(texture);
            stdout.printf(Locale.ROOT, "neural cellular automaton %s (%d channels) on %s: %d x %d, %d steps, seed %d, "
                    + "%.0f ms%n", source.nca, nca.channels(), nca.device(), width, rows, n, seed, ms);
            stdout.printf(Locale.ROOT, "wrote %s; seam error %.3f (the grid wraps around: about 1)%n", out, seam);
            stdout.printf(Locale.ROOT, "RESULT mode=nca size=%dx%d seed=%d steps=%d ms=%.1f seam_error=%.3f device=%s "
                    + "out=%s%n", width, rows, seed, n, ms, seam, nca.device(), out);
        }
    }

    private void trainNca(int width, int rows, PrintWriter stdout) {
        if (iterations < 1 || grid < 16 || channels < 3 || hidden < 1 || !(learningRate > 0)) {
            throw new ParameterException(spec.commandLine(), "--iterations must be at least 1, --grid 16, --channels 3, "
                    + "--hidden 1, and --learning-rate positive");
        }
        if (!out.getFileName().toString().endsWith(".onnx")) {
            throw new ParameterException(spec.commandLine(), "with --train-nca, --out is the model: a .onnx file");
        }
        PixelBuffer example = Png.read(source.trainNca);
        int n = example.width() * example.height();
        float[] planar = new float[3 * n];
        for (int i = 0; i < n; i++) {
            int p = example.pixels()[i];
            planar[i] = PixelBuffer.red(p) / 255f;
            planar[n + i] = PixelBuffer.green(p) / 255f;
            planar[2 * n + i] = PixelBuffer.blue(p) / 255f;
        }
        int growSteps = steps != null ? steps : NcaTexture.DEFAULT_STEPS;
        System.setProperty("ai.djl.offline", "true");
        NcaTrainer.Summary summary;
        try (NcaTrainer trainer = NcaTrainer.builder().setExample(planar, example.width(), example.height())
                .optChannels(channels).optHidden(hidden).optGrid(grid).optIterations(iterations)
                .optLearningRate(learningRate).optSeed(seed).build()) {
            stdout.printf(Locale.ROOT, "train a neural cellular automaton on %s (%d x %d): %d channels, hidden %d, "
                    + "%d x %d grid, %d iterations, seed %d, on %s%n", source.trainNca, example.width(),
                    example.height(), channels, hidden, grid, grid, iterations, seed,
                    trainer.model().device());
            stdout.flush();
            try (ProgressBar bar = progressBar("train-nca", "iterations")) {
                summary = trainer.train((it, total, loss) -> {
                    if (bar != null) {
                        bar.maxHint(total);
                        bar.stepTo(it);
                        bar.setExtraMessage(String.format(Locale.ROOT, "loss %.3f", loss));
                    }
                });
            }
            String doc = "animata NCA texture, trained on " + source.trainNca.getFileName() + " (" + iterations
                    + " iterations, seed " + seed + ")";
            trainer.model().exportOnnx(out, doc);
            Map<String, Object> sidecar = new LinkedHashMap<>();
            sidecar.put("format", "animata-nca");
            sidecar.put("channels", channels);
            sidecar.put("hidden", hidden);
            sidecar.put("steps", growSteps);
            sidecar.put("fireRate", trainer.fireRate());
            sidecar.put("example", source.trainNca.getFileName().toString());
            sidecar.put("iterations", iterations);
            sidecar.put("grid", grid);
            sidecar.put("seed", seed);
            sidecar.put("finalLoss", summary.bestRecentLoss());
            Path json = out.resolveSibling(stem(out) + ".json");
            try {
                Files.writeString(json, new ObjectMapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(sidecar) + "\n");
            } catch (java.io.IOException e) {
                throw new AnimataException("cannot write " + json + ": " + e.getMessage(), e);
            }
        }
        // the preview is grown by the exported model, as a game would
        PixelBuffer preview;
        String device;
        try (NcaTexture nca = NcaTexture.load(out, new OnnxSessionConfig(
                Math.max(1, Runtime.getRuntime().availableProcessors()), DevicePreference.AUTO, 0))) {
            preview = nca.grow(width, rows, growSteps, seed);
            device = nca.device();
        }
        Path previewFile = out.resolveSibling(stem(out) + "-preview.png");
        Png.write(preview, previewFile);
        double seam = TextureMetrics.seamError(preview);
        double distance = TextureMetrics.statisticsDistance(example, preview);
        double baseline = TextureMetrics.statisticsDistance(example, TextureMetrics.colourNoise(example, width, rows,
                seed));
        stdout.printf(Locale.ROOT, "trained %d iterations in %.0f s: loss %.3f -> %.3f (best of the last 50: %.3f)%n",
                summary.iterations(), summary.seconds(), summary.firstLoss(), summary.lastLoss(),
                summary.bestRecentLoss());
        stdout.printf(Locale.ROOT, "wrote %s, %s.json and %s (grown by the ONNX model on %s, %d steps; seam error "
                + "%.3f)%n", out, stem(out), previewFile, device, growSteps, seam);
        stdout.printf(Locale.ROOT, "statistics distance of the preview to the example %.4f; colour noise with the "
                + "example's colours %.4f%n", distance, baseline);
        stdout.printf(Locale.ROOT, "RESULT mode=train-nca iterations=%d seconds=%.0f loss_first=%.3f loss_final=%.3f "
                + "seam_error=%.3f stats_distance=%.4f baseline_distance=%.4f out=%s%n", summary.iterations(),
                summary.seconds(), summary.firstLoss(), summary.bestRecentLoss(), seam, distance, baseline, out);
    }

    private void variants(PrintWriter stdout) {
        if (count < 1 || count > 10_000) {
            throw new ParameterException(spec.commandLine(), "--count must be 1 to 10000, was " + count);
        }
        if (mask == null && !groups.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--group names the colours of a --mask; give the mask");
        }
        Map<Integer, SpriteVariants.Group> legend;
        try {
            legend = VariantSheet.parseGroups(groups);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (mask != null && legend.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--mask needs a --group for each of its colours, e.g. "
                    + "--group '#ff0000=tunic:cloth'");
        }
        PixelBuffer sprite = Png.read(source.variants);
        SpriteVariants.Builder builder = SpriteVariants.builder().setSprite(sprite);
        if (mask != null) {
            builder.optMask(Png.read(mask), legend);
        }
        SpriteVariants variants = builder.build();
        boolean sheet = out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png");
        long start = System.nanoTime();
        VariantSheet made = VariantSheet.make(variants, sprite.width(), sprite.height(), count, seed);
        double ms = (System.nanoTime() - start) / 1e6;
        String written;
        if (sheet) {
            Png.write(made.sheet(), out);
            written = out + " (a sheet of " + made.columns() + " x " + made.rows() + ", variant i at column i % "
                    + made.columns() + ", row i / " + made.columns() + ")";
        } else {
            for (int i = 0; i < count; i++) {
                Png.write(made.variant(i), out.resolve(String.format(Locale.ROOT, "%s-%03d.png",
                        stem(source.variants), i)));
            }
            written = count + " files " + out.resolve(stem(source.variants) + "-000.png") + " ...";
        }
        stdout.printf(Locale.ROOT, "sprite %s (%d x %d), %s groups: %s%n", source.variants, sprite.width(),
                sprite.height(), mask != null ? "masked" : "found", VariantSheet.describe(variants));
        stdout.printf(Locale.ROOT, "%d variants, seeds %d to %d, in %.0f ms; wrote %s%n", count, seed,
                seed + count - 1, ms, written);
        stdout.printf(Locale.ROOT, "RESULT mode=variants count=%d seed=%d size=%dx%d groups=%d ms=%.1f out=%s%n", count,
                seed, sprite.width(), sprite.height(), variants.groups().size(), ms, out);
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private ProgressBar progressBar(String task, String unit) {
        if (noProgress) {
            return null;
        }
        PrintWriter err = spec.commandLine().getErr();
        return ProgressBars.on(err, task, 1).setUnit(" " + unit, 1).setUpdateIntervalMillis(250).build();
    }

    private TextureRecipe resolve(String value) {
        Path file = Path.of(value);
        if (value.endsWith(".json") || Files.isRegularFile(file)) {
            return TextureRecipe.read(file);
        }
        if (!TextureRecipe.builtInNames().contains(value)) {
            throw new ParameterException(spec.commandLine(), "--recipe: no file '" + value
                    + "' and no shipped recipe of that name; shipped: " + String.join(", ",
                            TextureRecipe.builtInNames()));
        }
        return TextureRecipe.builtIn(value);
    }

    /** @return {@code dir/name-suffix.png} for {@code dir/name.png} */
    static Path sibling(Path file, String suffix) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : ".png";
        return file.resolveSibling(stem + suffix + ext);
    }
}
