/**
 * NPC actions the game can trust. A reply may end with one line
 * {@code ACTION: {"action": "<verb>", "<arg>": <value>, ...}} (or the older {@code ACTION: verb});
 * {@link io.animata.core.npc.action.ActionParser} reads it from the reply's final line only.
 *
 * <ul>
 *   <li>The game defines the verbs: {@link io.animata.core.npc.action.ActionDefinition} (arguments
 *       {@link io.animata.core.npc.action.ActionArg} with types and allowed values, preconditions
 *       {@link io.animata.core.npc.action.ActionPrecondition}), collected in
 *       {@link io.animata.core.npc.action.ActionRules}; each NPC's allow-list is its
 *       {@link io.animata.core.npc.action.ActionsComponent}; {@link io.animata.core.npc.action.InventoryComponent}
 *       holds the items it may hand over.</li>
 *   <li>{@link io.animata.core.npc.action.ActionGrammar} turns one NPC's verbs into a character automaton for
 *       constrained local decoding, a JSON schema for servers' structured output, and the rule lines for the
 *       prompt.</li>
 *   <li>{@link io.animata.core.npc.action.ActionRules#validate} decides on the game thread; an accepted action is
 *       dispatched once as an {@link io.animata.core.npc.action.NpcActionEvent}; a refused one becomes the persona's
 *       refusal line.</li>
 *   <li>{@link io.animata.core.npc.action.PlayerText} cleans the player's line before it reaches the model.</li>
 * </ul>
 *
 * <p>Threading: definitions, grammars, parsed actions and verdicts are immutable; validation, value sources,
 * preconditions and events run on the game thread ({@link io.animata.core.npc.DialogueSystem} calls them).
 */
package io.animata.core.npc.action;
