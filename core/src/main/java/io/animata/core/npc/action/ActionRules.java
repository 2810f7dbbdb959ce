package io.animata.core.npc.action;

import com.badlogic.ashley.core.Entity;
import com.badlogic.gdx.utils.Array;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The verbs a game defines for its NPCs ({@link ActionDefinition}s) and the check every proposed action must pass
 * before it is applied: the verb is known, it is in this NPC's allow-list ({@link ActionsComponent}, else every known
 * verb), its arguments are exactly the declared ones with the right types and allowed values, and every precondition
 * holds in the world. Everything here comes from the game; nothing a player or a model writes can widen it.
 *
 * <p>Immutable; {@link #validate} and {@link #allowedVerbs} are called on the game thread (they read components).
 */
public final class ActionRules {
    /** No verbs: replies are speech only. */
    public static final ActionRules NONE = new ActionRules(List.of());

    private final Map<String, ActionDefinition> byVerb = new LinkedHashMap<>();
    private final List<String> verbs;

    private ActionRules(List<ActionDefinition> definitions) {
        for (ActionDefinition d : definitions) {
            if (byVerb.put(d.verb(), d) != null) {
                throw new IllegalArgumentException("action verb '" + d.verb() + "' is defined twice");
            }
        }
        this.verbs = Collections.unmodifiableList(new ArrayList<>(byVerb.keySet()));
    }

    /** @return rules with these verbs */
    public static ActionRules of(ActionDefinition... definitions) {
        return of(List.of(definitions));
    }

    /** @return rules with these verbs */
    public static ActionRules of(List<ActionDefinition> definitions) {
        return definitions.isEmpty() ? NONE : new ActionRules(definitions);
    }

    /** @return the verbs, in the order defined (unmodifiable) */
    public List<String> verbs() {
        return verbs;
    }

    /** @return whether no verb is defined */
    public boolean isEmpty() {
        return verbs.isEmpty();
    }

    /** @return the definition of {@code verb}, or null when it is not defined */
    public ActionDefinition definition(String verb) {
        return byVerb.get(verb);
    }

    /**
     * Adds the verbs {@code npc} may use, in definition order: those of its {@link ActionsComponent} that are
     * defined, or every defined verb when it has none. Game thread.
     */
    public void allowedVerbs(Entity npc, Array<String> out) {
        ActionsComponent own = npc.getComponent(ActionsComponent.class);
        for (int i = 0; i < verbs.size(); i++) {
            String v = verbs.get(i);
            if (own == null || own.allowed.contains(v, false)) {
                out.add(v);
            }
        }
    }

    /** @return whether {@code npc} may use {@code verb} (defined and in its allow-list) */
    public boolean isAllowed(Entity npc, String verb) {
        if (!byVerb.containsKey(verb)) {
            return false;
        }
        ActionsComponent own = npc.getComponent(ActionsComponent.class);
        return own == null || own.allowed.contains(verb, false);
    }

    /**
     * Checks a proposed action. Game thread; allocates only to describe a refusal.
     *
     * @param npc the NPC that would act
     * @param action the parsed action
     * @param scratch a reusable list for argument values (cleared here)
     * @return {@link ActionVerdict#ACCEPTED}, or a refusal saying what failed
     */
    public ActionVerdict validate(Entity npc, NpcAction action, Array<String> scratch) {
        ActionDefinition def = byVerb.get(action.verb());
        if (def == null) {
            return ActionVerdict.refused("unknown verb '" + action.verb() + "' (known: " + verbs + ")");
        }
        if (!isAllowed(npc, action.verb())) {
            return ActionVerdict.refused("'" + action.verb() + "' is not in this NPC's allowed actions");
        }
        for (String name : action.args().keySet()) {
            if (def.arg(name) == null) {
                return ActionVerdict.refused(action.verb() + " takes no argument '" + name + "'");
            }
        }
        for (int i = 0; i < def.args().size(); i++) {
            ActionArg arg = def.args().get(i);
            Object value = action.args().get(arg.name());
            if (value == null) {
                return ActionVerdict.refused(action.verb() + " needs argument '" + arg.name() + "'");
            }
            boolean typed = arg.type() == ArgType.TEXT ? value instanceof String : value instanceof Long;
            if (!typed) {
                return ActionVerdict.refused("argument '" + arg.name() + "' of " + action.verb() + " must be "
                        + (arg.type() == ArgType.TEXT ? "a string" : "an integer") + ", was " + value);
            }
            if (arg.isEnumerated()) {
                scratch.clear();
                arg.values(npc, scratch);
                if (!scratch.contains((String) value, false)) {
                    return ActionVerdict.refused("argument '" + arg.name() + "' of " + action.verb() + " is '" + value
                            + "', not one of " + scratch);
                }
            }
        }
        for (int i = 0; i < def.preconditions().size(); i++) {
            ActionDefinition.Precondition p = def.preconditions().get(i);
            if (!p.check().holds(npc, action)) {
                return ActionVerdict.refused("precondition of " + action.verb() + " failed: " + p.description());
            }
        }
        return ActionVerdict.ACCEPTED;
    }

    @Override
    public String toString() {
        return "ActionRules" + verbs;
    }
}
