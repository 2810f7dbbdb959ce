package io.animata.runtime.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes rendered chat prompts piece by piece, remembering recent pieces. An NPC's prompts repeat almost all their
 * text from one line to the next (the persona and rules, the remembered turns), and tokenising it anew every time
 * costs more than a decode step. A prompt is cut where one of the template's turn markers starts
 * ({@link ChatTemplate#turnMarkers()}, special tokens such as {@code <|im_start|>}), and each piece is encoded alone.
 *
 * <p>This gives the same ids as encoding the whole prompt when the tokenizer splits its special tokens out before
 * anything else, as Hugging Face tokenizers do with added tokens. The first few prompts cut into several pieces are
 * also encoded whole and compared; on any difference (a tokenizer that does not treat the markers as special
 * tokens, say) the encoder stops cutting for good and encodes whole prompts.
 *
 * <p>Threading: one thread at a time (the model's worker), like the tokenizer.
 */
final class PromptEncoder {
    private static final System.Logger LOG = System.getLogger(PromptEncoder.class.getName());
    /** Prompts checked against a whole encoding before pieces are trusted. */
    static final int CHECKED_PROMPTS = 4;

    private final Tokenizer tokenizer;
    private final List<String> markers;
    private final Map<String, int[]> pieces;
    private int checksLeft = CHECKED_PROMPTS;
    private boolean cutting;
    private long pieceHits;
    private long pieceMisses;

    /**
     * @param tokenizer the model's tokenizer
     * @param markers where a prompt may be cut (each starts a piece); empty to encode whole prompts
     * @param capacity the most pieces remembered (least recently used go first)
     */
    PromptEncoder(Tokenizer tokenizer, List<String> markers, int capacity) {
        this.tokenizer = tokenizer;
        this.markers = List.copyOf(markers);
        this.cutting = !markers.isEmpty() && capacity > 0;
        this.pieces = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, int[]> eldest) {
                return size() > capacity;
            }
        };
    }

    /** @return the ids of a rendered prompt, without special tokens added by the tokenizer's post-processor */
    int[] encode(String prompt) {
        if (!cutting) {
            return tokenizer.encode(prompt, false);
        }
        List<String> parts = cut(prompt);
        if (parts.size() < 2) {
            return tokenizer.encode(prompt, false);
        }
        int[][] ids = new int[parts.size()][];
        int total = 0;
        for (int i = 0; i < ids.length; i++) {
            String part = parts.get(i);
            int[] known = pieces.get(part);
            if (known == null) {
                known = tokenizer.encode(part, false);
                pieces.put(part, known);
                pieceMisses++;
            } else {
                pieceHits++;
            }
            ids[i] = known;
            total += known.length;
        }
        int[] out = new int[total];
        int at = 0;
        for (int[] piece : ids) {
            System.arraycopy(piece, 0, out, at, piece.length);
            at += piece.length;
        }
        if (checksLeft > 0) {
            checksLeft--;
            int[] whole = tokenizer.encode(prompt, false);
            if (!Arrays.equals(whole, out)) {
                cutting = false;
                pieces.clear();
                LOG.log(System.Logger.Level.INFO, "this tokenizer encodes prompt pieces differently from whole"
                        + " prompts; prompts are encoded whole from now on");
                return whole;
            }
        }
        return out;
    }

    /** @return the prompt cut before every marker (the first piece is whatever comes before the first marker) */
    private List<String> cut(String prompt) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        int from = 1;
        while (true) {
            int next = -1;
            for (String marker : markers) {
                int at = prompt.indexOf(marker, from);
                if (at >= 0 && (next < 0 || at < next)) {
                    next = at;
                }
            }
            if (next < 0) {
                parts.add(prompt.substring(start));
                return parts;
            }
            parts.add(prompt.substring(start, next));
            start = next;
            from = next + 1;
        }
    }

    /** @return whether prompts are still encoded in pieces (false after a check found a difference) */
    boolean cutting() {
        return cutting;
    }

    /** @return pieces found among those remembered */
    long pieceHits() {
        return pieceHits;
    }

    /** @return pieces that had to be encoded */
    long pieceMisses() {
        return pieceMisses;
    }
}
