package io.animata.core.level.io;

import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.runtime.AnimataException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads one tile layer of a Tiled TMX map as a {@link TileGrid}. Each tile of the map's tilesets says which level
 * character it stands for through a custom property named {@value #CHAR_PROPERTY} (the TMX files Animata writes
 * have it; in Tiled, select the tiles of a tileset and add a string property {@code char}). Empty cells become the
 * legend's {@link Legend#background()} tile.
 *
 * <p>Reads orthogonal, finite maps with embedded or external ({@code .tsx}) tilesets and layer data in CSV, XML
 * {@code <tile>} elements, or base64 (uncompressed, zlib or gzip). Flip and rotation bits of tiles are ignored.
 *
 * <p>Threading: stateless; thread-safe. Uses the JDK's StAX parser with external entities off.
 */
public final class TmxReader {
    /** The tile property that names a tile's level character. */
    public static final String CHAR_PROPERTY = "char";
    private static final long GID_MASK = 0x0FFFFFFFL;

    private TmxReader() {
    }

    /**
     * @param file a TMX map
     * @param legend the level characters its tiles may stand for
     * @return the first tile layer
     * @throws AnimataException naming the file, line and column of the first problem
     */
    public static TileGrid read(Path file, Legend legend) {
        return read(file, legend, null);
    }

    /**
     * @param file a TMX map
     * @param legend the level characters its tiles may stand for
     * @param layerName the tile layer to read, or null for the first
     * @return the layer's tiles
     * @throws AnimataException naming the file, line and column of the first problem
     */
    public static TileGrid read(Path file, Legend legend, String layerName) {
        byte[] bytes = readBytes(file, "TMX map");
        if (bytes.length == 0) {
            throw new AnimataException(file + " is empty: a TMX map is an XML file with a <map> element");
        }
        Parse p = new Parse(file, legend, layerName);
        return p.run(bytes);
    }

