package io.animata.core.level.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.core.level.testing.TestLevels;
import io.animata.runtime.AnimataException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-written TMX maps; the maps Animata writes are read back in {@code TmxWriterTest}. */
class TmxReaderTest {
    private static final String TILESET = """
              <tileset firstgid="1" name="dungeon" tilewidth="16" tileheight="16" tilecount="4" columns="4">
               <image source="dungeon.png" width="64" height="16"/>
               <tile id="0"><properties><property name="char" value="#"/></properties></tile>
               <tile id="1"><properties><property name="char" value="."/></properties></tile>
               <tile id="2"><properties><property name="char" value="S"/></properties></tile>
               <tile id="3"><properties><property name="char" value="G"/></properties></tile>
              </tileset>
            """;

    private final Legend legend = TestLevels.dungeonLegend();

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private static String map(String tilesets, String data) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<map version=\"1.10\" orientation=\"orthogonal\" renderorder=\"right-down\" width=\"3\" "
                + "height=\"2\" tilewidth=\"16\" tileheight=\"16\" infinite=\"0\">\n" + tilesets
                + " <layer id=\"1\" name=\"tiles\" width=\"3\" height=\"2\">\n" + data + "\n </layer>\n</map>\n";
    }

    @Test
    void readsCsvWithAnEmbeddedTileset() throws Exception {
        Path f = write("a.tmx", map(TILESET, "  <data encoding=\"csv\">\n1,3,1,\n2,0,4\n</data>"));
        assertEquals(TileGrid.of("#S#", "..G"), TmxReader.read(f, legend), "gid 0 is the background tile");
    }

    @Test
    void readsAnExternalTilesetAndXmlTiles() throws Exception {
        write("d.tsx", "<?xml version=\"1.0\"?>\n" + TILESET.replace(" firstgid=\"1\"", ""));
        String data = "<data><tile gid=\"5\"/><tile gid=\"5\"/><tile gid=\"6\"/>"
                + "<tile gid=\"7\"/><tile gid=\"8\"/><tile gid=\"2147483653\"/></data>";
        Path f = write("b.tmx", map("<tileset firstgid=\"5\" source=\"d.tsx\"/>\n", data));
        assertEquals(TileGrid.of("##.", "SG#"), TmxReader.read(f, legend), "flip bits are ignored");
    }

    @Test
    void readsZlibBase64() throws Exception {
        ByteBuffer buf = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        for (int gid : new int[] {1, 1, 1, 3, 2, 4}) {
            buf.putInt(gid);
        }
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(z)) {
            out.write(buf.array());
        }
        String data = "<data encoding=\"base64\" compression=\"zlib\">" + Base64.getEncoder().encodeToString(
                z.toByteArray()) + "</data>";
        assertEquals(TileGrid.of("###", "S.G"), TmxReader.read(write("c.tmx", map(TILESET, data)), legend));
    }

    @Test
    void aTileWithoutACharPropertyIsNamed() throws Exception {
        String ts = TILESET.replace("<tile id=\"3\"><properties><property name=\"char\" value=\"G\"/></properties>"
                + "</tile>", "");
        Path f = write("e.tmx", map(ts, "<data encoding=\"csv\">1,1,1,1,1,4</data>"));
        AnimataException e = assertThrows(AnimataException.class, () -> TmxReader.read(f, legend));
        assertTrue(e.getMessage().contains("tile (2, 1) is tile 3 of tileset \"dungeon\", which has no \"char\" "
                + "property"), e.getMessage());
    }

    @Test
    void aCharOutsideTheLegendIsNamedWithItsLine() throws Exception {
        Path f = write("f.tmx", map(TILESET.replace("value=\"G\"", "value=\"Q\""),
                "<data encoding=\"csv\">1,1,1,1,1,4</data>"));
        AnimataException e = assertThrows(AnimataException.class, () -> TmxReader.read(f, legend));
        assertTrue(e.getMessage().startsWith(f + " line 8, column"), e.getMessage());
        assertTrue(e.getMessage().contains("stands for 'Q', which is not in the legend"), e.getMessage());
    }

    @Test
    void tooFewTilesAreCounted() throws Exception {
        Path f = write("g.tmx", map(TILESET, "<data encoding=\"csv\">1,1,1,1</data>"));
        AnimataException e = assertThrows(AnimataException.class, () -> TmxReader.read(f, legend));
        assertTrue(e.getMessage().contains("has 4 tiles, the map is 3x2 = 6"), e.getMessage());
    }

    @Test
    void infiniteAndIsometricMapsAreRefused() throws Exception {
        String base = map(TILESET, "<data encoding=\"csv\">1,1,1,1,1,1</data>");
        AnimataException inf = assertThrows(AnimataException.class,
                () -> TmxReader.read(write("i.tmx", base.replace("infinite=\"0\"", "infinite=\"1\"")), legend));
        assertTrue(inf.getMessage().contains("the map is infinite"), inf.getMessage());
        AnimataException iso = assertThrows(AnimataException.class, () -> TmxReader.read(
                write("j.tmx", base.replace("orthogonal", "isometric")), legend));
        assertTrue(iso.getMessage().contains("only orthogonal maps"), iso.getMessage());
    }

    @Test
    void brokenXmlAndEmptyFilesAreExplained() throws Exception {
        AnimataException bad = assertThrows(AnimataException.class,
                () -> TmxReader.read(write("k.tmx", "<map width=\"3\" height=\"2\">\n<tileset firstgid=\"1\"></map>"), legend));
        assertTrue(bad.getMessage().contains("line 2, column"), bad.getMessage());
        assertTrue(bad.getMessage().contains("not valid XML"), bad.getMessage());
        AnimataException empty = assertThrows(AnimataException.class,
                () -> TmxReader.read(write("l.tmx", ""), legend));
        assertTrue(empty.getMessage().contains("l.tmx is empty"), empty.getMessage());
    }
}
