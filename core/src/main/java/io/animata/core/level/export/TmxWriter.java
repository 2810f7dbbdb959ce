package io.animata.core.level.export;

import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.core.level.io.TmxReader;
import io.animata.runtime.AnimataException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a level as a Tiled TMX map that libGDX's {@code TmxMapLoader} loads: orthogonal, finite, one tile layer
 * named {@value #LAYER} with {@code <data encoding="csv">}, and one embedded tileset with a tile per legend
 * character (in the legend's order, gid = index + 1) whose properties are {@code char} (the character, which
 * {@link TmxReader} reads back), {@code tags} (comma-separated) and {@code solid}, {@code hazard},
 * {@code climbable} (booleans). The tileset's picture is a separate PNG, {@link TilesetImage}. An object layer named
 * {@value #MARKERS} holds the start and goals as points, in pixels from the top-left corner.
 *
 * <p>Threading: immutable; thread-safe.
 *
 * <pre>{@code
 * TmxWriter writer = TmxWriter.builder().setLegend(legend).optTileSize(16, 16).build();
 * TilesetImage.write(legend, 16, 16, dir.resolve(writer.tilesetImage()));
 * writer.write(level, dir.resolve("level-0001.tmx"));
 * }</pre>
 */
public final class TmxWriter {
    /** The tile layer's name. */
    public static final String LAYER = "tiles";
    /** The object layer of start and goal points. */
    public static final String MARKERS = "markers";

    private final Legend legend;
    private final int tileWidth;
    private final int tileHeight;
    private final String tilesetImage;
    private final List<Character> tiles;

    private TmxWriter(Builder b) {
        this.legend = b.legend;
        this.tileWidth = b.tileWidth;
        this.tileHeight = b.tileHeight;
        this.tilesetImage = b.tilesetImage;
        this.tiles = new ArrayList<>(legend.tiles());
    }

    /** @return a builder; {@link Builder#setLegend} is required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the tileset picture's path as the maps name it, relative to the map */
    public String tilesetImage() {
        return tilesetImage;
    }

    /** @return the gid of a tile character */
    public int gid(char c) {
        int i = tiles.indexOf(c);
        if (i < 0) {
            throw new AnimataException("Tile " + Legend.describe(c) + " is not in the legend (its tiles: "
                    + legend.describeTiles() + ")");
        }
        return i + 1;
    }

    /**
     * @param grid a level over the legend's tiles
     * @param file where to write the map
     * @throws AnimataException when a tile is not in the legend or the file cannot be written
     */
    public void write(TileGrid grid, Path file) {
        String xml = toXml(grid);
        try {
            Files.writeString(file, xml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AnimataException("Cannot write TMX map " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param grid a level over the legend's tiles
     * @return the TMX document
     * @throws AnimataException when a tile is not in the legend
     */
    public String toXml(TileGrid grid) {
        StringWriter out = new StringWriter(grid.size() * 3 + 4096);
        try {
            writeXml(grid, out);
        } catch (XMLStreamException e) {
            throw new AnimataException("Cannot write TMX XML: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private void writeXml(TileGrid grid, Writer w) throws XMLStreamException {
        XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(w);
        x.writeStartDocument("UTF-8", "1.0");
        x.writeCharacters("\n");
        x.writeStartElement("map");
        x.writeAttribute("version", "1.10");
        x.writeAttribute("tiledversion", "1.10.2");
        x.writeAttribute("orientation", "orthogonal");
        x.writeAttribute("renderorder", "right-down");
        x.writeAttribute("width", Integer.toString(grid.width()));
        x.writeAttribute("height", Integer.toString(grid.height()));
        x.writeAttribute("tilewidth", Integer.toString(tileWidth));
        x.writeAttribute("tileheight", Integer.toString(tileHeight));
        x.writeAttribute("infinite", "0");
        x.writeAttribute("nextlayerid", "3");
        List<int[]> markers = markers(grid);
        x.writeAttribute("nextobjectid", Integer.toString(markers.size() + 1));

        x.writeCharacters("\n ");
        x.writeStartElement("tileset");
        x.writeAttribute("firstgid", "1");
        x.writeAttribute("name", "level-tiles");
        x.writeAttribute("tilewidth", Integer.toString(tileWidth));
        x.writeAttribute("tileheight", Integer.toString(tileHeight));
        x.writeAttribute("tilecount", Integer.toString(tiles.size()));
        x.writeAttribute("columns", Integer.toString(tiles.size()));
        x.writeCharacters("\n  ");
        x.writeEmptyElement("image");
        x.writeAttribute("source", tilesetImage);
        x.writeAttribute("width", Integer.toString(tiles.size() * tileWidth));
        x.writeAttribute("height", Integer.toString(tileHeight));
        for (int i = 0; i < tiles.size(); i++) {
            char c = tiles.get(i);
            x.writeCharacters("\n  ");
            x.writeStartElement("tile");
            x.writeAttribute("id", Integer.toString(i));
            x.writeCharacters("\n   ");
            x.writeStartElement("properties");
            property(x, TmxReader.CHAR_PROPERTY, null, String.valueOf(c));
            property(x, "tags", null, String.join(",", legend.tags(c)));
            property(x, "solid", "bool", Boolean.toString(legend.isSolid(c)));
            property(x, "hazard", "bool", Boolean.toString(legend.isHazard(c)));
            property(x, "climbable", "bool", Boolean.toString(legend.isClimbable(c)));
            x.writeCharacters("\n   ");
            x.writeEndElement();
            x.writeCharacters("\n  ");
            x.writeEndElement();
        }
        x.writeCharacters("\n ");
        x.writeEndElement();

        x.writeCharacters("\n ");
        x.writeStartElement("layer");
        x.writeAttribute("id", "1");
        x.writeAttribute("name", LAYER);
        x.writeAttribute("width", Integer.toString(grid.width()));
        x.writeAttribute("height", Integer.toString(grid.height()));
        x.writeCharacters("\n  ");
        x.writeStartElement("data");
        x.writeAttribute("encoding", "csv");
        StringBuilder csv = new StringBuilder(grid.size() * 3 + grid.height());
        csv.append('\n');
        for (int y = 0; y < grid.height(); y++) {
            for (int xx = 0; xx < grid.width(); xx++) {
                csv.append(gid(grid.get(xx, y)));
                if (xx < grid.width() - 1 || y < grid.height() - 1) {
                    csv.append(',');
                }
            }
            csv.append('\n');
        }
        x.writeCharacters(csv.toString());
        x.writeEndElement();
        x.writeCharacters("\n ");
        x.writeEndElement();

        x.writeCharacters("\n ");
        x.writeStartElement("objectgroup");
        x.writeAttribute("id", "2");
        x.writeAttribute("name", MARKERS);
        int id = 1;
        for (int[] m : markers) {
            char c = grid.get(m[0], m[1]);
            x.writeCharacters("\n  ");
            x.writeStartElement("object");
            x.writeAttribute("id", Integer.toString(id++));
            x.writeAttribute("name", legend.isStart(c) ? "start" : "goal");
            x.writeAttribute("type", legend.isStart(c) ? "start" : "goal");
            x.writeAttribute("x", Integer.toString(m[0] * tileWidth + tileWidth / 2));
            x.writeAttribute("y", Integer.toString(m[1] * tileHeight + tileHeight / 2));
            x.writeEmptyElement("point");
            x.writeEndElement();
        }
        x.writeCharacters("\n ");
        x.writeEndElement();
        x.writeCharacters("\n");
        x.writeEndElement();
        x.writeCharacters("\n");
        x.writeEndDocument();
        x.flush();
        x.close();
    }

    private List<int[]> markers(TileGrid grid) {
        List<int[]> out = new ArrayList<>();
        for (int y = 0; y < grid.height(); y++) {
            for (int x = 0; x < grid.width(); x++) {
                if (legend.isMarker(grid.get(x, y))) {
                    out.add(new int[] {x, y});
                }
            }
        }
        return out;
    }

    private static void property(XMLStreamWriter x, String name, String type, String value)
            throws XMLStreamException {
        x.writeCharacters("\n    ");
        x.writeEmptyElement("property");
        x.writeAttribute("name", name);
        if (type != null) {
            x.writeAttribute("type", type);
        }
        x.writeAttribute("value", value);
    }

    /**
     * Builds a {@link TmxWriter}.
     *
     * <p>Threading: not thread-safe; use it on one thread.
     */
    public static final class Builder {
        private Legend legend;
        private int tileWidth = 16;
        private int tileHeight = 16;
        private String tilesetImage = "tileset.png";

        private Builder() {
        }

        /** Required: the legend whose tiles become the tileset. */
        public Builder setLegend(Legend legend) {
            this.legend = legend;
            return this;
        }

        /** Optional: the tile size in pixels (default 16 x 16). */
        public Builder optTileSize(int width, int height) {
            this.tileWidth = width;
            this.tileHeight = height;
            return this;
        }

        /** Optional: the tileset picture's path relative to the maps (default {@code tileset.png}). */
        public Builder optTilesetImage(String path) {
            this.tilesetImage = path;
            return this;
        }

        /**
         * @return the writer
         * @throws AnimataException without a legend or with a tile size below 1
         */
        public TmxWriter build() {
            if (legend == null) {
                throw new AnimataException("A TMX writer needs a legend (setLegend)");
            }
            if (tileWidth < 1 || tileHeight < 1) {
                throw new AnimataException("Tiles must be at least 1x1 pixels, was " + tileWidth + "x" + tileHeight);
            }
            return new TmxWriter(this);
        }
    }
}
