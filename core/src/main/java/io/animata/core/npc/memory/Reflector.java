package io.animata.core.npc.memory;

import io.animata.runtime.text.ChatMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an NPC reflects: which memories it thinks about (the most important of its recent ones), the prompt that asks a
 * language model for one to three short insights about them, how the reply is read (one insight per line, with
 * "(because of 1, 3)" naming its sources), and the extractive summary used without a model (the most important
 * memories, in one reflection).
 *
 * <p>Threading: game thread; allocates (reflections are rare).
 */
public final class Reflector {
    private static final Pattern BECAUSE = Pattern.compile("\\(\\s*because of ([0-9,\\s and]+)\\)\\s*\\.?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING_MARK = Pattern.compile("^\\s*(?:[-*\u2022]+|\\d+[.)]|insight\\s*\\d*:)\\s*",
            Pattern.CASE_INSENSITIVE);
    private final int recentWindow;
    private final int maxSources;
    private final int extractiveCount;

    /**
     * @param recentWindow how many of the latest memories are looked at
     * @param maxSources how many of them (the most important) the NPC reflects on
     * @param extractiveCount how many go into an extractive summary
     */
    public Reflector(int recentWindow, int maxSources, int extractiveCount) {
        if (recentWindow < 1 || maxSources < 1 || extractiveCount < 1) {
            throw new IllegalArgumentException("reflection sizes must be at least 1: window " + recentWindow
                    + ", sources " + maxSources + ", extractive " + extractiveCount);
        }
        this.recentWindow = recentWindow;
        this.maxSources = maxSources;
        this.extractiveCount = extractiveCount;
    }

    /** Looks at the last 40 memories, reflects on the 8 most important, summarises 3 without a model. */
    public static Reflector defaults() {
        return new Reflector(40, 8, 3);
    }

    /**
     * @return the memories to reflect on: the most important of the recent ones (reflections included, so insights
     *     can build on insights), in the order they happened
     */
    public List<Memory> sources(MemoryStream stream) {
        List<Memory> recent = new ArrayList<>();
        for (int i = Math.max(0, stream.size() - recentWindow); i < stream.size(); i++) {
            recent.add(stream.get(i));
        }
        recent.sort(Comparator.comparingInt(Memory::importance).reversed().thenComparing(Comparator
                .comparingDouble(Memory::hours).reversed()));
        List<Memory> chosen = new ArrayList<>(recent.subList(0, Math.min(maxSources, recent.size())));
        chosen.sort(Comparator.comparingLong(Memory::id));
        return chosen;
    }

    /** @return the conversation asking the model for one to three insights about {@code sources} */
    public List<ChatMessage> prompt(String npcName, List<Memory> sources) {
        String name = npcName == null || npcName.isBlank() ? "the character" : npcName.strip();
        StringBuilder user = new StringBuilder(256);
        user.append("Things ").append(name).append(" remembers:\n");
        for (int i = 0; i < sources.size(); i++) {
            user.append(i + 1).append(". ").append(sources.get(i).text()).append('\n');
        }
        user.append("\nWhat 1 to 3 short insights can ").append(name).append(" draw from these memories? Write each on"
                + " its own line, in the first person, ending with the numbers of the memories it comes from, like:\n"
                + "I can trust the traveller (because of 1, 3)");
        return List.of(ChatMessage.system("You are the inner thoughts of " + name + ", a character in a game. Answer"
                + " with the insights only."), ChatMessage.user(user.toString()));
    }

    /** An insight read from a model's reply, with the ids of its sources. */
    public record Insight(String text, long[] sources) {
    }

    /**
     * Reads a model's reply: at most three non-empty lines, list marks removed; "(because of 1, 3)" picks sources by
     * their number in the prompt (numbers out of range are ignored; none or no valid one means all sources).
     */
    public List<Insight> parse(String reply, List<Memory> sources) {
        List<Insight> insights = new ArrayList<>();
        for (String line : reply.split("\\R")) {
            if (insights.size() == 3) {
                break;
            }
            String text = LEADING_MARK.matcher(line).replaceFirst("").strip();
            long[] ids = null;
            Matcher because = BECAUSE.matcher(text);
            if (because.find()) {
                ids = pick(because.group(1), sources);
                text = text.substring(0, because.start()).strip();
            }
            if (text.length() < 3) {
                continue;
            }
            if (ids == null || ids.length == 0) {
                ids = allIds(sources);
            }
            insights.add(new Insight(text, ids));
        }
        return insights;
    }

    private static long[] pick(String numbers, List<Memory> sources) {
        List<Long> ids = new ArrayList<>();
        for (String part : numbers.toLowerCase(Locale.ROOT).replace("and", ",").split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            try {
                int n = Integer.parseInt(part);
                if (n >= 1 && n <= sources.size() && !ids.contains(sources.get(n - 1).id())) {
                    ids.add(sources.get(n - 1).id());
                }
            } catch (NumberFormatException ignored) {
                // a stray word: the numbers that parse are enough
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    private static long[] allIds(List<Memory> sources) {
        long[] ids = new long[sources.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = sources.get(i).id();
        }
        return ids;
    }

    /**
     * The summary without a model: the {@code extractiveCount} most important sources in one reflection, "What
     * matters most lately: A; B; C".
     */
    public Insight extractive(List<Memory> sources) {
        List<Memory> top = new ArrayList<>(sources);
        top.sort(Comparator.comparingInt(Memory::importance).reversed().thenComparing(Comparator
                .comparingDouble(Memory::hours).reversed()));
        top = top.subList(0, Math.min(extractiveCount, top.size()));
        StringBuilder text = new StringBuilder("What matters most lately: ");
        long[] ids = new long[top.size()];
        for (int i = 0; i < top.size(); i++) {
            String t = top.get(i).text();
            if (t.endsWith(".")) {
                t = t.substring(0, t.length() - 1);
            }
            text.append(i == 0 ? "" : "; ").append(t);
            ids[i] = top.get(i).id();
        }
        return new Insight(text.append('.').toString(), ids);
    }

    /** @return a reflection's importance: the highest of its sources' */
    public static int importanceOf(long[] ids, MemoryStream stream) {
        int best = Memory.MIN_IMPORTANCE;
        for (long id : ids) {
            Memory m = stream.find(id);
            if (m != null) {
                best = Math.max(best, m.importance());
            }
        }
        return best;
    }
}
