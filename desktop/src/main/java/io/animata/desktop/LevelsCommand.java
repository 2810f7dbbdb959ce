package io.animata.desktop;

import io.animata.core.level.ExampleLevel;
import io.animata.core.level.Legend;
import io.animata.core.level.LevelConstraints;
import io.animata.core.level.TileGrid;
import io.animata.core.level.export.TilesetImage;
import io.animata.core.level.export.TmxWriter;
import io.animata.core.level.gen.GeneratedLevel;
import io.animata.core.level.gen.LevelBatch;
import io.animata.core.level.gen.LevelGenerator;
import io.animata.core.level.gen.LevelPipeline;
import io.animata.core.level.io.LegendReader;
import io.animata.core.level.io.LevelFiles;
import io.animata.core.level.metrics.LevelSetMetrics;
import io.animata.core.level.play.Playability;
import io.animata.core.level.play.PlayabilityCheck;
import io.animata.desktop.levels.ExpressiveRangeChart;
import io.animata.desktop.levels.GeneratorChoice;
import io.animata.desktop.levels.LevelsReport;
import io.animata.runtime.AnimataException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code animata levels}: learns from example levels and generates many new, playable ones. Reads the examples
 * ({@code .txt}, {@code .tmx}, {@code .png}) and their legend, runs the chosen generator through the level pipeline
 * (start and goal placement, playability check, retries), writes each level as text and TMX (with a tileset
 * picture), {@code report.json} with the metrics and {@code expressive-range.png}, and prints a summary and, last,
 * {@code RESULT count=... playable=... diversity=... novelty=... kl=... seconds=...}.
 *
 * <p>Threading: runs on the caller's thread; the levels are generated on a pool of {@code --threads} threads.
 */
@Command(name = "levels",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Learn from example levels and generate many new, playable ones.",
            "Reads text levels (one character per tile), Tiled TMX maps or bitmaps with a JSON legend, generates "
                    + "levels with the chosen generator, keeps the playable ones (retrying the rest), and writes "
                    + "text and TMX files, report.json (playability, diversity, novelty, pattern KL divergence) "
                    + "and expressive-range.png.",
            "Last line: RESULT count=.. playable=.. diversity=.. novelty=.. kl=.. seconds=..",
        })
