package io.animata.desktop.levels;

import io.animata.core.level.metrics.LevelFeatures;
import io.animata.runtime.AnimataException;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The expressive range of a batch of levels as a PNG: two heatmaps side by side, linearity against leniency and
 * density against linearity, each a 20 x 20 histogram of the generated levels (darker: more levels) with the
 * examples drawn over it as red rings, so that a designer sees at a glance where the generator goes and where the
 * examples are. Each axis spans the range the levels and examples use (rounded out to tenths, at least 0.2 wide)
 * rather than all of [0, 1], so that a narrow range still shows its shape.
 *
 * <p>Threading: stateless; call from any thread (it draws off-screen; set {@code java.awt.headless} on machines
 * without a display).
 */
public final class ExpressiveRangeChart {
    static final int BINS = 20;

    private ExpressiveRangeChart() {
    }

    /**
     * @param levels the generated levels' features
     * @param examples the examples' features
     * @param title the picture's title (the generator and the examples)
     * @param file the PNG to write
     * @throws AnimataException naming the file when it cannot be written
     */
    public static void write(List<LevelFeatures> levels, List<LevelFeatures> examples, String title, Path file) {
        BufferedImage image = render(levels, examples, title);
        try {
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new AnimataException("Cannot write the expressive-range chart " + file + ": " + e.getMessage(), e);
        }
    }

    /** @return the picture, 1400 x 640 pixels */
    public static BufferedImage render(List<LevelFeatures> levels, List<LevelFeatures> examples, String title) {
        int w = 1400;
        int h = 640;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
            g.drawString(title + "  (" + levels.size() + " levels; red rings: the " + examples.size()
                    + " examples)", 20, 28);
            heatmap(levels, examples, LevelFeatures::linearity, "linearity", LevelFeatures::leniency, "leniency")
                    .draw(g, new Rectangle(0, 40, w / 2, h - 40));
            heatmap(levels, examples, LevelFeatures::density, "density", LevelFeatures::linearity, "linearity")
                    .draw(g, new Rectangle(w / 2, 40, w / 2, h - 40));
        } finally {
            g.dispose();
        }
        return image;
    }

    /** @return {lo, hi}: the values' range rounded out to tenths, within [0, 1], at least 0.2 wide */
    static double[] range(List<LevelFeatures> a, List<LevelFeatures> b, ToDoubleFunction<LevelFeatures> f) {
        double min = 1;
        double max = 0;
        for (List<LevelFeatures> list : List.of(a, b)) {
            for (LevelFeatures x : list) {
                min = Math.min(min, f.applyAsDouble(x));
                max = Math.max(max, f.applyAsDouble(x));
            }
        }
        if (min > max) {
            return new double[] {0, 1};
        }
        double lo = Math.max(0, Math.floor(min * 10 - 1e-9) / 10);
        double hi = Math.min(1, Math.ceil(max * 10 + 1e-9) / 10);
        if (hi - lo < 0.2) {
            double mid = (lo + hi) / 2;
            lo = Math.max(0, Math.min(0.8, mid - 0.1));
            hi = lo + 0.2;
        }
        return new double[] {lo, hi};
    }

    /** @return counts[x][y] of the levels in a BINS x BINS grid over the two ranges */
    static int[][] histogram(List<LevelFeatures> levels, ToDoubleFunction<LevelFeatures> fx, double[] rx,
            ToDoubleFunction<LevelFeatures> fy, double[] ry) {
        int[][] counts = new int[BINS][BINS];
        for (LevelFeatures f : levels) {
            counts[bin(fx.applyAsDouble(f), rx)][bin(fy.applyAsDouble(f), ry)]++;
        }
        return counts;
    }

    private static int bin(double v, double[] r) {
        return Math.max(0, Math.min(BINS - 1, (int) ((v - r[0]) / (r[1] - r[0]) * BINS)));
    }

    private static JFreeChart heatmap(List<LevelFeatures> levels, List<LevelFeatures> examples,
            ToDoubleFunction<LevelFeatures> fx, String xName, ToDoubleFunction<LevelFeatures> fy, String yName) {
        double[] rx = range(levels, examples, fx);
        double[] ry = range(levels, examples, fy);
        int[][] counts = histogram(levels, fx, rx, fy, ry);
        int max = 1;
        double[][] data = new double[3][BINS * BINS];
        double bw = (rx[1] - rx[0]) / BINS;
        double bh = (ry[1] - ry[0]) / BINS;
        for (int x = 0; x < BINS; x++) {
            for (int y = 0; y < BINS; y++) {
                int i = x * BINS + y;
                data[0][i] = rx[0] + (x + 0.5) * bw;
                data[1][i] = ry[0] + (y + 0.5) * bh;
                data[2][i] = counts[x][y];
                max = Math.max(max, counts[x][y]);
            }
        }
        DefaultXYZDataset cells = new DefaultXYZDataset();
        cells.addSeries("levels", data);
        XYBlockRenderer blocks = new XYBlockRenderer();
        blocks.setBlockWidth(bw);
        blocks.setBlockHeight(bh);
        LookupPaintScale scale = new LookupPaintScale(0, max + 1, Color.WHITE);
        for (int step = 1; step <= 16; step++) {
            // white for none, then from light blue to dark blue; the scale is square-root so sparse cells show
            double v = Math.max(1, max * (step - 1) * (step - 1) / 225.0);
            float t = step / 16f;
            scale.add(v, new Color(1f - 0.85f * t, 1f - 0.7f * t, 1f - 0.35f * t));
        }
        blocks.setPaintScale(scale);
        NumberAxis xAxis = new NumberAxis(xName);
        xAxis.setRange(rx[0], rx[1]);
        NumberAxis yAxis = new NumberAxis(yName);
        yAxis.setRange(ry[0], ry[1]);
        XYPlot plot = new XYPlot(cells, xAxis, yAxis, blocks);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);

        XYSeries points = new XYSeries("examples");
        for (LevelFeatures f : examples) {
            points.add(fx.applyAsDouble(f), fy.applyAsDouble(f));
        }
        XYLineAndShapeRenderer rings = new XYLineAndShapeRenderer(false, true);
        rings.setSeriesShape(0, new Ellipse2D.Double(-6, -6, 12, 12));
        rings.setSeriesPaint(0, new Color(0xd0, 0x20, 0x20));
        rings.setSeriesShapesFilled(0, false);
        rings.setUseOutlinePaint(false);
        rings.setSeriesStroke(0, new BasicStroke(2.5f));
        plot.setDataset(1, new XYSeriesCollection(points));
        plot.setRenderer(1, rings);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);

        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle(xName + " x " + yName, new Font(Font.SANS_SERIF, Font.PLAIN, 15)));
        NumberAxis legendAxis = new NumberAxis("levels per cell");
        legendAxis.setRange(0, max + 1);
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 40, 4);
        chart.addSubtitle(legend);
        return chart;
    }
}
