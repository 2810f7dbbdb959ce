package io.animata.core.npc.memory;

import io.animata.runtime.text.embed.Embedder;
import io.animata.runtime.text.embed.Vectors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A deterministic stand-in for a sentence-embedding model: each lowercase word adds 1 to one of 64 dimensions (by its
 * hash), then the vector is normalised, so texts that share words are similar. Records every call's texts and thread.
 */
public final class WordHashEmbedder implements Embedder {
    static final int DIMENSIONS = 64;
    final List<List<String>> calls = Collections.synchronizedList(new ArrayList<>());
    final List<String> threads = Collections.synchronizedList(new ArrayList<>());
    private final String id;
    volatile boolean fail;
    boolean closed;

    public WordHashEmbedder() {
        this("word-hash-64");
    }

    WordHashEmbedder(String id) {
        this.id = id;
    }

    static float[] vector(String text) {
        float[] v = new float[DIMENSIONS];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!word.isEmpty()) {
                v[Math.floorMod(word.hashCode(), DIMENSIONS)] += 1f;
            }
        }
        Vectors.normalize(v);
        return v;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public float[][] embed(List<String> texts) {
        calls.add(List.copyOf(texts));
        threads.add(Thread.currentThread().getName());
        if (fail) {
            throw new IllegalStateException("the test embedder was told to fail");
        }
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = vector(texts.get(i));
        }
        return out;
    }

    int textsEmbedded() {
        int n = 0;
        synchronized (calls) {
            for (List<String> c : calls) {
                n += c.size();
            }
        }
        return n;
    }

    @Override
    public void close() {
        closed = true;
    }
}
