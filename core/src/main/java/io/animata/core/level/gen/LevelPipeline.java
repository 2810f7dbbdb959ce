package io.animata.core.level.gen;

import io.animata.core.level.Legend;
import io.animata.core.level.LevelConstraints;
import io.animata.core.level.TileGrid;
import io.animata.core.level.play.Playability;
import io.animata.core.level.play.PlayabilityCheck;
import io.animata.runtime.AnimataException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Generates many levels, each playable: for every index it asks the generator for a candidate, places the start and
 * goal where the candidate has none ({@link MarkerPlacer}), checks the constraints and playability
 * ({@link PlayabilityCheck}) and a minimum path length, and tries again with the next seed when any of that fails,
 * up to a bounded number of attempts. Levels run in parallel on a pool of its own; attempt {@code a} of level
 * {@code i} is seeded with {@link Seeds#derive}{@code (seed, i, a)}, so the batch is the same whatever the number of
 * threads or their timing.
 *
 * <p>Threading: immutable; {@link #generate} may be called from any thread and blocks until the batch is done. The
 * generator is called from the pool's threads at once and must be thread-safe. The progress listener is called from
 * the pool's threads.
 *
 * <pre>{@code
 * LevelPipeline pipeline = LevelPipeline.builder()
 *         .setLegend(legend)
 *         .setGenerator(LevelGenerator.wfc(model, settings))
 *         .optMinPathMoves(20)
 *         .build();
 * LevelBatch batch = pipeline.generate(1000, 42, done -> bar.stepTo(done));
 * }</pre>
 */
public final class LevelPipeline {
    /** Rejection kind: the generator made no candidate (e.g. WFC spent its budget). */
    public static final String REJECT_GENERATOR = "generator";
    /** Rejection kind: no room for the start or goal. */
    public static final String REJECT_PLACEMENT = "placement";
    /** Rejection kind: a constraint was broken. */
    public static final String REJECT_CONSTRAINTS = "constraints";
    /** Rejection kind: the playability check failed. */
    public static final String REJECT_UNPLAYABLE = "unplayable";
    /** Rejection kind: the path from start to goal is shorter than asked. */
    public static final String REJECT_SHORT = "short-path";

    private final Legend legend;
    private final LevelGenerator generator;
    private final MarkerPlacer placer;
    private final LevelConstraints constraints;
    private final PlayabilityCheck check;
    private final int minPathMoves;
    private final int maxAttempts;
    private final int threads;

    private LevelPipeline(Builder b) {
        this.legend = b.legend;
        this.generator = b.generator;
        this.placer = b.placeMarkers ? new MarkerPlacer(b.legend) : null;
        this.constraints = b.constraints;
        this.check = PlayabilityCheck.forLegend(b.legend);
        this.minPathMoves = b.minPathMoves;
        this.maxAttempts = b.maxAttempts;
        this.threads = b.threads;
    }

    /** @return a builder; {@link Builder#setLegend} and {@link Builder#setGenerator} are required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param count levels to make
     * @param seed the batch's seed
     * @param progress told the number of finished levels after each one (from pool threads); may be null
     * @return the levels, in index order
     * @throws AnimataException when the generator throws one (a setting that cannot work), or the run is
     *     interrupted
     */
    public LevelBatch generate(int count, long seed, IntConsumer progress) {
        if (count < 0) {
            throw new AnimataException("The number of levels must not be negative, was " + count);
        }
        long started = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        AtomicLong attempts = new AtomicLong();
        Map<String, AtomicLong> rejections = new java.util.concurrent.ConcurrentHashMap<>();
        ForkJoinPool pool = new ForkJoinPool(threads);
        List<GeneratedLevel> levels;
        try {
            levels = pool.submit(() -> IntStream.range(0, count).parallel().mapToObj(i -> {
                GeneratedLevel level = one(i, seed, rejections);
                attempts.addAndGet(level.attempts());
                int n = done.incrementAndGet();
                if (progress != null) {
                    progress.accept(n);
                }
                return level;
            }).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnimataException("Level generation was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AnimataException ae) {
                throw ae;
            }
            throw new AnimataException("Level generation failed: " + cause, cause);
        } finally {
            pool.shutdown();
            try {
                pool.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Map<String, Long> rejected = new TreeMap<>();
        rejections.forEach((k, v) -> rejected.put(k, v.get()));
        return new LevelBatch(levels, attempts.get(), rejected, (System.nanoTime() - started) / 1e9);
    }

    /**
     * Makes level {@code index}: attempts until one passes every check or the attempts run out.
     *
     * @return the level (accepted, or the last candidate)
     */
    public GeneratedLevel one(int index, long seed) {
        return one(index, seed, new java.util.concurrent.ConcurrentHashMap<>());
    }

    private GeneratedLevel one(int index, long seed, Map<String, AtomicLong> rejections) {
        Optional<TileGrid> last = Optional.empty();
        long lastSeed = seed;
        String why = "";
        for (int a = 0; a < maxAttempts; a++) {
            long s = Seeds.derive(seed, index, a);
            Optional<TileGrid> candidate = generator.generate(s);
            String kind;
            if (candidate.isEmpty()) {
                kind = REJECT_GENERATOR;
                why = "the generator made no level";
            } else {
                TileGrid grid = candidate.get();
                last = candidate;
                lastSeed = s;
                if (placer != null) {
                    Optional<TileGrid> placed = placer.place(grid, s);
                    if (placed.isEmpty()) {
                        reject(rejections, REJECT_PLACEMENT);
                        why = "no room for the start and goal";
                        continue;
                    }
                    grid = placed.get();
                    last = placed;
                }
                Optional<String> broken = constraints.violation(grid, legend);
                if (broken.isPresent()) {
                    kind = REJECT_CONSTRAINTS;
                    why = broken.get();
                } else {
                    Playability p = check.check(grid);
                    if (!p.isPlayable()) {
                        kind = REJECT_UNPLAYABLE;
                        why = p.reason().orElse("unplayable");
                    } else if (p.moves() < minPathMoves) {
                        kind = REJECT_SHORT;
                        why = "the path is " + p.moves() + " moves, at least " + minPathMoves + " asked";
                    } else {
                        return new GeneratedLevel(index, s, a + 1, Optional.of(grid), p, true, Optional.empty());
                    }
                }
            }
            reject(rejections, kind);
        }
        return new GeneratedLevel(index, lastSeed, maxAttempts, last, Playability.unplayable(why), false,
                Optional.of(why));
    }

    private static void reject(Map<String, AtomicLong> rejections, String kind) {
        rejections.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    /**
     * Builds a {@link LevelPipeline}.
     *
     * <p>Threading: not thread-safe; use it on one thread.
     */
    public static final class Builder {
        private Legend legend;
        private LevelGenerator generator;
        private boolean placeMarkers = true;
        private LevelConstraints constraints = LevelConstraints.NONE;
        private int minPathMoves;
        private int maxAttempts = 30;
        private int threads = Runtime.getRuntime().availableProcessors();

        private Builder() {
        }

        /** Required: what the tiles mean (playability, placement). */
        public Builder setLegend(Legend legend) {
            this.legend = legend;
            return this;
        }

        /** Required: makes the candidates; must be thread-safe. */
        public Builder setGenerator(LevelGenerator generator) {
            this.generator = generator;
            return this;
        }

        /** Optional: place a start and goal where a candidate has none (default true). */
        public Builder optPlaceMarkers(boolean placeMarkers) {
            this.placeMarkers = placeMarkers;
            return this;
        }

        /** Optional: constraints every level must meet (default none). */
        public Builder optConstraints(LevelConstraints constraints) {
            this.constraints = constraints;
            return this;
        }

        /** Optional: the shortest acceptable path from start to goal, in moves (default 0). */
        public Builder optMinPathMoves(int moves) {
            this.minPathMoves = moves;
            return this;
        }

        /** Optional: attempts per level before it is given up as unplayable (default 30). */
        public Builder optMaxAttempts(int attempts) {
            this.maxAttempts = attempts;
            return this;
        }

        /** Optional: threads in the pool (default: the machine's cores). */
        public Builder optThreads(int threads) {
            this.threads = threads;
            return this;
        }

        /**
         * @return the pipeline
         * @throws AnimataException when the legend or generator is missing, or a number is out of range
         */
        public LevelPipeline build() {
            if (legend == null || generator == null) {
                throw new AnimataException("A level pipeline needs a legend (setLegend) and a generator (setGenerator)");
            }
            if (maxAttempts < 1 || threads < 1 || minPathMoves < 0) {
                throw new AnimataException("A level pipeline needs at least 1 attempt and 1 thread and a minimum path "
                        + "of 0 or more, was " + maxAttempts + ", " + threads + ", " + minPathMoves);
            }
            return new LevelPipeline(this);
        }
    }
}
