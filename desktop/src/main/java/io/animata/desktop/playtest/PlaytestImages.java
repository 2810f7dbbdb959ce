package io.animata.desktop.playtest;

import io.animata.core.playtest.BotResult;
import io.animata.core.playtest.PlaytestLevel;
import io.animata.core.playtest.PlaytestReport;
import io.animata.runtime.AnimataException;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The pictures of a playtest, drawn over the level's map (one square per tile, a one-tile margin around the map so
 * that bodies that left it still show):
 * <ul>
 *   <li>{@code coverage.png}: how often bots were in each reachable cell (colour, log scale, dark blue rarely to
 *       yellow often), reachable cells no bot reached (red hatching), sealed regions (purple hatching), the starts,
 *       special tiles (a corner in the legend's colour); below, coverage over simulated time with the 50 % and 90 %
 *       marks.</li>
 *   <li>{@code stuck.png}: where bots pushed without moving (orange to red, log scale), stuck spots (red rings with
 *       their event counts), out-of-bounds places (blue crosses) and crashes (purple diamonds).</li>
 * </ul>
 *
 * <p>Threading: stateless; call from any thread (it draws off-screen; set {@code java.awt.headless} on machines without
 * a display).
 */
public final class PlaytestImages {
    private static final int TITLE = 58;
    private static final int KEY = 30;
    private static final int CURVE = 200;
    private static final Color SOLID = new Color(0x3b, 0x3f, 0x4a);
    private static final Color FLOOR = new Color(0xee, 0xec, 0xe6);
    private static final Color UNVISITED = new Color(0xd0, 0x20, 0x20);
    private static final Color SEALED = new Color(0x8e, 0x2d, 0xc8);
    private static final Color OUT = new Color(0x10, 0x60, 0xe0);
    private static final Color[] RAMP = {
        new Color(0x44, 0x01, 0x54), new Color(0x3b, 0x52, 0x8b), new Color(0x21, 0x91, 0x8c),
        new Color(0x5e, 0xc9, 0x62), new Color(0xfd, 0xe7, 0x25),
    };
    private static final Color[] HEAT = {
        new Color(0xff, 0xe0, 0x8a), new Color(0xfb, 0x8c, 0x2c), new Color(0xd7, 0x30, 0x1f),
        new Color(0x7f, 0x00, 0x00),
    };

    private PlaytestImages() {
    }

    /** @return pixels per tile: about 900 px across, between 6 and 40 */
    static int cellSize(PlaytestLevel level) {
        int across = 900 / (level.width() + 2);
        int down = 700 / (level.height() + 2);
        return Math.max(6, Math.min(40, Math.min(across, down)));
    }

    /** The map's geometry in the picture. */
    private record Frame(PlaytestLevel level, int cs, int top) {
        int px(int x) {
            return (x + 1) * cs;
        }

        int py(int y) {
            return top + (y + 1) * cs;
        }

        double worldX(double wx) {
            return (wx + 1) * cs;
        }

        double worldY(double wy) {
            return top + (level.height() - wy + 1) * cs;
        }

        int mapWidth() {
            return (level.width() + 2) * cs;
        }

        int mapHeight() {
            return (level.height() + 2) * cs;
        }
    }

    /** @return the coverage picture */
    public static BufferedImage coverage(PlaytestReport report, PlaytestLevel level) {
        int cs = cellSize(level);
        Frame f = new Frame(level, cs, TITLE);
        int width = Math.max(f.mapWidth(), 640);
        int height = TITLE + f.mapHeight() + KEY + CURVE;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(image);
        try {
            PlaytestReport.Coverage c = report.coverage();
            title(g, String.format(Locale.ROOT, "Coverage of %s: %.1f%% of %d reachable cells", level.name(),
                    100 * c.ratio(), c.reachableCells()),
                    String.format(Locale.ROOT, "%d bots, %.0f s each, seed %d; 50%% after %s, 90%% after %s",
                            report.run().bots(), report.run().settings().seconds(), report.run().seed(),
                            seconds(c.secondsTo50()), seconds(c.secondsTo90())));
            map(g, f, true);
            int max = max(report.heatmaps().visits());
            boolean[] sealed = new boolean[level.grid().size()];
            for (PlaytestReport.Region r : report.sealedRegions()) {
                for (int[] xy : r.cells()) {
                    sealed[xy[1] * level.width() + xy[0]] = true;
                }
            }
            for (int y = 0; y < level.height(); y++) {
                for (int x = 0; x < level.width(); x++) {
                    int v = report.heatmaps().visits().get(y)[x];
                    boolean reachable = report.heatmaps().reachable().get(y)[x] == 1;
                    if (reachable && v > 0) {
                        g.setColor(ramp(RAMP, Math.log1p(v) / Math.log1p(max)));
                        g.fillRect(f.px(x), f.py(y), cs, cs);
                    } else if (reachable) {
                        hatch(g, f.px(x), f.py(y), cs, UNVISITED);
                    } else if (sealed[y * level.width() + x]) {
                        hatch(g, f.px(x), f.py(y), cs, SEALED);
                    }
                }
            }
            grid(g, f);
            marks(g, f);
            starts(g, f);
            for (PlaytestReport.Region r : report.sealedRegions()) {
                int[] first = r.cells().get(0);
                label(g, "sealed", f.px(first[0]) + 2, f.py(first[1]) + cs / 2, SEALED);
            }
            int keyY = TITLE + f.mapHeight();
            int kx = 10;
            kx = keyRamp(g, kx, keyY, RAMP, "visits: few", "many");
            kx = keySwatch(g, kx, keyY, UNVISITED, true, "reachable, not visited");
            keySwatch(g, kx, keyY, SEALED, true, "sealed off (flood fill)");
            curve(g, c, report.run().settings().seconds(), 0, keyY + KEY, width, CURVE);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** @return the stuck picture */
    public static BufferedImage stuck(PlaytestReport report, PlaytestLevel level) {
        int cs = cellSize(level);
        Frame f = new Frame(level, cs, TITLE);
        int width = Math.max(f.mapWidth(), 640);
        int height = TITLE + f.mapHeight() + KEY;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(image);
        try {
            title(g, String.format(Locale.ROOT, "Stuck spots of %s: %d stuck, %d out of bounds, %d crashes",
                    level.name(), report.stuck().size(), report.outOfBounds().size(), report.crashes().size()),
                    String.format(Locale.ROOT, "%d stuck events, %d out-of-bounds events, %d exceptions; "
                            + "shade: ticks bots pushed but hardly moved", report.totals().stuckEvents(),
                            report.totals().outOfBoundsEvents(), report.totals().crashEvents()));
            map(g, f, false);
            // at least a few seconds of holding for the darkest shade, so that a few held ticks stay pale
            int max = Math.max(30, max(report.heatmaps().held()));
            for (int y = 0; y < level.height(); y++) {
                for (int x = 0; x < level.width(); x++) {
                    int v = report.heatmaps().held().get(y)[x];
                    if (v > 0) {
                        g.setColor(ramp(HEAT, Math.log1p(v) / Math.log1p(max)));
                        g.fillRect(f.px(x), f.py(y), cs, cs);
                    }
                }
            }
            grid(g, f);
            marks(g, f);
            starts(g, f);
            Stroke thick = new BasicStroke(Math.max(2f, cs / 8f));
            for (PlaytestReport.Spot s : report.stuck()) {
                double r = cs * (0.7 + 0.5 * Math.sqrt(s.cells().size()));
                g.setColor(UNVISITED);
                g.setStroke(thick);
                g.draw(new java.awt.geom.Ellipse2D.Double(f.worldX(s.x()) - r, f.worldY(s.y()) - r, 2 * r, 2 * r));
                label(g, s.events() + " stuck", (int) (f.worldX(s.x()) + r), (int) f.worldY(s.y() + 0.0), UNVISITED);
            }
            for (PlaytestReport.Spot s : report.outOfBounds()) {
                double x = f.worldX(s.x());
                double y = f.worldY(s.y());
                double r = cs * 0.45;
                g.setColor(OUT);
                g.setStroke(thick);
                g.draw(new Line2D.Double(x - r, y - r, x + r, y + r));
                g.draw(new Line2D.Double(x - r, y + r, x + r, y - r));
                String what = s.kind().equals(BotResult.OUTSIDE_MAP) ? " left the map" : " inside a wall";
                label(g, s.events() + what, (int) (x + r + 2), (int) y, OUT);
            }
            for (PlaytestReport.CrashGroup c : report.crashes()) {
                if (c.cell() == null) {
                    continue;
                }
                int x = f.px(c.cell()[0]) + cs / 2;
                int y = f.py(c.cell()[1]) + cs / 2;
                int r = Math.max(4, cs / 2);
                g.setColor(SEALED);
                g.fillPolygon(new int[] {x, x + r, x, x - r}, new int[] {y - r, y, y + r, y}, 4);
                label(g, c.count() + "x " + simpleName(c.exception()), x + r + 2, y, SEALED);
            }
            int keyY = TITLE + f.mapHeight();
            int kx = keyRamp(g, 10, keyY, HEAT, "held: few", "many ticks");
            kx = keySwatch(g, kx, keyY, UNVISITED, false, "stuck spot");
            kx = keySwatch(g, kx, keyY, OUT, false, "out of bounds");
            keySwatch(g, kx, keyY, SEALED, false, "crash");
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Writes a picture as PNG.
     *
     * @throws AnimataException naming the file when it cannot be written
     */
    public static void write(BufferedImage image, Path file) {
        try {
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new AnimataException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static Graphics2D start(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        return g;
    }

    private static void title(Graphics2D g, String line1, String line2) {
        g.setColor(new Color(0x22, 0x22, 0x22));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        g.drawString(line1, 10, 22);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.setColor(new Color(0x55, 0x55, 0x55));
        g.drawString(line2, 10, 44);
    }

    /** The level: walls dark, other tiles light, tinted with the legend's colours where they are special. */
    private static void map(Graphics2D g, Frame f, boolean tint) {
        PlaytestLevel level = f.level();
        g.setColor(new Color(0xf8, 0xf8, 0xf8));
        g.fillRect(0, f.top(), f.mapWidth(), f.mapHeight());
        for (int y = 0; y < level.height(); y++) {
            for (int x = 0; x < level.width(); x++) {
                int cell = y * level.width() + x;
                char c = level.grid().at(cell);
                Color color;
                if (level.isSolid(cell)) {
                    color = SOLID;
                } else if (level.isWalkable(cell) && !special(level, c)) {
                    color = FLOOR;
                } else {
                    color = mix(new Color(level.legend().colorOrDefault(c)), FLOOR, tint ? 0.5 : 0.3);
                }
                g.setColor(color);
                g.fillRect(f.px(x), f.py(y), f.cs(), f.cs());
            }
        }
    }

    private static boolean special(PlaytestLevel level, char c) {
        List<String> tags = level.legend().tags(c);
        return !(tags.contains("floor") || tags.contains("empty") || tags.contains("start") || tags.contains("goal")
                || tags.isEmpty() || (tags.size() == 1 && tags.contains("passable")));
    }

    private static void grid(Graphics2D g, Frame f) {
        if (f.cs() < 10) {
            return;
        }
        g.setColor(new Color(0, 0, 0, 28));
        g.setStroke(new BasicStroke(1f));
        PlaytestLevel level = f.level();
        for (int x = 0; x <= level.width(); x++) {
            g.drawLine(f.px(x), f.py(0), f.px(x), f.py(level.height()));
        }
        for (int y = 0; y <= level.height(); y++) {
            g.drawLine(f.px(0), f.py(y), f.px(level.width()), f.py(y));
        }
    }

    /** A corner triangle in the legend's colour on every special tile (tar, spikes, plates), over the heat. */
    private static void marks(Graphics2D g, Frame f) {
        PlaytestLevel level = f.level();
        int t = Math.max(4, f.cs() * 2 / 5);
        for (int y = 0; y < level.height(); y++) {
            for (int x = 0; x < level.width(); x++) {
                int cell = y * level.width() + x;
                char c = level.grid().at(cell);
                if (level.isSolid(cell) || !special(level, c)) {
                    continue;
                }
                int px = f.px(x);
                int py = f.py(y);
                g.setColor(new Color(level.legend().colorOrDefault(c)));
                g.fillPolygon(new int[] {px, px + t, px}, new int[] {py, py, py + t}, 3);
                g.setColor(Color.BLACK);
                g.setStroke(new BasicStroke(1f));
                g.drawPolygon(new int[] {px, px + t, px}, new int[] {py, py, py + t}, 3);
            }
        }
    }

    private static void starts(Graphics2D g, Frame f) {
        PlaytestLevel level = f.level();
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(9, f.cs() * 2 / 3)));
        FontMetrics fm = g.getFontMetrics();
        for (int s : level.starts()) {
            int x = f.px(s % level.width());
            int y = f.py(s / level.width());
            g.setColor(Color.WHITE);
            g.fillRect(x + 1, y + 1, f.cs() - 2, f.cs() - 2);
            g.setColor(new Color(0x2a, 0x8a, 0x36));
            g.drawString("S", x + (f.cs() - fm.stringWidth("S")) / 2, y + (f.cs() + fm.getAscent()) / 2 - 2);
        }
    }

    private static void hatch(Graphics2D g, int x, int y, int cs, Color color) {
        g.setColor(Color.WHITE);
        g.fillRect(x, y, cs, cs);
        g.setColor(color);
        g.setStroke(new BasicStroke(Math.max(1f, cs / 12f)));
        java.awt.Shape clip = g.getClip();
        g.clipRect(x, y, cs, cs);
        int step = Math.max(4, cs / 3);
        for (int d = -cs; d < cs; d += step) {
            g.drawLine(x + d, y + cs, x + d + cs, y);
        }
        g.setClip(clip);
    }

    private static void label(Graphics2D g, String text, int x, int y, Color color) {
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        FontMetrics fm = g.getFontMetrics();
        int w = fm.stringWidth(text);
        g.setColor(new Color(255, 255, 255, 215));
        g.fillRoundRect(x - 2, y - fm.getAscent(), w + 4, fm.getHeight(), 4, 4);
        g.setColor(color);
        g.drawString(text, x, y);
    }

    private static int keyRamp(Graphics2D g, int x, int y, Color[] ramp, String low, String high) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        g.setColor(Color.DARK_GRAY);
        g.drawString(low, x, y + 20);
        x += fm.stringWidth(low) + 4;
        for (int i = 0; i < 60; i++) {
            g.setColor(ramp(ramp, i / 59.0));
            g.fillRect(x + i, y + 8, 1, 14);
        }
        x += 64;
        g.setColor(Color.DARK_GRAY);
        g.drawString(high, x, y + 20);
        return x + fm.stringWidth(high) + 18;
    }

    private static int keySwatch(Graphics2D g, int x, int y, Color color, boolean hatched, String text) {
        if (hatched) {
            hatch(g, x, y + 8, 14, color);
        } else {
            g.setColor(color);
            g.fillRect(x, y + 8, 14, 14);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(Color.DARK_GRAY);
        g.drawString(text, x + 18, y + 20);
        return x + 18 + g.getFontMetrics().stringWidth(text) + 18;
    }

    /** Coverage over simulated time. */
    private static void curve(Graphics2D g, PlaytestReport.Coverage c, double seconds, int x0, int y0, int w,
            int h) {
        int left = x0 + 56;
        int right = x0 + w - 20;
        int top = y0 + 14;
        int bottom = y0 + h - 34;
        g.setColor(Color.WHITE);
        g.fillRect(x0, y0, w, h);
        g.setStroke(new BasicStroke(1f));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i <= 4; i++) {
            int y = bottom - (bottom - top) * i / 4;
            g.setColor(new Color(0xe4, 0xe4, 0xe4));
            g.drawLine(left, y, right, y);
            g.setColor(Color.DARK_GRAY);
            String t = (25 * i) + "%";
            g.drawString(t, left - 6 - fm.stringWidth(t), y + 4);
        }
        for (int i = 0; i <= 5; i++) {
            int x = left + (right - left) * i / 5;
            String t = String.format(Locale.ROOT, "%.0f s", seconds * i / 5);
            g.setColor(Color.DARK_GRAY);
            g.drawString(t, x - fm.stringWidth(t) / 2, bottom + 16);
        }
        g.drawString("simulated time (every bot on the same clock)", left, bottom + 30);
        g.setColor(Color.GRAY);
        g.drawLine(left, top, left, bottom);
        g.drawLine(left, bottom, right, bottom);
        mark(g, c.secondsTo50(), seconds, left, right, top, bottom, "50%");
        mark(g, c.secondsTo90(), seconds, left, right, top, bottom, "90%");
        g.setColor(RAMP[1]);
        g.setStroke(new BasicStroke(2.2f));
        int px = -1;
        int py = -1;
        for (PlaytestReport.CurvePoint p : c.curve()) {
            int x = left + (int) Math.round((right - left) * p.seconds() / seconds);
            int y = bottom - (int) Math.round((bottom - top) * p.coverage());
            if (px >= 0) {
                g.drawLine(px, py, x, y);
            }
            px = x;
            py = y;
        }
    }

    private static void mark(Graphics2D g, Double at, double seconds, int left, int right, int top, int bottom,
            String text) {
        if (at == null) {
            return;
        }
        int x = left + (int) Math.round((right - left) * at / seconds);
        g.setColor(new Color(0xb0, 0xb0, 0xb0));
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f));
        g.drawLine(x, top, x, bottom);
        g.setColor(Color.DARK_GRAY);
        g.drawString(text + " " + seconds(at), x + 3, top + 10);
        g.setStroke(new BasicStroke(1f));
    }

    private static String seconds(Double s) {
        return s == null ? "never" : String.format(Locale.ROOT, "%.1f s", s);
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static int max(List<int[]> rows) {
        int m = 1;
        for (int[] row : rows) {
            for (int v : row) {
                m = Math.max(m, v);
            }
        }
        return m;
    }

    private static Color ramp(Color[] stops, double t) {
        double v = Math.max(0, Math.min(1, t)) * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) v);
        return mix(stops[i + 1], stops[i], v - i);
    }

    /** @return {@code a * t + b * (1 - t)} */
    private static Color mix(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() * t + b.getRed() * (1 - t)),
                (int) Math.round(a.getGreen() * t + b.getGreen() * (1 - t)),
                (int) Math.round(a.getBlue() * t + b.getBlue() * (1 - t)));
    }
}
