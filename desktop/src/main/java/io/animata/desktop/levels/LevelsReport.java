package io.animata.desktop.levels;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.animata.core.level.gen.GeneratedLevel;
import io.animata.core.level.gen.LevelBatch;
import io.animata.core.level.metrics.LevelFeatures;
import io.animata.core.level.metrics.LevelSetMetrics;
import io.animata.runtime.AnimataException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code report.json} for {@code animata levels}: the settings, how many levels and attempts, why attempts
 * were rejected, every metric (with the examples' own figures beside them for scale), the times, and one entry per
 * level (file, seed, attempts, playability, path length, expressive-range features, distance to the nearest
 * example).
 *
 * <p>Threading: stateless; thread-safe.
 */
public final class LevelsReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Timings of one run, in seconds. Threading: immutable.
     *
     * @param total the whole command
     * @param generation the level pipeline
     * @param metrics the metrics
     */
    public record Seconds(double total, double generation, double metrics) {
    }

    private LevelsReport() {
    }

    /**
     * @param file where to write
     * @param settings the run's settings, as shown
     * @param examples the example files
     * @param batch the levels
     * @param files each level's file name without extension, by index (null for a level without a grid)
     * @param playable each level's verdict from the final check, by index
     * @param metrics the metrics
     * @param seconds the timings
     * @throws AnimataException naming the file when it cannot be written
     */
    public static void write(Path file, Map<String, Object> settings, List<String> examples, LevelBatch batch,
            List<String> files, List<Boolean> playable, LevelSetMetrics metrics, Seconds seconds) {
        ObjectNode root = JSON.createObjectNode();
        root.set("settings", JSON.valueToTree(settings));
        ObjectNode ex = root.putObject("examples");
        ex.put("count", examples.size());
        ex.set("files", JSON.valueToTree(examples));
        ex.put("diversity", metrics.exampleDiversity());
        ex.set("features", features(metrics.exampleFeatures()));

        ObjectNode res = root.putObject("results");
        res.put("count", batch.levels().size());
        res.put("accepted", batch.acceptedCount());
        long ok = playable.stream().filter(b -> b).count();
        res.put("playable", ok);
        res.put("playableShare", batch.levels().isEmpty() ? 0 : (double) ok / batch.levels().size());
        res.put("attempts", batch.attempts());
        res.put("rejectedAttempts", batch.rejectedAttempts());
        res.set("rejections", JSON.valueToTree(batch.rejections()));

        ObjectNode m = root.putObject("metrics");
        m.put("diversity", metrics.diversity());
        m.put("exampleDiversity", metrics.exampleDiversity());
        ObjectNode novelty = m.putObject("novelty");
        novelty.put("meanNearestExampleDistance", metrics.novelty().mean());
        novelty.put("nearCopyShare", metrics.novelty().nearCopyShare());
        novelty.put("nearCopyThreshold", metrics.novelty().threshold());
        ObjectNode kl = m.putObject("patternKl");
        ObjectNode klBase = m.putObject("examplePatternKl");
        for (int i = 0; i < LevelSetMetrics.KL_SIZES.length; i++) {
            kl.put("k" + LevelSetMetrics.KL_SIZES[i], metrics.kl()[i]);
            klBase.put("k" + LevelSetMetrics.KL_SIZES[i], metrics.exampleKl()[i]);
        }
        kl.put("mean", metrics.meanKl());
        ObjectNode range = m.putObject("expressiveRange");
        range.set("levels", summary(metrics.features()));
        range.set("examples", summary(metrics.exampleFeatures()));

        ObjectNode secs = root.putObject("seconds");
        secs.put("total", seconds.total());
        secs.put("generation", seconds.generation());
        secs.put("metrics", seconds.metrics());

        ArrayNode levels = root.putArray("levels");
        int f = 0;
        for (GeneratedLevel l : batch.levels()) {
            ObjectNode o = levels.addObject();
            o.put("index", l.index());
            o.put("file", files.get(l.index()));
            o.put("seed", l.seed());
            o.put("attempts", l.attempts());
            o.put("accepted", l.accepted());
            o.put("playable", playable.get(l.index()));
            l.rejection().ifPresent(r -> o.put("rejection", r));
            o.put("moves", l.playability().moves());
            if (l.grid().isPresent()) {
                LevelFeatures lf = metrics.features().get(f);
                o.put("density", lf.density());
                o.put("linearity", lf.linearity());
                o.put("leniency", lf.leniency());
                o.put("nearestExampleDistance", metrics.novelty().nearest()[f]);
                f++;
            }
        }
        try {
            JSON.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new AnimataException("Cannot write the report " + file + ": " + e.getMessage(), e);
        }
    }

    private static ArrayNode features(List<LevelFeatures> features) {
        ArrayNode a = JSON.createArrayNode();
        for (LevelFeatures f : features) {
            a.addObject().put("density", f.density()).put("linearity", f.linearity()).put("leniency", f.leniency());
        }
        return a;
    }

    private static ObjectNode summary(List<LevelFeatures> features) {
        ObjectNode o = JSON.createObjectNode();
        o.set("density", stats(features.stream().mapToDouble(LevelFeatures::density).toArray()));
        o.set("linearity", stats(features.stream().mapToDouble(LevelFeatures::linearity).toArray()));
        o.set("leniency", stats(features.stream().mapToDouble(LevelFeatures::leniency).toArray()));
        return o;
    }

    private static ObjectNode stats(double[] v) {
        ObjectNode o = JSON.createObjectNode();
        double sum = 0;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double d : v) {
            sum += d;
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        double mean = v.length == 0 ? 0 : sum / v.length;
        double var = 0;
        for (double d : v) {
            var += (d - mean) * (d - mean);
        }
        o.put("mean", mean);
        o.put("sd", v.length == 0 ? 0 : Math.sqrt(var / v.length));
        o.put("min", v.length == 0 ? 0 : min);
        o.put("max", v.length == 0 ? 0 : max);
        return o;
    }
}
