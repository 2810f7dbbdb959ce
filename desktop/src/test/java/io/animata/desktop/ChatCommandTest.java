package io.animata.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.animata.runtime.text.TinyLlamaGguf;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ChatCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int code, String out, String err) {
        List<JsonNode> replies() throws Exception {
            List<JsonNode> objects = new ArrayList<>();
            for (String line : out.strip().split("\\R")) {
                if (line.startsWith("{")) {
                    objects.add(JSON.readTree(line));
                }
            }
            return objects;
        }

        String lastLine() {
            String[] lines = out.strip().split("\\R");
            return lines[lines.length - 1];
        }
    }

    private static Run run(String... args) {
        CommandLine cmd = AnimataCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void jsonRepliesFromAServerCarryTextAndACheckedAction() throws Exception {
        HttpServer server = TextModelFixtures.sseServer("Here", ", take", " this blade.", "\nACTION:", " give_sword");
        try {
            Run r = run("chat", "--npc", "mira", "--model", TextModelFixtures.url(server), "--server-model", "m",
                    "--actions", "give_sword,wave", "--say", "A sword, please.", "--say", "Thanks!", "--json");
            assertEquals(0, r.code(), r.err());
            List<JsonNode> replies = r.replies();
            assertEquals(2, replies.size(), r.out());
            assertEquals("Here, take this blade.", replies.get(0).get("text").asText());
            assertEquals("give_sword", replies.get(0).get("action").asText());
            assertEquals("Mira", replies.get(0).get("npc").asText());
            assertFalse(replies.get(0).get("fallback").asBoolean());
            assertTrue(r.lastLine().startsWith("RESULT replies=2 fallbacks=0"), r.lastLine());
        } finally {
            server.stop(0);
        }
    }

    /** give_item takes an item the NPC carries (--items): one it has is accepted with its argument, another refused. */
    @Test
    void theContractsVerbsTakeItemsTheNpcCarries() throws Exception {
        String[] reply = {"Here, take the key.", "\nACTION:", " {\"action\": \"give_item\", \"item\": \"key\"}"};
        HttpServer server = TextModelFixtures.sseServer(reply);
        try {
            Run has = run("chat", "--npc", "guard", "--model", TextModelFixtures.url(server), "--server-model", "m",
                    "--actions", "give_item,open_door", "--items", "key,torch", "--say", "Give me the key.", "--json");
            assertEquals(0, has.code(), has.err());
            JsonNode given = has.replies().get(0);
            assertEquals("give_item", given.get("action").asText(), given.toString());
            assertEquals("key", given.get("args").get("item").asText(), given.toString());
            assertEquals("Here, take the key.", given.get("text").asText());

            Run without = run("chat", "--npc", "guard", "--model", TextModelFixtures.url(server), "--server-model", "m",
                    "--actions", "give_item,open_door", "--items", "torch", "--say", "Give me the key.", "--json");
            assertEquals(0, without.code(), without.err());
            JsonNode refused = without.replies().get(0);
            assertEquals("none", refused.get("action").asText(), refused.toString());
            assertTrue(refused.get("refused").asText().contains("item"), refused.toString());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aServerThatIsDownGivesTheFallbackLineInCharacter() throws Exception {
        Run r = run("chat", "--npc", "guard", "--model", TextModelFixtures.refusingUrl(), "--server-model", "m",
                "--say", "Open the gate.", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode reply = r.replies().get(0);
        assertTrue(reply.get("fallback").asBoolean());
        assertEquals("Not now. State your business later.", reply.get("text").asText());
        assertTrue(reply.get("error").asText().contains("refused the connection"), reply.toString());
        assertEquals("none", reply.get("action").asText());
    }

    @Test
    void aPersonaFileAndASayFileWithAnOnnxModel(@TempDir Path dir) throws Exception {
        String model = TextModelFixtures.tinyModel(dir.resolve("model"), 5).toString();
        Path persona = dir.resolve("bob.json");
        Files.writeString(persona, "{\"name\": \"Bob\", \"role\": \"a fisherman\", \"fallbackLines\": [\"Eh?\"]}");
        Path lines = dir.resolve("lines.txt");
        Files.writeString(lines, "hello there\n\nthe forge is hot\n");
        String[] args = {"chat", "--npc", persona.toString(), "--model", model, "--device", "cpu",
            "--say-file", lines.toString(), "--json", "--greedy", "--max-tokens", "10"};
        Run a = run(args);
        assertEquals(0, a.code(), a.err());
        List<JsonNode> replies = a.replies();
        assertEquals(2, replies.size(), a.out());
        assertEquals("Bob", replies.get(0).get("npc").asText());
        assertTrue(a.lastLine().startsWith("RESULT replies=2"), a.lastLine());
        assertEquals(replies.toString(), run(args).replies().toString(), "greedy replies repeat");
    }

    @Test
    void aGgufModelAnswersThroughLlamaCpp(@TempDir Path dir) throws Exception {
        String model = TinyLlamaGguf.write(dir.resolve("tiny.gguf"), TinyLlamaGguf.Config.DEFAULT, 6L, null)
                .toString();
        String[] args = {"chat", "--npc", "mira", "--model", model, "--say", "A sword, please.", "--say", "Thanks!",
            "--json", "--greedy", "--max-tokens", "12"};
        Run a = run(args);
        assertEquals(0, a.code(), a.err());
        List<JsonNode> replies = a.replies();
        assertEquals(2, replies.size(), a.out());
        assertFalse(replies.get(0).get("fallback").asBoolean(), replies.toString());
        assertTrue(a.lastLine().startsWith("RESULT replies=2 fallbacks=0"), a.lastLine());
        assertEquals(replies.toString(), run(args).replies().toString(), "greedy replies repeat");
    }

    @Test
    void streamedTextModeShowsTheConversation() throws Exception {
        HttpServer server = TextModelFixtures.sseServer("Well", " met.");
        try {
            Run r = run("chat", "--npc", "tom", "--model", TextModelFixtures.url(server), "--server-model", "m",
                    "--say", "Hello!");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("you> Hello!\nOld Tom: Well met."), r.out());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void withoutAModelTheShippedOneAnswersInCharacterTheSameEveryRun() {
        String[] args = {"chat", "--npc", "mira", "--greedy", "--json", "--device", "cpu", "--say", "Hello.",
            "--say", "Who are you?"};
        Run first = run(args);
        assertEquals(0, first.code(), first.err());
        String[] lines = first.out().strip().split("\\R");
        assertEquals(3, lines.length, first.out());
        for (int i = 0; i < 2; i++) {
            assertTrue(lines[i].startsWith("{\"npc\":\"Mira\",\"text\":\""), lines[i]);
            assertFalse(lines[i].contains("\"text\":\"\""), lines[i]);
            assertTrue(lines[i].contains("\"fallback\":false"), lines[i]);
        }
        assertTrue(lines[2].startsWith("RESULT replies=2 fallbacks=0"), lines[2]);
        assertEquals(lines[0] + lines[1], String.join("", java.util.Arrays.copyOf(run(args).out().strip().split("\\R"), 2)));
    }

    @Test
    void interactiveLinesAreReadUntilAnEmptyLineOrQuit() throws Exception {
        HttpServer server = TextModelFixtures.sseServer("Well", " met.");
        try {
            for (String ending : new String[] {"/quit\nnever read\n", "\nnever read\n", ""}) {
                ChatCommand chat = new ChatCommand();
                chat.terminal = new java.io.ByteArrayInputStream(("Hello!\nAnd you?\n" + ending)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                CommandLine cmd = new CommandLine(chat);
                StringWriter out = new StringWriter();
                cmd.setOut(new PrintWriter(out, true));
                cmd.setErr(new PrintWriter(new StringWriter(), true));
                int code = cmd.execute("--npc", "tom", "--model", TextModelFixtures.url(server), "--server-model", "m");
                assertEquals(0, code, out.toString());
                String text = out.toString();
                assertTrue(text.contains("you> Old Tom: Well met.\nyou> Old Tom: Well met.\nyou> RESULT replies=2 "),
                        text);
                assertFalse(text.contains("never read"), text);
            }
        } finally {
            server.stop(0);
        }
    }

    @Test
    void mistakesAreExplained() {
        Run unknown = run("chat", "--npc", "wizard", "--model", "http://127.0.0.1:9/v1", "--say", "hi");
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("built in: mira, tom, guard"), unknown.err());
    }
}
