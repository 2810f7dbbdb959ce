package io.animata.core.level.gen;

import java.util.List;
import java.util.Map;

/**
 * What a {@link LevelPipeline} run produced: the levels in index order, how many attempts it took, why attempts
 * were rejected (by kind: {@value LevelPipeline#REJECT_GENERATOR}, {@value LevelPipeline#REJECT_PLACEMENT},
 * {@value LevelPipeline#REJECT_CONSTRAINTS}, {@value LevelPipeline#REJECT_UNPLAYABLE},
 * {@value LevelPipeline#REJECT_SHORT}) and the wall time.
 *
 * <p>Threading: immutable.
 *
 * @param levels one per index
 * @param attempts attempts over all levels
 * @param rejections rejected attempts by kind
 * @param seconds wall time of the run
 */
public record LevelBatch(List<GeneratedLevel> levels, long attempts, Map<String, Long> rejections, double seconds) {
    /** @return how many levels were accepted */
    public long acceptedCount() {
        return levels.stream().filter(GeneratedLevel::accepted).count();
    }

    /** @return rejected attempts over all levels */
    public long rejectedAttempts() {
        return rejections.values().stream().mapToLong(Long::longValue).sum();
    }
}
