package io.animata.runtime.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.runtime.AnimataException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tokenizer round trips through DJL's Hugging Face tokenizers on tokenizer.json files written here. */
class HfTokenizerTest {
    private static final List<String> SPECIALS = List.of("<|im_start|>", "<|im_end|>");
    private static final List<String> WORDS = List.of("hello", "there", "traveller", ",", "!", "the", "forge",
            "is", "hot", "system", "user", "assistant", ".");

    private static HfTokenizer wordLevel(Path dir) throws Exception {
        Path file = dir.resolve("tokenizer.json");
        Files.writeString(file, TokenizerJson.wordLevel(SPECIALS, WORDS));
        return HfTokenizer.load(dir);
    }

    @Test
    void wordLevelRoundTripsAndKnowsItsSpecialTokens(@TempDir Path dir) throws Exception {
        try (HfTokenizer t = wordLevel(dir)) {
            int[] ids = t.encode("Hello there, traveller!", false);
            assertArrayEquals(new int[] {3, 4, 6, 5, 7}, ids);
            assertEquals("hello there , traveller !", t.decode(ids, 0, ids.length, true));
            assertEquals(1, t.tokenId("<|im_start|>"));
            assertEquals(2, t.tokenId("<|im_end|>"));
            assertEquals(-1, t.tokenId("hello there"));
            int[] chat = t.encode("<|im_start|>user\nhello<|im_end|>", false);
            assertArrayEquals(new int[] {1, 13, 3, 2}, chat);
            assertEquals("user hello", t.decode(chat, 0, chat.length, true));
            assertEquals(0, t.encode("dragon", false)[0], "an unknown word is <unk>");
        }
    }

    @Test
    void longTextIsNotTruncated(@TempDir Path dir) throws Exception {
        try (HfTokenizer t = wordLevel(dir)) {
            assertEquals(3000, t.encode("the forge is hot . ".repeat(600), false).length);
        }
    }

    /** Byte-level words keep case, spaces and new lines: known text round-trips, an unknown piece is <unk>. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void byteLevelWordsRoundTripKnownTextAndMarkUnknownPieces(long seed, @TempDir Path dir) throws Exception {
        String[] words = {"Hello", " there", ",", " traveller", ".", "\n", "ACTION", ":", " {\"", "action", "\":",
            " \"", "open_door", "\"}", " The", " forge", " is", " hot", "!", " 10"};
        StringBuilder text = new StringBuilder("<|im_start|>user\n");
        Random random = new Random(seed);
        for (int i = 0; i < 60; i++) {
            text.append(words[random.nextInt(words.length)]);
        }
        text.append("<|im_end|>");
        List<String> pieces = new java.util.ArrayList<>(List.of("user", "\n"));
        for (String part : text.toString().split("<\\|im_start\\|>|<\\|im_end\\|>")) {
            pieces.addAll(TokenizerJson.byteLevelPieces(part));
        }
        Files.writeString(dir.resolve("tokenizer.json"), TokenizerJson.byteLevelWords(SPECIALS, pieces));
        try (HfTokenizer t = HfTokenizer.load(dir)) {
            int[] ids = t.encode(text.toString(), false);
            assertEquals(1, ids[0]);
            assertEquals(2, ids[ids.length - 1]);
            for (int id : ids) {
                assertTrue(id > 0, "no piece of known text is unknown");
            }
            assertEquals(text.toString(), t.decode(ids, 0, ids.length, false));
            assertEquals(text.substring("<|im_start|>".length(), text.length() - "<|im_end|>".length()),
                    t.decode(ids, 0, ids.length, true));
            int[] unknown = t.encode("Hello dragon", false);
            assertEquals(2, unknown.length);
            assertEquals(0, unknown[1], "an unknown piece is <unk>");
        }
    }

    @Test
    void byteLevelPiecesSplitLikeGpt2AndJoinBackToTheText() {
        assertEquals(List.of("Hello", ",", " world", "!", "\n", "ACTION", ":", " {\"", "a", "\":", " 10", "}"),
                TokenizerJson.byteLevelPieces("Hello, world!\nACTION: {\"a\": 10}"));
    }

    /** Byte-level BPE round-trips any text, including characters that take several bytes and tokens. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void byteLevelBpeRoundTripsRandomText(long seed, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tokenizer.json"), TokenizerJson.byteLevelBpe(
                List.of("hello", " hello", " there", " the", "the", " forge"), List.of("<|endoftext|>")));
        String alphabet = "abcdefghijklmnopqrstuvwxyz   ,.!?'\n\téüß€日本語🙂";
        Random random = new Random(seed);
        try (HfTokenizer t = HfTokenizer.load(dir.resolve("tokenizer.json"))) {
            int[] merged = t.encode(" hello there", false);
            assertEquals(2, merged.length, "the merges join whole words");
            for (int trial = 0; trial < 100; trial++) {
                StringBuilder text = new StringBuilder();
                int n = 1 + random.nextInt(40);
                for (int i = 0; i < n; i++) {
                    text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                            random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
                }
                int[] ids = t.encode(text.toString(), false);
                assertEquals(text.toString(), t.decode(ids, 0, ids.length, false));
                // streaming token by token gives the same text, never half a character
                TokenTextStream stream = new TokenTextStream(t, false);
                StringBuilder streamed = new StringBuilder();
                for (int id : ids) {
                    String piece = stream.next(id);
                    assertTrue(!piece.contains("\uFFFD"), "no broken characters: " + piece);
                    streamed.append(piece);
                }
                assertEquals(text.toString(), streamed.toString());
            }
        }
    }

    @Test
    void aMissingFileIsExplained(@TempDir Path dir) {
        AnimataException e = assertThrows(AnimataException.class, () -> HfTokenizer.load(dir));
        assertTrue(e.getMessage().contains("tokenizer file not found"), e.getMessage());
    }
}
