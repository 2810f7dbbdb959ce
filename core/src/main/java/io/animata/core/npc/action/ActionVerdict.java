package io.animata.core.npc.action;

/**
 * Whether an NPC's proposed action may happen, and if not, why (for the log and for tests).
 *
 * @param accepted whether it may happen
 * @param reason why not; "" when accepted
 */
public record ActionVerdict(boolean accepted, String reason) {
    /** The verdict of an accepted action. */
    public static final ActionVerdict ACCEPTED = new ActionVerdict(true, "");

    /** @return a refusal for {@code why} */
    public static ActionVerdict refused(String why) {
        return new ActionVerdict(false, why);
    }
}
