package io.animata.desktop;

import io.animata.core.texture.PixelBuffer;
import io.animata.core.texture.RowExecutor;
import io.animata.core.texture.TextureMetrics;
import io.animata.core.texture.recipe.RenderedTexture;
import io.animata.core.texture.recipe.TextureRecipe;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code animata textures}: makes a texture and writes it as a PNG. From a recipe ({@code --recipe}: a shipped name
 * or a JSON file), with its normal map beside it where the recipe names a height. Prints what it made and, as its
 * last line, {@code RESULT mode=.. size=.. seed=.. ms=.. seam_error=.. out=..}.
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
            "Last line: RESULT mode=.. size=.. seed=.. ms=.. seam_error=.. out=..",
        })
public final class TexturesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--recipe", paramLabel = "FILE|NAME", required = true,
            description = "A recipe JSON file, or the name of a shipped recipe: grass, stone, wood, lava, water, sand.")
    String recipe;

    @Option(names = "--size", paramLabel = "N", defaultValue = "512",
            description = "Width in pixels (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--height", paramLabel = "N",
            description = "Height in pixels (default: the same as --size).")
    Integer height;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed: the same seed, size and recipe make the same pixels (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The PNG to write.")
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
        TextureRecipe material = resolve(recipe);
        PrintWriter stdout = spec.commandLine().getOut();
        RenderedTexture texture;
        long start = System.nanoTime();
        try (RowExecutor executor = RowExecutor.create(pool)) {
            texture = material.render(width, rows, seed, executor);
        }
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
        stdout.flush();
        return 0;
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
