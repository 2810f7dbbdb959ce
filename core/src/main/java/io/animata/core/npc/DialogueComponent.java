package io.animata.core.npc;

import com.badlogic.ashley.core.Component;
import com.badlogic.gdx.utils.Pool.Poolable;
import io.animata.core.npc.action.NpcAction;
import io.animata.runtime.text.FinishReason;
import io.animata.runtime.text.SamplingConfig;
import java.util.Map;

/**
 * An NPC's side of a conversation: what it is doing ({@link #state()}), the reply being streamed ({@link #reply()},
 * growing a few words per frame), the last complete reply and its action, and the game's settings for its replies.
 * The game asks through {@link DialogueSystem#say} and reads the rest; {@link DialogueSystem} writes it.
 *
 * <p>Data only. Threading: game thread. The reply buffer is reused between replies: read it during the frame,
 * copy it to keep it.
 */
public final class DialogueComponent implements Component, Poolable {
    /** The default sampling of replies: temperature 0.7, top-k 40, top-p 0.9, repetition penalty 1.1. */
    public static final SamplingConfig DEFAULT_SAMPLING = SamplingConfig.builder().optTemperature(0.7f).optTopP(0.9f)
            .build();

    /** Most tokens per reply (default 96). */
    public int maxTokens = 96;
    /** How the reply's tokens are chosen (default {@link #DEFAULT_SAMPLING}). */
    public SamplingConfig sampling = DEFAULT_SAMPLING;
    /** Seed of the first reply's sampling; each reply uses {@code seed + replies()} so replies differ. */
    public long seed;

    DialogueState state = DialogueState.IDLE;
    /** The reply streamed so far, without the action line (or, once refused, the refusal line). */
    final StringBuilder reply = new StringBuilder(128);
    /** Everything the model sent, action line included. */
    final StringBuilder raw = new StringBuilder(128);
    String pendingLine;
    String lastLine;
    String lastReply = "";
    String action = DialogueSystem.NO_ACTION;
    String proposedAction;
    NpcAction acceptedAction;
    String actionRejection;
    FinishReason finishReason;
    boolean fallback;
    String lastError;
    long requestId;
    long replies;
    int revision;
    int slot = -1;

    /** @return what the NPC is doing */
    public DialogueState state() {
        return state;
    }

    /**
     * @return the reply as streamed so far (the whole reply once {@link #state()} is back to IDLE), without the
     *     action line; a view of a reused buffer
     */
    public CharSequence reply() {
        return reply;
    }

    /** @return a number that changes whenever {@link #reply()} changes, so a speech bubble redraws only then */
    public int revision() {
        return revision;
    }

    /** @return whether a player's line is waiting to be answered or being answered */
    public boolean isBusy() {
        return pendingLine != null || state != DialogueState.IDLE;
    }

    /** @return the player's latest line */
    public String lastLine() {
        return lastLine;
    }

    /** @return the last complete reply ("" before the first) */
    public String lastReply() {
        return lastReply;
    }

    /**
     * @return the verb of the last reply's accepted action (allowed for this NPC, arguments valid, preconditions
     *     held), or {@link DialogueSystem#NO_ACTION}
     */
    public String action() {
        return action;
    }

    /** @return the arguments of the last reply's accepted action (unmodifiable; empty when none) */
    public Map<String, Object> actionArgs() {
        return acceptedAction == null ? Map.of() : acceptedAction.args();
    }

    /** @return the last reply's accepted action, verb and arguments; null when it had none */
    public NpcAction acceptedAction() {
        return acceptedAction;
    }

    /**
     * @return what the model proposed on its last reply's action line, before validation: the verb when it parsed,
     *     else the line's text; null when the reply had no action line
     */
    public String proposedAction() {
        return proposedAction;
    }

    /**
     * @return why the last reply's proposed action was refused (unknown or disallowed verb, bad arguments, a failed
     *     precondition, malformed JSON); null when nothing was refused. A refused action's reply is the persona's
     *     refusal line.
     */
    public String actionRejection() {
        return actionRejection;
    }

    /** @return why the last reply ended; null for a fallback line or before the first */
    public FinishReason finishReason() {
        return finishReason;
    }

    /** @return whether the last reply is the persona's fallback line because the model failed */
    public boolean isFallback() {
        return fallback;
    }

    /** @return why the last reply fell back (the backend's error), or null */
    public String lastError() {
        return lastError;
    }

    /** @return replies completed (fallbacks included) */
    public long replies() {
        return replies;
    }

    @Override
    public void reset() {
        maxTokens = 96;
        sampling = DEFAULT_SAMPLING;
        seed = 0;
        state = DialogueState.IDLE;
        reply.setLength(0);
        raw.setLength(0);
        pendingLine = null;
        lastLine = null;
        lastReply = "";
        action = DialogueSystem.NO_ACTION;
        proposedAction = null;
        acceptedAction = null;
        actionRejection = null;
        finishReason = null;
        fallback = false;
        lastError = null;
        requestId = 0;
        replies = 0;
        revision = 0;
        slot = -1;
    }

    @Override
    public String toString() {
        return "DialogueComponent[" + state + ", " + replies + " replies, reply '" + reply + "']";
    }
}
