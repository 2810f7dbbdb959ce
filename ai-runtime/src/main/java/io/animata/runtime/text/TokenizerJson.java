package io.animata.runtime.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes Hugging Face {@code tokenizer.json} files for small models made here (tests, benchmarks, models trained by
 * the project): a word-level tokenizer over a fixed vocabulary, or a byte-level BPE (GPT-2's scheme: every byte is a
 * token, so any text round-trips) with merges that join the given words. The files load with {@link HfTokenizer}
 * and with the Python {@code tokenizers} library alike.
 *
 * <p>Stateless and thread-safe.
 */
public final class TokenizerJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenizerJson() {
    }

    /**
     * A word-level tokenizer: lower-cased text split into words and punctuation, each a token; unknown words become
     * {@code <unk>} (id 0). Decoding joins tokens with spaces.
     *
     * @param specialTokens added tokens matched before splitting (e.g. {@code <|im_start|>}); ids 1, 2, ...
     * @param words the vocabulary, after the special tokens
     * @return the JSON text
     */
    public static String wordLevel(List<String> specialTokens, List<String> words) {
        Map<String, Integer> vocab = new LinkedHashMap<>();
        vocab.put("<unk>", 0);
        ObjectNode root = header();
        ArrayNode added = root.putArray("added_tokens");
        addSpecial(added, "<unk>", 0);
        for (String s : specialTokens) {
            int id = vocab.size();
            vocab.put(s, id);
            addSpecial(added, s, id);
        }
        for (String w : words) {
            vocab.putIfAbsent(w, vocab.size());
        }
        root.putObject("normalizer").put("type", "Lowercase");
        root.putObject("pre_tokenizer").put("type", "Whitespace");
        root.putNull("post_processor");
        root.putNull("decoder");
        ObjectNode model = root.putObject("model");
        model.put("type", "WordLevel");
        ObjectNode v = model.putObject("vocab");
        vocab.forEach(v::put);
        model.put("unk_token", "<unk>");
        return root.toPrettyString();
    }

    /**
     * GPT-2's pre-tokenizer pattern: contractions, words and numbers with their leading space, runs of other
     * symbols with theirs, and whitespace.
     */
    private static final java.util.regex.Pattern BYTE_LEVEL_SPLIT = java.util.regex.Pattern.compile(
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+");

    /**
     * A word-level tokenizer over byte-level pieces: text is split as GPT-2 splits it (a word keeps its leading
     * space, punctuation runs and new lines are pieces of their own) and each piece in the vocabulary is one token;
     * other pieces become {@code <unk>} (id 0). Unlike {@link #wordLevel}, case, spaces and new lines survive:
     * decoding gives back the text exactly when every piece is known. Small models trained here use it (pieces from
     * {@link #byteLevelPieces} of their corpus).
     *
     * @param specialTokens added tokens matched before splitting; ids 1, 2, ...
     * @param pieces the vocabulary as text pieces (e.g. {@code " hello"}), after the special tokens
     * @return the JSON text
     */
    public static String byteLevelWords(List<String> specialTokens, java.util.Collection<String> pieces) {
        Map<String, Integer> vocab = new LinkedHashMap<>();
        vocab.put("<unk>", 0);
        ObjectNode root = header();
        ArrayNode added = root.putArray("added_tokens");
        addSpecial(added, "<unk>", 0);
        for (String s : specialTokens) {
            int id = vocab.size();
            vocab.put(s, id);
            addSpecial(added, s, id);
        }
        for (String piece : pieces) {
            vocab.putIfAbsent(toByteSymbols(piece), vocab.size());
        }
        root.putNull("normalizer");
        ObjectNode pre = root.putObject("pre_tokenizer");
        pre.put("type", "ByteLevel").put("add_prefix_space", false).put("trim_offsets", true).put("use_regex", true);
        root.putNull("post_processor");
        ObjectNode decoder = root.putObject("decoder");
        decoder.put("type", "ByteLevel").put("add_prefix_space", true).put("trim_offsets", true).put("use_regex", true);
        ObjectNode model = root.putObject("model");
        model.put("type", "WordLevel");
        ObjectNode v = model.putObject("vocab");
        vocab.forEach(v::put);
        model.put("unk_token", "<unk>");
        return root.toPrettyString();
    }

    /**
     * Splits text into the pieces {@link #byteLevelWords} makes tokens of (special tokens must be removed first).
     *
     * @return the pieces, in order; joined, they are {@code text}
     */
    public static List<String> byteLevelPieces(String text) {
        List<String> pieces = new java.util.ArrayList<>();
        java.util.regex.Matcher m = BYTE_LEVEL_SPLIT.matcher(text);
        while (m.find()) {
            pieces.add(m.group());
        }
        return pieces;
    }

    /**
     * A byte-level BPE tokenizer: the 256 byte symbols (ids 0-255), then one token per merge step of each word
     * (a word that follows a space is written with GPT-2's {@code Ġ} prefix, e.g. {@code "Ġhello"}), then the
     * special tokens.
     *
     * @param words words to merge into single tokens, in priority order
     * @param specialTokens added special tokens, after the merged tokens
     * @return the JSON text
     */
    public static String byteLevelBpe(List<String> words, List<String> specialTokens) {
        Map<String, Integer> vocab = new LinkedHashMap<>();
        for (int b = 0; b < 256; b++) {
            vocab.put(String.valueOf(BYTE_SYMBOLS[b]), vocab.size());
        }
        Map<String, Integer> merges = new LinkedHashMap<>();
        for (String word : words) {
            // what BPE makes of the word with the merges so far, then merges that join the rest left to right:
            // they rank after every earlier merge, so earlier words still encode as before
            List<String> parts = applyMerges(toByteSymbols(word), merges);
            while (parts.size() > 1) {
                String joined = parts.get(0) + parts.get(1);
                merges.putIfAbsent(parts.get(0) + " " + parts.get(1), merges.size());
                vocab.putIfAbsent(joined, vocab.size());
                parts.remove(1);
                parts.set(0, joined);
            }
        }
        ObjectNode root = header();
        ArrayNode added = root.putArray("added_tokens");
        for (String s : specialTokens) {
            int id = vocab.size();
            vocab.put(s, id);
            addSpecial(added, s, id);
        }
        root.putNull("normalizer");
        ObjectNode pre = root.putObject("pre_tokenizer");
        pre.put("type", "ByteLevel").put("add_prefix_space", false).put("trim_offsets", true).put("use_regex", true);
        root.putNull("post_processor");
        ObjectNode decoder = root.putObject("decoder");
        decoder.put("type", "ByteLevel").put("add_prefix_space", true).put("trim_offsets", true).put("use_regex", true);
        ObjectNode model = root.putObject("model");
        model.put("type", "BPE");
        model.putNull("dropout");
        model.putNull("unk_token");
        model.putNull("continuing_subword_prefix");
        model.putNull("end_of_word_suffix");
        model.put("fuse_unk", false);
        model.put("byte_fallback", false);
        ObjectNode v = model.putObject("vocab");
        vocab.forEach(v::put);
        ArrayNode m = model.putArray("merges");
        merges.keySet().forEach(m::add);
        return root.toPrettyString();
    }

    /** Byte-pair encoding of one word: join the adjacent pair of lowest rank until no pair has a rank. */
    private static List<String> applyMerges(String symbols, Map<String, Integer> ranks) {
        List<String> parts = new java.util.ArrayList<>();
        symbols.codePoints().forEach(cp -> parts.add(new String(Character.toChars(cp))));
        while (parts.size() > 1) {
            int best = -1;
            int bestRank = Integer.MAX_VALUE;
            for (int i = 0; i + 1 < parts.size(); i++) {
                Integer rank = ranks.get(parts.get(i) + " " + parts.get(i + 1));
                if (rank != null && rank < bestRank) {
                    bestRank = rank;
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            parts.set(best, parts.get(best) + parts.remove(best + 1));
        }
        return parts;
    }

    /** GPT-2's map from bytes to printable characters, so that byte-level tokens are strings. */
    private static final char[] BYTE_SYMBOLS = new char[256];

    static {
        int extra = 0;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            BYTE_SYMBOLS[b] = printable ? (char) b : (char) (256 + extra++);
        }
    }

    /** @return {@code text}'s UTF-8 bytes as byte-level symbols (a space is {@code Ġ}) */
    public static String toByteSymbols(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            out.append(BYTE_SYMBOLS[b & 0xFF]);
        }
        return out.toString();
    }

    private static ObjectNode header() {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        return root;
    }

    private static void addSpecial(ArrayNode added, String content, int id) {
        added.addObject().put("id", id).put("content", content).put("single_word", false).put("lstrip", false)
                .put("rstrip", false).put("normalized", false).put("special", true);
    }
}
