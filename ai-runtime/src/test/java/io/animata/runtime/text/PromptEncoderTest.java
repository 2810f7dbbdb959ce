package io.animata.runtime.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PromptEncoderTest {
    /** The turn markers and the other control tokens of every template, as special tokens of the test tokenizers. */
    private static final List<String> SPECIALS = List.of("<|im_start|>", "<|im_end|>", "<|begin_of_text|>",
            "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>", "<|system|>", "<|user|>", "<|assistant|>",
            "<|end|>");
    private static final String[] WORDS = {"you", "are", "Mira", "a", "blacksmith", "hello", "there", "traveller",
        "the", "forge", "is", "hot", "sword", "gold", "coins", "mine", "north", "é", "日本", "12", "3.5"};
    private static final String[] GLUE = {" ", " ", " ", ", ", ". ", "!", "?", "\n", "\n\n", "  ", "'s ", "-", ""};

    private static String sentence(Random random) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(12);
        for (int i = 0; i < n; i++) {
            sb.append(WORDS[random.nextInt(WORDS.length)]).append(GLUE[random.nextInt(GLUE.length)]);
        }
        return sb.toString();
    }

    private static List<ChatMessage> conversation(Random random, String system) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(ChatMessage.system(system));
        int turns = random.nextInt(5);
        for (int i = 0; i < turns; i++) {
            messages.add(ChatMessage.user(sentence(random)));
            messages.add(ChatMessage.assistant(sentence(random)));
        }
        messages.add(ChatMessage.user(sentence(random)));
        return messages;
    }

    private static HfTokenizer byteLevelBpe(Path dir) throws Exception {
        Files.writeString(dir.resolve("tokenizer.json"), TokenizerJson.byteLevelBpe(List.of(WORDS), SPECIALS));
        return HfTokenizer.load(dir);
    }

    private static HfTokenizer byteLevelWords(Path dir) throws Exception {
        List<String> pieces = new ArrayList<>();
        for (String w : WORDS) {
            pieces.add(w);
            pieces.add(" " + w);
        }
        Files.writeString(dir.resolve("tokenizer.json"), TokenizerJson.byteLevelWords(SPECIALS, pieces));
        return HfTokenizer.load(dir);
    }

    @ParameterizedTest
    @EnumSource(value = ChatTemplate.class, names = {"CHATML", "LLAMA3", "PHI3"})
    void piecesGiveTheIdsOfTheWholePromptForRandomConversations(ChatTemplate template, @TempDir Path dir)
            throws Exception {
        for (boolean bpe : new boolean[] {true, false}) {
            Path folder = Files.createDirectories(dir.resolve(bpe ? "bpe" : "words"));
            try (HfTokenizer tokenizer = bpe ? byteLevelBpe(folder) : byteLevelWords(folder)) {
                PromptEncoder encoder = new PromptEncoder(tokenizer, template.turnMarkers(), 64);
                Random random = new Random(template.ordinal() * 31L + (bpe ? 1 : 0));
                String[] personas = {sentence(random) + sentence(random), sentence(random), " " + sentence(random)};
                for (int i = 0; i < 200; i++) {
                    String prompt = template.render(conversation(random, personas[i % personas.length]));
                    assertArrayEquals(tokenizer.encode(prompt, false), encoder.encode(prompt),
                            template + (bpe ? " byte-level BPE" : " byte-level words") + ", prompt " + i + ": " + prompt);
                }
                assertTrue(encoder.cutting(), "the checks found no difference");
                // every prompt after a persona's first finds its system turn and the assistant's header again
                assertTrue(encoder.pieceHits() >= 2 * (200 - personas.length),
                        "repeated pieces are found again: " + encoder.pieceHits() + " hits, "
                                + encoder.pieceMisses() + " misses");
            }
        }
    }

    @Test
    void aTokenizerThatEncodesPiecesDifferentlyIsFoundOutAndGetsWholePrompts() {
        // a tokenizer that starts every encoding with a begin token, as a post-processor adding BOS would
        Tokenizer withBos = new Tokenizer() {
            @Override
            public int[] encode(String text, boolean addSpecialTokens) {
                int[] ids = new int[text.length() + 1];
                ids[0] = 1;
                for (int i = 0; i < text.length(); i++) {
                    ids[i + 1] = text.charAt(i);
                }
                return ids;
            }

            @Override
            public String decode(int[] ids, int from, int to, boolean skipSpecialTokens) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void close() {
            }
        };
        PromptEncoder encoder = new PromptEncoder(withBos, ChatTemplate.CHATML.turnMarkers(), 64);
        Random random = new Random(5);
        for (int i = 0; i < 10; i++) {
            String prompt = ChatTemplate.CHATML.render(conversation(random, "You are Mira."));
            assertArrayEquals(withBos.encode(prompt, false), encoder.encode(prompt), "prompt " + i);
        }
        assertFalse(encoder.cutting(), "the first check found the difference");
    }

    @Test
    void templatesWithoutTurnMarkersEncodeWholePrompts(@TempDir Path dir) throws Exception {
        assertTrue(ChatTemplate.PLAIN.turnMarkers().isEmpty());
        assertTrue(ChatTemplate.MISTRAL.turnMarkers().isEmpty(), "[INST] is plain text in older Mistral tokenizers");
        try (HfTokenizer tokenizer = byteLevelBpe(dir)) {
            PromptEncoder encoder = new PromptEncoder(tokenizer, ChatTemplate.PLAIN.turnMarkers(), 64);
            String prompt = ChatTemplate.PLAIN.render(conversation(new Random(2), "You are Mira."));
            assertArrayEquals(tokenizer.encode(prompt, false), encoder.encode(prompt));
            assertEquals(0, encoder.pieceHits() + encoder.pieceMisses());
        }
    }
}
