package io.animata.runtime.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Fits a conversation into a token budget without failing: first the oldest turns between the leading system
 * messages and the last message are dropped, one at a time (a conversation then restarts with a user turn); if
 * the system messages and the last message alone are still too long, the system text is cut from its end (world
 * facts come after the persona, so they go first) and then the last message from its start. Backends call it on
 * their worker before reading the prompt; a game keeps its conversations going however long they get.
 *
 * <p>Threading: stateless; the token counter is called on the calling thread.
 */
public final class PromptFitter {
    private static final int MAX_TRUNCATION_ROUNDS = 24;

    private PromptFitter() {
    }

    /**
     * What {@link #fit} made of a conversation.
     *
     * @param messages the conversation that fits (the input itself when it already did)
     * @param droppedMessages how many of the oldest turns were left out
     * @param truncated whether a system message or the last message had to be cut
     */
    public record Fitted(List<ChatMessage> messages, int droppedMessages, boolean truncated) {
    }

    /**
     * @param messages the conversation, oldest first
     * @param tokenCount counts the tokens of a conversation as the model will see it (rendered with its template)
     * @param budget the most tokens the prompt may take
     * @return the conversation that fits, or the shortest one this method can make (the backend then keeps the
     *     prompt's last {@code budget} tokens)
     */
    public static Fitted fit(List<ChatMessage> messages, ToIntFunction<List<ChatMessage>> tokenCount, int budget) {
        if (tokenCount.applyAsInt(messages) <= budget) {
            return new Fitted(messages, 0, false);
        }
        int systemCount = 0;
        while (systemCount < messages.size() - 1 && messages.get(systemCount).role() == ChatRole.SYSTEM) {
            systemCount++;
        }
        List<ChatMessage> head = new ArrayList<>(messages.subList(0, systemCount));
        List<ChatMessage> turns = new ArrayList<>(messages.subList(systemCount, messages.size() - 1));
        ChatMessage last = messages.get(messages.size() - 1);
        int dropped = 0;
        while (!turns.isEmpty()) {
            turns.remove(0);
            dropped++;
            while (!turns.isEmpty() && turns.get(0).role() == ChatRole.ASSISTANT) {
                turns.remove(0); // a reply whose question is gone
                dropped++;
            }
            List<ChatMessage> candidate = join(head, turns, last);
            if (tokenCount.applyAsInt(candidate) <= budget) {
                return new Fitted(candidate, dropped, false);
            }
        }
        // only the system messages and the last message are left: cut them
        for (int round = 0; round < MAX_TRUNCATION_ROUNDS; round++) {
            List<ChatMessage> candidate = join(head, turns, last);
            int count = tokenCount.applyAsInt(candidate);
            if (count <= budget) {
                return new Fitted(candidate, dropped, true);
            }
            double keep = Math.max(0.0, Math.min(0.9, 0.95 * budget / count));
            int longest = -1;
            for (int i = 0; i < head.size(); i++) {
                if (longest < 0 || head.get(i).content().length() > head.get(longest).content().length()) {
                    longest = i;
                }
            }
            if (longest >= 0 && head.get(longest).content().length() > 0) {
                String text = head.get(longest).content();
                head.set(longest, new ChatMessage(ChatRole.SYSTEM, text.substring(0, (int) (text.length() * keep))));
            } else if (last.content().length() > 0) {
                String text = last.content();
                last = new ChatMessage(last.role(), text.substring(text.length() - (int) (text.length() * keep)));
            } else {
                break;
            }
        }
        return new Fitted(join(head, turns, last), dropped, true);
    }

    private static List<ChatMessage> join(List<ChatMessage> head, List<ChatMessage> turns, ChatMessage last) {
        List<ChatMessage> all = new ArrayList<>(head.size() + turns.size() + 1);
        all.addAll(head);
        all.addAll(turns);
        all.add(last);
        return all;
    }
}
