package io.animata.core.npc.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.animata.runtime.text.ChatTemplate;
import io.animata.runtime.text.TinyDecoder;
import io.animata.runtime.text.TokenizerJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A model folder for action tests: a TinyDecoder with seeded random weights over a byte-level BPE vocabulary (every
 * byte is a token, so it can spell any JSON), with some words merged into single tokens, as real vocabularies have.
 */
public final class TinyActionModel {
    static final List<String> WORDS = List.of("ACTION:", "action", "\"action\"", "give_item", "open_door", "follow",
            "attack", "stay", "trade", "item", "key", "bread", "sword", " the", " you", " I", " door", "{\"", "\":",
            "\"}", " {\"", "\",", " \"");
    static final List<String> SPECIALS = List.of("<|im_start|>", "<|im_end|>");

    private TinyActionModel() {
    }

    /**
     * Writes the folder.
     *
     * @param markerBias added to the logit of the {@code ACTION:} token at every position (0 for none), so that a
     *     random model starts action lines often enough to exercise them
     * @return the folder
     */
    public static Path write(Path dir, long seed, float markerBias) throws IOException {
        String tokenizer = TokenizerJson.byteLevelBpe(WORDS, SPECIALS);
        JsonNode vocab = new ObjectMapper().readTree(tokenizer).path("model").path("vocab");
        int vocabSize = vocab.size();
        int eos = vocab.path("<|im_end|>").asInt();
        int marker = vocab.path("ACTION:").asInt();
        TinyDecoder.Config config = new TinyDecoder.Config(vocabSize, 16, 2, 1, 1, 32, 2048);
        TinyDecoder decoder = TinyDecoder.random(config, seed);
        if (markerBias != 0f) {
            // the final norm's output gets a constant part; the marker's column reads it, so its logit rises by
            // about markerBias whatever the input (the norm's other part has mean zero)
            int d = config.hiddenSize();
            for (int h = 0; h < d; h++) {
                decoder.finalBias[h] += 1f;
                decoder.lmHead[h * vocabSize + marker] += markerBias / d;
            }
        }
        decoder.writeModelFolder(dir, tokenizer, ChatTemplate.CHATML, eos);
        return dir;
    }
}
