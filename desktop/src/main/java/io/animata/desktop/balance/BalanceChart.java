package io.animata.desktop.balance;

import io.animata.core.playtest.balance.BalanceReport;
import io.animata.runtime.AnimataException;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * {@code matrix.png} of {@code animata balance}: the win-rate matrix as a heatmap (row against column; blue where the
 * row wins, red where it loses, white at 0.5; each cell with its score and Wilson 95 % interval, a thick border where
 * the interval excludes 0.5), the Elo ratings as bars beside it, and the match-length histogram below.
 *
 * <p>Threading: stateless; call from any thread (it draws off-screen; set {@code java.awt.headless} on machines without
 * a display).
 */
public final class BalanceChart {
    private static final Color WIN = new Color(0x21, 0x66, 0xac);
    private static final Color LOSS = new Color(0xb2, 0x18, 0x2b);
    private static final int TITLE = 84;
    private static final int LABELS = 120;
    private static final int HISTOGRAM = 230;

    private BalanceChart() {
    }

    /** @return the picture */
    public static BufferedImage render(BalanceReport report) {
        BalanceReport.Matrix m = report.matrix();
        int n = m.names().size();
        int cell = Math.max(56, Math.min(120, 640 / n));
        int matrixSize = n * cell;
        int width = Math.max(LABELS + matrixSize + 380, 900);
        int height = TITLE + 40 + matrixSize + 30 + HISTOGRAM;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(new Color(0x22, 0x22, 0x22));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
            g.drawString(String.format(Locale.ROOT, "Win rates: %d matches, %d configurations, max imbalance %.3f",
                    report.matches(), n, report.maxImbalance()), 10, 22);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g.setColor(new Color(0x55, 0x55, 0x55));
            BalanceReport.SideAdvantage side = report.sideAdvantage();
            g.drawString("row's score against column (wins + draws/2) with its Wilson 95% interval; thick border: "
                    + "the interval excludes 0.5", 10, 44);
            BalanceReport.Dominance d = report.dominance();
            String verdict = String.format(Locale.ROOT, "first mover scores %.3f [%.3f, %.3f]; ",
                    side.firstMoverScore(), side.lower(), side.upper());
            verdict += d.transitive() ? "no cycles" : d.cycles().size() + " cycle(s), e.g. "
                    + String.join(" > ", d.cycles().get(0)) + " > " + d.cycles().get(0).get(0);
            verdict += "; dominant: " + (d.dominant().isEmpty() ? "none" : String.join(", ", d.dominant()))
                    + "; dominated: " + (d.dominated().isEmpty() ? "none" : String.join(", ", d.dominated()));
            g.drawString(verdict, 10, 64);

            int top = TITLE + 40;
            int left = LABELS;
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            FontMetrics fm = g.getFontMetrics();
            for (int i = 0; i < n; i++) {
                String name = clip(m.names().get(i), fm, LABELS - 12);
                g.setColor(Color.DARK_GRAY);
                g.drawString(name, left - 8 - fm.stringWidth(name), top + i * cell + cell / 2 + 5);
                String column = clip(m.names().get(i), fm, cell - 4);
                g.drawString(column, left + i * cell + (cell - fm.stringWidth(column)) / 2, top - 10);
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    int x = left + j * cell;
                    int y = top + i * cell;
                    Double s = m.score()[i][j];
                    if (s == null) {
                        g.setColor(new Color(0xe8, 0xe8, 0xe8));
                        g.fillRect(x, y, cell, cell);
                        continue;
                    }
                    g.setColor(color(s));
                    g.fillRect(x, y, cell, cell);
                    boolean dark = Math.abs(s - 0.5) > 0.3;
                    g.setColor(dark ? Color.WHITE : new Color(0x22, 0x22, 0x22));
                    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, cell / 5)));
                    FontMetrics big = g.getFontMetrics();
                    String text = String.format(Locale.ROOT, "%.2f", s);
                    g.drawString(text, x + (cell - big.stringWidth(text)) / 2, y + cell / 2);
                    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(9, cell / 9)));
                    FontMetrics small = g.getFontMetrics();
                    String ci = String.format(Locale.ROOT, "[%.2f, %.2f]", m.lower()[i][j], m.upper()[i][j]);
                    g.drawString(ci, x + (cell - small.stringWidth(ci)) / 2, y + cell / 2 + small.getHeight() + 2);
                    if (m.lower()[i][j] > 0.5 || m.upper()[i][j] < 0.5) {
                        g.setColor(new Color(0x22, 0x22, 0x22));
                        g.setStroke(new BasicStroke(3f));
                        g.drawRect(x + 2, y + 2, cell - 4, cell - 4);
                    }
                }
            }
            g.setColor(Color.GRAY);
            g.setStroke(new BasicStroke(1f));
            for (int k = 0; k <= n; k++) {
                g.drawLine(left, top + k * cell, left + matrixSize, top + k * cell);
                g.drawLine(left + k * cell, top, left + k * cell, top + matrixSize);
            }
            elo(g, report.elo(), left + matrixSize + 40, top, width - (left + matrixSize + 40) - 20,
                    Math.max(matrixSize, 120));
            histogram(g, report.lengths(), report.arena().maxSeconds(), 10, top + matrixSize + 30, width - 20,
                    HISTOGRAM);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void elo(Graphics2D g, List<BalanceReport.Rating> ratings, int x, int y, int w, int h) {
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.setColor(Color.DARK_GRAY);
        g.drawString("Elo (fitted, mean 1500)", x, y - 10);
        double spread = 100;
        for (BalanceReport.Rating r : ratings) {
            spread = Math.max(spread, Math.abs(r.rating() - 1500));
        }
        int rowH = Math.min(40, h / Math.max(1, ratings.size()));
        int mid = x + w / 2;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < ratings.size(); i++) {
            BalanceReport.Rating r = ratings.get(i);
            int barY = y + i * rowH + 6;
            int length = (int) Math.round((r.rating() - 1500) / spread * (w / 2 - 60));
            g.setColor(r.rating() >= 1500 ? WIN : LOSS);
            g.fillRect(Math.min(mid, mid + length), barY, Math.abs(length), rowH - 12);
            g.setColor(Color.DARK_GRAY);
            String label = String.format(Locale.ROOT, "%s %.0f", r.name(), r.rating());
            int labelX = length >= 0 ? mid - 6 - fm.stringWidth(label) : mid + 6;
            g.drawString(label, labelX, barY + (rowH - 12) / 2 + 5);
        }
        g.setColor(Color.GRAY);
        g.drawLine(mid, y, mid, y + ratings.size() * rowH);
    }

    private static void histogram(Graphics2D g, BalanceReport.Lengths lengths, double maxSeconds, int x0, int y0,
            int w, int h) {
        int left = x0 + 50;
        int right = x0 + w - 10;
        int top = y0 + 42;
        int bottom = y0 + h - 36;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.setColor(Color.DARK_GRAY);
        g.drawString(String.format(Locale.ROOT, "Match length (simulated s): median %.1f, 10-90%% %.1f-%.1f, %d "
                + "draws (time ran out)", lengths.median(), lengths.p10(), lengths.p90(), lengths.draws()), x0,
                y0 + 14);
        int max = 1;
        for (BalanceReport.Bin b : lengths.histogram()) {
            max = Math.max(max, b.count());
        }
        int bins = lengths.histogram().size();
        double bw = (right - left) / (double) bins;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < bins; i++) {
            BalanceReport.Bin b = lengths.histogram().get(i);
            int bh = (int) Math.round((bottom - top) * b.count() / (double) max);
            int bx = left + (int) Math.round(i * bw);
            g.setColor(new Color(0x6b, 0x8e, 0xc0));
            g.fillRect(bx + 1, bottom - bh, (int) Math.round(bw) - 2, bh);
            g.setColor(Color.DARK_GRAY);
            if (b.count() > 0) {
                String c = String.valueOf(b.count());
                g.drawString(c, bx + (int) (bw - fm.stringWidth(c)) / 2, bottom - bh - 3);
            }
            String t = String.format(Locale.ROOT, "%.0f", b.from());
            g.drawString(t, bx - fm.stringWidth(t) / 2, bottom + 14);
        }
        String end = String.format(Locale.ROOT, "%.0f s", maxSeconds);
        g.drawString(end, right - fm.stringWidth(end) / 2, bottom + 14);
        g.setColor(Color.GRAY);
        g.drawLine(left, bottom, right, bottom);
    }

    /** @return blue above 0.5, red below, white at 0.5 */
    static Color color(double score) {
        double t = Math.min(1, Math.abs(score - 0.5) * 2);
        Color end = score >= 0.5 ? WIN : LOSS;
        return new Color((int) Math.round(255 + (end.getRed() - 255) * t),
                (int) Math.round(255 + (end.getGreen() - 255) * t), (int) Math.round(255 + (end.getBlue() - 255) * t));
    }

    private static String clip(String s, FontMetrics fm, int width) {
        if (fm.stringWidth(s) <= width) {
            return s;
        }
        String t = s;
        while (t.length() > 1 && fm.stringWidth(t + "...") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "...";
    }

    /**
     * Writes the picture as PNG.
     *
     * @throws AnimataException naming the file when it cannot be written
     */
    public static void write(BalanceReport report, Path file) {
        try {
            ImageIO.write(render(report), "png", file.toFile());
        } catch (IOException e) {
            throw new AnimataException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
