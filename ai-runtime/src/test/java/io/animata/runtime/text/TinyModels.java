package io.animata.runtime.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Model folders for tests: a TinyDecoder with seeded random weights and a word-level tokenizer. */
final class TinyModels {
    static final List<String> SPECIALS = List.of("<|im_start|>", "<|im_end|>");
    static final int EOS = 2;

    private TinyModels() {
    }

    static List<String> words() {
        List<String> words = new ArrayList<>(List.of("system", "user", "assistant", "you", "are", "mira", "a",
                "blacksmith", "hello", "there", "traveller", ",", ".", "!", "?", "the", "forge", "is", "hot", "sword",
                "please", "fix", "my", "of", "and", "to", "i", "can", "it", "yes", "no", "gold", "coins", "mine",
                "north", "trader", "late", "today", "what", "do", "want"));
        for (int i = 0; i < 40; i++) {
            words.add("w" + i);
        }
        return words;
    }

    static TinyDecoder.Config config(int maxPositions) {
        return new TinyDecoder.Config(1 + SPECIALS.size() + words().size(), 32, 4, 2, 64, maxPositions);
    }

    /** Grouped-query attention: 4 query heads sharing 2 key/value heads. */
    static TinyDecoder.Config gqaConfig(int maxPositions) {
        return new TinyDecoder.Config(1 + SPECIALS.size() + words().size(), 32, 4, 2, 2, 64, maxPositions);
    }

    /** Writes a model folder; returns it. */
    static Path write(Path dir, long seed, int maxPositions) {
        return write(dir, config(maxPositions), seed);
    }

    static Path write(Path dir, TinyDecoder.Config config, long seed) {
        return write(dir, config, seed, TinyDecoder.Export.DEFAULT);
    }

    /** Writes a model folder whose model file is written as {@code export} says; returns it. */
    static Path write(Path dir, TinyDecoder.Config config, long seed, TinyDecoder.Export export) {
        TinyDecoder.random(config, seed).writeModelFolder(dir, TokenizerJson.wordLevel(SPECIALS, words()),
                ChatTemplate.CHATML, EOS, export);
        return dir;
    }
}