public final class LevelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--examples", paramLabel = "DIR", required = true,
            description = "Directory of example levels (.txt, .tmx, .png); at most 100 are read.")
    Path examples;

    @Option(names = "--legend", paramLabel = "FILE",
            description = "The legend (JSON); default: legend.json in the examples directory.")
    Path legendFile;

    @Option(names = "--count", paramLabel = "N", defaultValue = "100",
            description = "Levels to generate (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output directory (made if missing).")
    Path out;

    @Option(names = "--generator", paramLabel = "NAME", defaultValue = "wfc", converter = GeneratorConverter.class,
            description = "wfc (overlapping Wave Function Collapse), tiled (WFC with learned adjacency rules), "
                    + "markov, bsp, cave or walk (the last three are top-down only) (default: ${DEFAULT-VALUE}).")
    GeneratorChoice generator;

    @Option(names = "--width", paramLabel = "W", description = "Level width (default: the examples' most common).")
    Integer width;

    @Option(names = "--height", paramLabel = "H", description = "Level height (default: the examples' most common).")
    Integer height;

    @Option(names = "--pattern-size", paramLabel = "N", defaultValue = "3",
            description = "WFC pattern size N (default: ${DEFAULT-VALUE}).")
    int patternSize;

    @Option(names = "--symmetry", paramLabel = "K",
            description = "WFC pattern symmetry 1-8 (default: 2, mirror images, top-down; 1 side view).")
    Integer symmetry;

    @Option(names = "--frequency-exponent", paramLabel = "E", defaultValue = "0.5",
            description = "WFC pattern weight = count^E; 1 is classic, lower lets rarer patterns through "
                    + "(default: ${DEFAULT-VALUE}).")
    double frequencyExponent;

    @Option(names = "--border", paramLabel = "C",
            description = "Make the outer ring of every level this tile (WFC, Markov: built in; all: checked).")
    Character border;

    @Option(names = "--min-path", paramLabel = "MOVES",
            description = "Shortest accepted path from start to goal (default: half the examples' shortest).")
    Integer minPath;

    @Option(names = "--attempts", paramLabel = "N", defaultValue = "30",
            description = "Attempts per level before it is given up as unplayable (default: ${DEFAULT-VALUE}).")
    int attempts;

    @Option(names = "--threads", paramLabel = "N",
            description = "Generation threads (default: the machine's cores).")
    Integer threads;

    @Option(names = "--tile-size", paramLabel = "PX", defaultValue = "16",
            description = "Tile size in pixels in the TMX maps (default: ${DEFAULT-VALUE}).")
    int tileSize;

    @Option(names = "--no-progress", description = "Do not draw the progress bar.")
    boolean noProgress;

    /** The most example files read. */
    static final int MAX_EXAMPLES = 100;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        validate();
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // the chart is drawn off-screen; no window is needed
        }
        PrintWriter outWriter = spec.commandLine().getOut();
        Path legendPath = legendFile != null ? legendFile : examples.resolve("legend.json");
        Legend legend = LegendReader.read(legendPath);
        List<ExampleLevel> exampleLevels = LevelFiles.readDirectory(examples, legend);
        if (exampleLevels.size() > MAX_EXAMPLES) {
            outWriter.println("Using the first " + MAX_EXAMPLES + " of " + exampleLevels.size() + " examples.");
            exampleLevels = exampleLevels.subList(0, MAX_EXAMPLES);
        }
        List<TileGrid> exampleGrids = exampleLevels.stream().map(ExampleLevel::grid).toList();
        PlayabilityCheck check = PlayabilityCheck.forLegend(legend);
        int shortest = Integer.MAX_VALUE;
        for (ExampleLevel e : exampleLevels) {
            Playability p = check.check(e.grid());
            if (!p.isPlayable()) {
                outWriter.println("warning: example " + e.name() + " is not playable (" + p.reason().orElse("")
                        + "); check the legend's jump and tags");
            } else {
                shortest = Math.min(shortest, p.moves());
            }
        }
        int w = width != null ? width : commonSize(exampleGrids, true);
        int h = height != null ? height : commonSize(exampleGrids, false);
        int minMoves = minPath != null ? minPath : shortest == Integer.MAX_VALUE ? 0 : shortest / 2;
        int sym = symmetry != null ? symmetry : legend.view() == Legend.View.SIDE ? 1 : 2;
        int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        LevelConstraints.Builder cb = LevelConstraints.builder();
        if (border != null) {
            cb.optBorder(border);
        }
        LevelConstraints constraints = cb.build();

        LevelGenerator gen = generator.create(new GeneratorChoice.Inputs(legend, exampleGrids, w, h, patternSize, sym,
                frequencyExponent, constraints));
        LevelPipeline pipeline = LevelPipeline.builder().setLegend(legend).setGenerator(gen)
                .optConstraints(constraints).optMinPathMoves(minMoves).optMaxAttempts(attempts).optThreads(nThreads)
                .build();
        outWriter.printf(Locale.ROOT, "%d examples from %s (%s, %s view); generating %d levels of %dx%d with %s on %d "
                + "threads%n", exampleLevels.size(), examples, legendPath.getFileName(), view(legend), count, w, h,
                generator.option(), nThreads);
        outWriter.flush();
        LevelBatch batch = generate(pipeline);

        long metricsStart = System.nanoTime();
        List<TileGrid> levels = new ArrayList<>();
        List<Playability> verdicts = new ArrayList<>();
        List<Boolean> playable = new ArrayList<>();
        for (GeneratedLevel l : batch.levels()) {
            boolean ok = false;
            if (l.grid().isPresent()) {
                Playability p = check.check(l.grid().get());
                levels.add(l.grid().get());
                verdicts.add(p);
                ok = p.isPlayable();
            }
            playable.add(ok);
        }
        LevelSetMetrics metrics = LevelSetMetrics.evaluate(levels, verdicts, exampleGrids, legend);
        double metricsSeconds = (System.nanoTime() - metricsStart) / 1e9;

        List<String> files = write(legend, batch);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("generator", generator.option());
        settings.put("examples", examples.toString());
        settings.put("legend", legendPath.toString());
        settings.put("view", view(legend));
        settings.put("count", count);
        settings.put("seed", seed);
        settings.put("width", w);
        settings.put("height", h);
        settings.put("patternSize", patternSize);
        settings.put("symmetry", sym);
        settings.put("frequencyExponent", frequencyExponent);
        settings.put("border", border == null ? null : String.valueOf(border));
        settings.put("minPathMoves", minMoves);
        settings.put("maxAttempts", attempts);
        settings.put("threads", nThreads);
        String title = generator.option() + " from " + examples.getFileName();
        ExpressiveRangeChart.write(metrics.features(), metrics.exampleFeatures(), title,
                out.resolve("expressive-range.png"));
        double total = (System.nanoTime() - started) / 1e9;
        LevelsReport.write(out.resolve("report.json"), settings,
                exampleLevels.stream().map(ExampleLevel::name).toList(), batch, files, playable, metrics,
                new LevelsReport.Seconds(total, batch.seconds(), metricsSeconds));
        total = (System.nanoTime() - started) / 1e9; // with the report written: the whole command

        long playableCount = playable.stream().filter(b -> b).count();
        double share = count == 0 ? 0 : (double) playableCount / count;
        outWriter.printf(Locale.ROOT, "levels: %d generated, %d playable (%.1f%%), %d attempts, %d rejected %s%n",
                count, playableCount, 100 * share, batch.attempts(), batch.rejectedAttempts(), batch.rejections());
        outWriter.printf(Locale.ROOT, "diversity %.3f (examples %.3f); nearest example %.3f on average, "
                + "%.1f%% near copies (< %.2f)%n", metrics.diversity(), metrics.exampleDiversity(),
                metrics.novelty().mean(), 100 * metrics.novelty().nearCopyShare(), metrics.novelty().threshold());
        outWriter.printf(Locale.ROOT, "pattern KL divergence from the examples: k=2 %.3f, k=3 %.3f, k=4 %.3f "
                + "(examples from each other: %.3f, %.3f, %.3f)%n", metrics.kl()[0], metrics.kl()[1],
                metrics.kl()[2], metrics.exampleKl()[0], metrics.exampleKl()[1], metrics.exampleKl()[2]);
        outWriter.printf(Locale.ROOT, "wrote %s: levels/ (text, TMX, tileset.png), report.json, "
                + "expressive-range.png; generation %.2f s, total %.2f s%n", out, batch.seconds(), total);
        outWriter.printf(Locale.ROOT, "RESULT count=%d playable=%.4f diversity=%.4f novelty=%.4f kl=%.4f "
                + "seconds=%.2f near_copies=%.4f example_diversity=%.4f kl2=%.4f kl3=%.4f kl4=%.4f attempts=%d "
                + "rejected=%d generation_seconds=%.2f generator=%s threads=%d%n", count, share, metrics.diversity(),
                metrics.novelty().mean(), metrics.meanKl(), total, metrics.novelty().nearCopyShare(),
                metrics.exampleDiversity(), metrics.kl()[0], metrics.kl()[1], metrics.kl()[2], batch.attempts(),
                batch.rejectedAttempts(), batch.seconds(), generator.option(), nThreads);
        outWriter.flush();
        return 0;
    }

    private void validate() {
        if (count < 1) {
            throw new ParameterException(spec.commandLine(), "--count must be at least 1, was " + count);
        }
        if (attempts < 1) {
            throw new ParameterException(spec.commandLine(), "--attempts must be at least 1, was " + attempts);
        }
        if (threads != null && threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, was " + threads);
        }
        if ((width != null && width < 1) || (height != null && height < 1)) {
            throw new ParameterException(spec.commandLine(), "--width and --height must be at least 1");
        }
        if (tileSize < 1) {
            throw new ParameterException(spec.commandLine(), "--tile-size must be at least 1, was " + tileSize);
        }
        if (minPath != null && minPath < 0) {
            throw new ParameterException(spec.commandLine(), "--min-path must not be negative, was " + minPath);
        }
    }

    private LevelBatch generate(LevelPipeline pipeline) {
        if (noProgress) {
            return pipeline.generate(count, seed, null);
        }
        PrintWriter err = spec.commandLine().getErr();
        try (ProgressBar bar = ProgressBars.on(err, "levels", count).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250).build()) {
            return pipeline.generate(count, seed, done -> bar.stepTo(done));
        }
    }

    /** Writes every level with a grid as text and TMX; @return the file names by index (null where none) */
    private List<String> write(Legend legend, LevelBatch batch) {
        Path dir = out.resolve("levels");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new AnimataException("Cannot create the output directory " + dir + ": " + e.getMessage(), e);
        }
        TmxWriter tmx = TmxWriter.builder().setLegend(legend).optTileSize(tileSize, tileSize).build();
        TilesetImage.write(legend, tileSize, tileSize, dir.resolve(tmx.tilesetImage()));
        int digits = Math.max(4, Integer.toString(count).length());
        List<String> names = new ArrayList<>(batch.levels().size());
        for (GeneratedLevel l : batch.levels()) {
            if (l.grid().isEmpty()) {
                names.add(null);
                continue;
            }
            String name = String.format(Locale.ROOT, "level-%0" + digits + "d", l.index() + 1);
            TileGrid g = l.grid().get();
            try {
                Files.writeString(dir.resolve(name + ".txt"), g.toText(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new AnimataException("Cannot write " + dir.resolve(name + ".txt") + ": " + e.getMessage(), e);
            }
            tmx.write(g, dir.resolve(name + ".tmx"));
            names.add("levels/" + name);
        }
        return names;
    }

    private static String view(Legend legend) {
        return legend.view() == Legend.View.SIDE ? "side" : "top-down";
    }

    /** @return the most common width (or height) of the examples, the larger on a tie */
    static int commonSize(List<TileGrid> grids, boolean wantWidth) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (TileGrid g : grids) {
            counts.merge(wantWidth ? g.width() : g.height(), 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow().getKey();
    }

    /** Accepts generator names in any case. */
    static final class GeneratorConverter implements ITypeConverter<GeneratorChoice> {
        @Override
        public GeneratorChoice convert(String value) {
            for (GeneratorChoice g : GeneratorChoice.values()) {
                if (g.option().equalsIgnoreCase(value.strip())) {
                    return g;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a generator; choose wfc, "
                    + "tiled, markov, bsp, cave or walk");
        }
    }
}
