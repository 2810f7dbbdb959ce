package io.animata.runtime.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.runtime.onnx.DevicePreference;
import io.animata.runtime.onnx.OnnxSessionConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrefixCacheTest {

    @Test
    void lookupFindsTheLongestSharedPrefixAndTheBudgetEvictsTheOldest() {
        PrefixCache cache = new PrefixCache(100);
        int[] a = range(0, 40);
        int[] b = range(0, 30);
        b[25] = 999;
        cache.store(a, null);
        cache.store(b, null);
        int[] prompt = range(0, 50);
        PrefixCache.Hit hit = cache.lookup(prompt, 49);
        assertEquals(40, hit.length());
        assertEquals(30, cache.lookup(prompt, 30).length(), "never more than the limit");
        assertNull(cache.lookup(range(5, 50), 44), "nothing shared from the start");
        cache.store(range(0, 45), null);
        assertEquals(2, cache.size(), "an entry the new prompt extends is replaced");
        cache.store(range(200, 260), null);
        assertTrue(cache.size() <= 2, "the budget of 100 tokens evicts the least recently used");
    }

    @Test
    void promptsStoredFromOneBatchShareItsArraysUntilMostAreGoneThenKeepCopiesOfTheirOwnRows() {
        int rows = 8;
        int heads = 2;
        int width = 24;
        int positionBytes = 3 * Float.BYTES;
        byte[][] shared = new byte[2][rows * heads * width * positionBytes];
        java.util.Random random = new java.util.Random(3);
        for (byte[] tensor : shared) {
            random.nextBytes(tensor);
        }
        PrefixCache cache = new PrefixCache(20 * rows);
        int[][] prompts = new int[rows][];
        for (int r = 0; r < rows; r++) {
            prompts[r] = range(1000 * r, 1000 * r + 20 - r % 3); // rows of different lengths, padded on the left
            cache.store(prompts[r], new PrefixCache.KvRows(shared, r, heads, width, width - prompts[r].length,
                    positionBytes));
        }
        PrefixCache.KvRows before = cache.lookup(prompts[7], 17).entry().rows;
        assertTrue(before.tensors() == shared, "stored as views of the batch's arrays");
        int length = prompts[7].length;
        byte[][] expected = new byte[2][heads * length * positionBytes];
        for (int t = 0; t < 2; t++) {
            for (int h = 0; h < heads; h++) {
                int from = ((7 * heads + h) * width + width - length) * positionBytes;
                System.arraycopy(shared[t], from, expected[t], h * length * positionBytes, length * positionBytes);
            }
        }

        for (int k = 0; k < 5; k++) {
            cache.store(range(50_000 + 100 * k, 50_000 + 100 * k + 20), null); // evicts the least recently used
        }

        PrefixCache.Hit hit = cache.lookup(prompts[7], 17);
        assertTrue(hit.entry().rows.tensors() != shared, "3 of 8 rows left: each keeps a copy of its own");
        assertEquals(1, hit.entry().rows.rows());
        for (int t = 0; t < expected.length; t++) {
            assertArrayEquals(expected[t], hit.entry().rows.tensors()[t], "tensor " + t);
        }
        assertEquals(3 + 5, cache.size());
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    private static List<String> conversation(Path folder, int prefixTokens, long[] reused) {
        List<String> replies = new ArrayList<>();
        try (OnnxLanguageModel model = OnnxLanguageModel.builder().setModelFolder(folder)
                .optSessionConfig(new OnnxSessionConfig(1, DevicePreference.CPU, 0))
                .optPrefixCacheTokens(prefixTokens).build()) {
            List<ChatMessage> messages = new ArrayList<>();
            messages.add(ChatMessage.system("You are Mira , a blacksmith . the forge is hot . the trader is late ."
                    + " the mine north is closed . you want gold coins and you can fix my sword ."));
            for (String line : List.of("hello there", "can you fix my sword ?", "what do you want ?", "yes")) {
                messages.add(ChatMessage.user(line));
                String reply = model.generate(GenerationRequest.chat(messages).optMaxTokens(12)
                        .optSampling(SamplingConfig.GREEDY).build(), TextSink.NONE, null).text();
                replies.add(reply);
                messages.add(ChatMessage.assistant(reply));
            }
            reused[0] = model.prefixTokensReused();
        }
        return replies;
    }

    @Test
    void repliesWithThePrefixCacheAreTheRepliesWithoutIt(@TempDir Path dir) {
        Path folder = TinyModels.write(dir, 12, 512);
        long[] reused = new long[1];
        List<String> without = conversation(folder, 0, reused);
        assertEquals(0, reused[0]);
        List<String> with = conversation(folder, 4096, reused);
        assertEquals(without, with);
        assertTrue(reused[0] > 3 * 40, "the system text and earlier turns were reused: " + reused[0] + " tokens");
    }
}
