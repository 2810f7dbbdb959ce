package io.animata.desktop;

import io.animata.runtime.AnimataException;
import io.animata.runtime.train.UpdateStats;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A training run's learning curve: one CSV row per update, written and flushed as training goes (a stopped run keeps
 * its curve), and a PNG chart of episode return against environment steps, drawn at the end with JFreeChart.
 *
 * <p>Threading: used from the training thread only. {@link #close()} closes the CSV (idempotent).
 */
final class LearningCurve implements AutoCloseable {
    static final String CSV_HEADER = "update,steps,episodes,mean_return,recent_mean_return,mean_length,policy_loss,"
            + "value_loss,entropy,approx_kl,clip_fraction,learning_rate,steps_per_s";

    private final BufferedWriter csv;
    private final XYSeries recent = new XYSeries("mean return, last 100 episodes");
    private final XYSeries rollout = new XYSeries("mean return, episodes of each rollout");
    private boolean closed;

    /**
     * @param csvFile where to write the CSV
     * @throws AnimataException when it cannot be created
     */
    LearningCurve(Path csvFile) {
        try {
            csv = Files.newBufferedWriter(csvFile);
            csv.write(CSV_HEADER);
            csv.newLine();
        } catch (IOException e) {
            throw new AnimataException("cannot write " + csvFile + ": " + e.getMessage(), e);
        }
    }

    /** Appends an update's row and point. */
    void add(UpdateStats s) {
        try {
            csv.write(String.format(Locale.ROOT, "%d,%d,%d,%s,%s,%s,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.0f", s.update(),
                    s.environmentSteps(), s.episodes(), number(s.meanReturn()), number(s.recentMeanReturn()),
                    number(s.meanLength()), s.policyLoss(), s.valueLoss(), s.entropy(), s.approxKl(),
                    s.clipFraction(), s.learningRate(), s.stepsPerSecond()));
            csv.newLine();
            csv.flush();
        } catch (IOException e) {
            throw new AnimataException("cannot write the learning curve: " + e.getMessage(), e);
        }
        if (!Double.isNaN(s.recentMeanReturn())) {
            recent.add(s.environmentSteps(), s.recentMeanReturn());
        }
        if (!Double.isNaN(s.meanReturn())) {
            rollout.add(s.environmentSteps(), s.meanReturn());
        }
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.3f", value);
    }

    /**
     * Draws the chart.
     *
     * @param file the PNG to write
     * @param title the chart's title
     */
    void writePng(Path file, String title) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(recent);
        data.addSeries(rollout);
        JFreeChart chart = ChartFactory.createXYLineChart(title, "environment steps", "episode return", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, new Color(0x1f, 0x77, 0xb4));
        renderer.setSeriesStroke(0, new BasicStroke(2.5f));
        renderer.setSeriesPaint(1, new Color(0xff, 0x7f, 0x0e, 0x90));
        renderer.setSeriesStroke(1, new BasicStroke(1f));
        plot.setRenderer(renderer);
        try {
            ChartUtils.saveChartAsPNG(file.toFile(), chart, 960, 540);
        } catch (IOException e) {
            throw new AnimataException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                csv.close();
            } catch (IOException e) {
                throw new AnimataException("cannot close the learning curve: " + e.getMessage(), e);
            }
        }
    }
}