    private static byte[] readBytes(Path file, String what) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new AnimataException(what + " " + file + " does not exist", e);
        } catch (IOException e) {
            throw new AnimataException("Cannot read " + what + " " + file + ": " + e.getMessage(), e);
        }
    }

    private static XMLStreamReader open(byte[] bytes, Path file) {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            return f.createXMLStreamReader(new ByteArrayInputStream(bytes));
        } catch (XMLStreamException e) {
            throw new AnimataException(file + ": not XML: " + e.getMessage(), e);
        }
    }

    /** One read: the map's state while its XML streams by. */
    private static final class Parse {
        private final Path file;
        private final Legend legend;
        private final String layerName;
        /** firstgid to the characters of its tileset's tiles, by local id */
        private final TreeMap<Long, Map<Integer, Character>> tilesets = new TreeMap<>();
        private final TreeMap<Long, String> tilesetNames = new TreeMap<>();
        private Path current;
        private XMLStreamReader xml;
        private int width;
        private int height;

        Parse(Path file, Legend legend, String layerName) {
            this.file = file;
            this.legend = legend;
            this.layerName = layerName;
        }

        TileGrid run(byte[] bytes) {
            current = file;
            xml = open(bytes, file);
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                        if (!xml.getLocalName().equals("map")) {
                            throw error("the root element is <" + xml.getLocalName() + ">, a TMX map's is <map>");
                        }
                        return readMap();
                    }
                }
                throw error("no <map> element");
            } catch (XMLStreamException e) {
                throw xmlError(e);
            } finally {
                close(xml);
            }
        }

        private TileGrid readMap() throws XMLStreamException {
            String orientation = attr("orientation", "orthogonal");
            if (!orientation.equals("orthogonal")) {
                throw error("the map is " + orientation + "; only orthogonal maps are levels of a tile grid");
            }
            if (attr("infinite", "0").equals("1")) {
                throw error("the map is infinite; save it as a finite map (Map > Map Properties > Infinite off)");
            }
            width = intAttr("width");
            height = intAttr("height");
            List<String> skipped = new ArrayList<>();
            while (xml.hasNext()) {
                int ev = xml.next();
                if (ev == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("map")) {
                    break;
                }
                if (ev != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (xml.getLocalName()) {
                    case "tileset" -> readTileset();
                    case "layer" -> {
                        String name = attr("name", "");
                        if (layerName == null || layerName.equals(name)) {
                            return readLayer(name);
                        }
                        skipped.add(name);
                        skipElement();
                    }
                    case "group", "objectgroup", "imagelayer", "properties" -> skipElement();
                    default -> skipElement();
                }
            }
            if (layerName != null) {
                throw new AnimataException(file + ": no tile layer named \"" + layerName + "\" (tile layers: "
                        + (skipped.isEmpty() ? "none" : String.join(", ", skipped)) + ")");
            }
            throw new AnimataException(file + ": the map has no tile layer (<layer>); add one in Tiled");
        }

        private void readTileset() throws XMLStreamException {
            long firstGid = intAttr("firstgid");
            String source = xml.getAttributeValue(null, "source");
            if (source != null) {
                Path tsx = file.toAbsolutePath().getParent().resolve(source);
                byte[] bytes = readBytes(tsx, "tileset");
                skipElement();
                XMLStreamReader outer = xml;
                Path outerFile = current;
                current = tsx;
                xml = open(bytes, tsx);
                try {
                    while (xml.hasNext()) {
                        if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                            if (!xml.getLocalName().equals("tileset")) {
                                throw error("the root element is <" + xml.getLocalName() + ">, a tileset's is "
                                        + "<tileset>");
                            }
                            readTilesetBody(firstGid);
                            break;
                        }
                    }
                } finally {
                    close(xml);
                    xml = outer;
                    current = outerFile;
                }
            } else {
                readTilesetBody(firstGid);
            }
        }

        /** At a {@code <tileset>} start: reads its tiles' {@code char} properties up to its end. */
        private void readTilesetBody(long firstGid) throws XMLStreamException {
            String name = attr("name", "?");
            Map<Integer, Character> chars = new HashMap<>();
            int depth = 1;
            int tileId = -1;
            while (depth > 0 && xml.hasNext()) {
                int ev = xml.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String el = xml.getLocalName();
                    if (el.equals("tile")) {
                        tileId = intAttr("id");
                    } else if (el.equals("property") && tileId >= 0
                            && CHAR_PROPERTY.equals(xml.getAttributeValue(null, "name"))) {
                        String v = xml.getAttributeValue(null, "value");
                        if (v == null || v.length() != 1) {
                            throw error("tile " + tileId + " of tileset \"" + name + "\": property \"char\" must be "
                                    + "one character, was \"" + v + "\"");
                        }
                        char c = v.charAt(0);
                        if (!legend.contains(c)) {
                            throw error("tile " + tileId + " of tileset \"" + name + "\" stands for "
                                    + Legend.describe(c) + ", which is not in the legend (its tiles: "
                                    + legend.describeTiles() + ")");
                        }
                        chars.put(tileId, c);
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    if (xml.getLocalName().equals("tile")) {
                        tileId = -1;
                    }
                }
            }
            tilesets.put(firstGid, chars);
            tilesetNames.put(firstGid, name);
        }

        private TileGrid readLayer(String name) throws XMLStreamException {
            int lw = intAttr("width");
            int lh = intAttr("height");
            if (lw != width || lh != height) {
                throw error("layer \"" + name + "\" is " + lw + "x" + lh + " but the map is " + width + "x" + height);
            }
            while (xml.hasNext()) {
                int ev = xml.next();
                if (ev == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("data")) {
                    return readData(name);
                }
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    skipElement();
                } else if (ev == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("layer")) {
                    break;
                }
            }
            throw error("layer \"" + name + "\" has no <data>");
        }

        private TileGrid readData(String layer) throws XMLStreamException {
            String encoding = attr("encoding", "");
            String compression = attr("compression", "");
            Location dataAt = xml.getLocation();
            long[] gids = new long[width * height];
            int n = 0;
            if (encoding.isEmpty()) {
                while (xml.hasNext()) {
                    int ev = xml.next();
                    if (ev == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("tile")) {
                        if (n >= gids.length) {
                            throw error("layer \"" + layer + "\" has more than " + gids.length + " tiles");
                        }
                        gids[n++] = Long.parseLong(attr("gid", "0"));
                    } else if (ev == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("chunk")) {
                        throw error("layer data in chunks belongs to infinite maps; save the map as finite");
                    } else if (ev == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("data")) {
                        break;
                    }
                }
            } else {
                String text = xml.getElementText().strip();
                if (encoding.equals("csv")) {
                    if (!compression.isEmpty()) {
                        throw error("CSV layer data cannot be compressed");
                    }
                    int lineNo = dataAt.getLineNumber();
                    for (String line : text.split("\n")) {
                        for (String cell : line.split(",")) {
                            String t = cell.strip();
                            if (t.isEmpty()) {
                                continue;
                            }
                            if (n >= gids.length) {
                                throw new AnimataException(current + " line " + lineNo + ": layer \"" + layer
                                        + "\" has more than " + gids.length + " tiles (" + width + "x" + height + ")");
                            }
                            try {
                                gids[n++] = Long.parseLong(t);
                            } catch (NumberFormatException e) {
                                throw new AnimataException(current + " line " + lineNo + ": \"" + t
                                        + "\" is not a tile number", e);
                            }
                        }
                        lineNo++;
                    }
                } else if (encoding.equals("base64")) {
                    byte[] raw = inflate(Base64.getMimeDecoder().decode(text), compression);
                    ByteBuffer buf = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
                    if (raw.length != gids.length * 4) {
                        throw error("layer \"" + layer + "\" holds " + raw.length / 4 + " tiles, the map needs "
                                + gids.length);
                    }
                    while (buf.remaining() >= 4) {
                        gids[n++] = buf.getInt() & 0xffffffffL;
                    }
                } else {
                    throw error("layer data encoding \"" + encoding + "\" is not supported; use CSV "
                            + "(Map > Map Properties > Tile Layer Format)");
                }
            }
            if (n != gids.length) {
                throw new AnimataException(current + " line " + dataAt.getLineNumber() + ": layer \"" + layer
                        + "\" has " + n + " tiles, the map is " + width + "x" + height + " = " + gids.length);
            }
            return toGrid(gids, layer);
        }

        private byte[] inflate(byte[] data, String compression) {
            if (compression.isEmpty()) {
                return data;
            }
            try (InputStream in = switch (compression) {
                case "zlib" -> new InflaterInputStream(new ByteArrayInputStream(data));
                case "gzip" -> new GZIPInputStream(new ByteArrayInputStream(data));
                default -> throw error("layer compression \"" + compression + "\" is not supported; use CSV, or "
                        + "base64 with zlib or gzip");
            }) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new AnimataException(current + ": corrupt " + compression + " layer data: " + e.getMessage(), e);
            }
        }

        private TileGrid toGrid(long[] gids, String layer) {
            char[] cells = new char[gids.length];
            for (int i = 0; i < gids.length; i++) {
                long gid = gids[i] & GID_MASK;
                if (gid == 0) {
                    cells[i] = legend.background();
                    continue;
                }
                Map.Entry<Long, Map<Integer, Character>> ts = tilesets.floorEntry(gid);
                if (ts == null) {
                    throw new AnimataException(file + ": layer \"" + layer + "\" tile (" + i % width + ", "
                            + i / width + ") has gid " + gid + ", which belongs to no tileset");
                }
                int local = (int) (gid - ts.getKey());
                Character c = ts.getValue().get(local);
                if (c == null) {
                    throw new AnimataException(file + ": layer \"" + layer + "\" tile (" + i % width + ", "
                            + i / width + ") is tile " + local + " of tileset \"" + tilesetNames.get(ts.getKey())
                            + "\", which has no \"char\" property: give it one in Tiled so that it maps to a legend "
                            + "character (" + legend.describeTiles() + ")");
                }
                cells[i] = c;
            }
            return TileGrid.of(width, height, cells);
        }

        private void skipElement() throws XMLStreamException {
            int depth = 1;
            while (depth > 0 && xml.hasNext()) {
                int ev = xml.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        }

        private String attr(String name, String fallback) {
            String v = xml.getAttributeValue(null, name);
            return v == null ? fallback : v;
        }

        private int intAttr(String name) {
            String v = xml.getAttributeValue(null, name);
            if (v == null) {
                throw error("<" + xml.getLocalName() + "> has no \"" + name + "\" attribute");
            }
            try {
                int n = Integer.parseInt(v.strip());
                if (n < 0) {
                    throw error("<" + xml.getLocalName() + "> " + name + "=\"" + v + "\" must not be negative");
                }
                return n;
            } catch (NumberFormatException e) {
                throw error("<" + xml.getLocalName() + "> " + name + "=\"" + v + "\" is not a whole number");
            }
        }

        private AnimataException error(String what) {
            Location at = xml.getLocation();
            return new AnimataException(current + " line " + at.getLineNumber() + ", column " + at.getColumnNumber()
                    + ": " + what);
        }

        private AnimataException xmlError(XMLStreamException e) {
            Location at = e.getLocation();
            String where = at == null ? "" : " line " + at.getLineNumber() + ", column " + at.getColumnNumber();
            String msg = e.getMessage();
            // the JDK's message repeats the position as "ParseError at [row,col]:[l,c]\nMessage: ..."
            int m = msg == null ? -1 : msg.indexOf("Message: ");
            return new AnimataException(current + where + ": not valid XML: "
                    + (m >= 0 ? msg.substring(m + "Message: ".length()) : msg), e);
        }

        private static void close(XMLStreamReader r) {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // closing a reader over a byte array cannot lose data
            }
        }
    }
}
