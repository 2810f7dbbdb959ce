package io.animata.core.npc.story;

import java.util.List;
import java.util.Map;

/**
 * How a story slice ended: which end, after how long, through which stages, with which events on the way.
 *
 * <p>Immutable and thread-safe.
 *
 * @param sliceId the slice's id
 * @param sliceTitle the slice's title
 * @param endId the end reached
 * @param endTitle its title
 * @param endSummary its summary (the designer's words)
 * @param seconds game time from the start to the end
 * @param frames frames from the start to the end
 * @param stages the stages entered, in order, the first included
 * @param events how often each event happened (actions as {@code npc:verb}), those that happened only
 * @param rejectedActions NPC actions the slice did not allow that NPC (ignored)
 */
public record StoryReport(String sliceId, String sliceTitle, String endId, String endTitle, String endSummary,
        double seconds, long frames, List<String> stages, Map<String, Integer> events, int rejectedActions) {

    /** @return one line for a log: {@code story 'guards-key' ended 'peaceful' after 12.3 s (stages a > b)} */
    public String summaryLine() {
        return String.format(java.util.Locale.ROOT, "story '%s' ended '%s' after %.1f s, %d frames (stages %s)",
                sliceId, endId, seconds, frames, String.join(" > ", stages));
    }
}
