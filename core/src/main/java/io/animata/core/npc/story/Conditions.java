package io.animata.core.npc.story;

import com.fasterxml.jackson.databind.JsonNode;
import io.animata.core.npc.relation.JsonFields;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Reads conditions from a slice's JSON, and the condition kinds. Package-private: slices are the API. */
final class Conditions {
    static final List<String> KINDS = List.of("flag", "var", "item", "npc", "relation", "event", "action", "stage",
            "all", "any", "not");
    private static final List<String> OPS = List.of(">=", "<=", ">", "<", "==", "!=");

    private Conditions() {
    }

    /** Reads the condition at {@code path}; {@code stages} are the slice's stage ids (for "stage" conditions). */
    static Condition parse(JsonFields f, JsonNode node, String path, List<String> stages) {
        if (node == null || !node.isObject()) {
            throw f.error(path, "a condition must be an object such as {\"flag\": \"door_open\"}; kinds: "
                    + String.join(", ", KINDS));
        }
        String kind = null;
        for (String k : KINDS) {
            if (node.has(k)) {
                if (kind != null) {
                    throw f.error(path, "a condition has one kind, found both '" + kind + "' and '" + k
                            + "'; combine them with {\"all\": [...]}");
                }
                kind = k;
            }
        }
        if (kind == null) {
            String first = node.fieldNames().hasNext() ? node.fieldNames().next() : "";
            throw f.error(path, "unknown condition" + (first.isEmpty() ? "" : " '" + first + "'") + "; kinds: "
                    + String.join(", ", KINDS));
        }
        switch (kind) {
            case "all", "any" -> {
                JsonNode list = f.array(node, path, kind, true);
                f.onlyFields(node, path, Set.of(kind));
                if (list.isEmpty()) {
                    throw f.error(JsonFields.join(path, kind), "needs at least one condition");
                }
                List<Condition> parts = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    parts.add(parse(f, list.get(i), JsonFields.at(JsonFields.join(path, kind), i), stages));
                }
                return new Group(kind.equals("all"), parts.toArray(new Condition[0]));
            }
            case "not" -> {
                f.onlyFields(node, path, Set.of("not"));
                return new Not(parse(f, node.get("not"), JsonFields.join(path, "not"), stages));
            }
            case "flag" -> {
                f.onlyFields(node, path, Set.of("flag", "is"));
                return new Flag(f.text(node.get("flag"), JsonFields.join(path, "flag")),
                        f.bool(node, path, "is", true));
            }
            case "var" -> {
                Compare c = compare(f, node, path, Set.of("var"), true);
                return new Var(f.text(node.get("var"), JsonFields.join(path, "var")), c);
            }
            case "item" -> {
                f.onlyFields(node, path, Set.of("item", "heldBy"));
                return new Item(f.text(node.get("item"), JsonFields.join(path, "item")),
                        f.text(node, path, "heldBy", null));
            }
            case "npc" -> {
                f.onlyFields(node, path, Set.of("npc", "state"));
                return new NpcState(f.text(node.get("npc"), JsonFields.join(path, "npc")),
                        f.text(node, path, "state", null));
            }
            case "relation" -> {
                Compare c = compare(f, node, path, Set.of("relation", "toward", "dimension"), true);
                return new Relation(f.text(node.get("relation"), JsonFields.join(path, "relation")),
                        f.text(node, path, "toward", "player"), f.text(node, path, "dimension", null), c);
            }
            case "event" -> {
                Compare c = compare(f, node, path, Set.of("event"), false);
                return new Event(f.text(node.get("event"), JsonFields.join(path, "event")), c);
            }
            case "action" -> {
                Compare c = compare(f, node, path, Set.of("action", "by", "with"), false);
                String by = f.text(node, path, "by", null);
                String verb = f.text(node.get("action"), JsonFields.join(path, "action"));
                JsonNode with = f.object(node, path, "with", false);
                if (with == null) {
                    return new Event(StorySystem.actionEvent(by, verb), c);
                }
                // each argument is counted as its own event when an accepted action carries it
                List<Condition> parts = new ArrayList<>();
                for (Iterator<java.util.Map.Entry<String, JsonNode>> it = with.fields(); it.hasNext();) {
                    java.util.Map.Entry<String, JsonNode> arg = it.next();
                    JsonNode v = arg.getValue();
                    String at = JsonFields.join(JsonFields.join(path, "with"), arg.getKey());
                    if (!v.isTextual() && !v.isIntegralNumber()) {
                        throw f.error(at, "an argument value is a text or a whole number, was " + v);
                    }
                    parts.add(new Event(StorySystem.actionEvent(by, verb, arg.getKey(),
                            v.isTextual() ? v.asText() : Long.toString(v.asLong())), c));
                }
                if (parts.isEmpty()) {
                    throw f.error(JsonFields.join(path, "with"), "names no argument; leave it out to match any");
                }
                return parts.size() == 1 ? parts.get(0) : new Group(true, parts.toArray(new Condition[0]));
            }
            case "stage" -> {
                f.onlyFields(node, path, Set.of("stage"));
                String id = f.text(node.get("stage"), JsonFields.join(path, "stage"));
                int index = stages.indexOf(id);
                if (index < 0) {
                    throw f.error(JsonFields.join(path, "stage"), "no stage '" + id + "'; stages are "
                            + String.join(", ", stages));
                }
                return new Stage(id, index);
            }
            default -> throw new IllegalStateException(kind);
        }
    }

    /** Reads the one comparison of a var/relation/event condition; events default to {@code ">=": 1}. */
    private static Compare compare(JsonFields f, JsonNode node, String path, Set<String> fields, boolean required) {
        String op = null;
        for (String o : OPS) {
            if (node.has(o)) {
                if (op != null) {
                    throw f.error(path, "one comparison per condition, found '" + op + "' and '" + o + "'");
                }
                op = o;
            }
        }
        java.util.HashSet<String> allowed = new java.util.HashSet<>(fields);
        if (op != null) {
            allowed.add(op);
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!allowed.contains(n)) {
                throw f.error(JsonFields.join(path, n), "unknown field; expected " + String.join(", ", fields)
                        + " and one comparison of " + String.join(" ", OPS));
            }
        }
        if (op == null) {
            if (required) {
                throw f.error(path, "needs a comparison, one of " + String.join(" ", OPS) + ", e.g. \">=\": 0.5");
            }
            return new Compare(">=", 1);
        }
        return new Compare(op, f.number(node.get(op), JsonFields.join(path, op)));
    }

    record Compare(String op, double value) {
        boolean test(double x) {
            return switch (op) {
                case ">=" -> x >= value;
                case "<=" -> x <= value;
                case ">" -> x > value;
                case "<" -> x < value;
                case "==" -> x == value;
                default -> x != value;
            };
        }

        @Override
        public String toString() {
            return op + " " + value;
        }
    }

    static final class Group implements Condition {
        private final boolean all;
        private final Condition[] parts;

        Group(boolean all, Condition[] parts) {
            this.all = all;
            this.parts = parts;
        }

        @Override
        public void bind(StorySystem story) {
            for (Condition c : parts) {
                c.bind(story);
            }
        }

        @Override
        public boolean holds(StorySystem story) {
            for (Condition c : parts) {
                if (c.holds(story) != all) {
                    return !all;
                }
            }
            return all;
        }
    }

    static final class Not implements Condition {
        private final Condition inner;

        Not(Condition inner) {
            this.inner = inner;
        }

        @Override
        public void bind(StorySystem story) {
            inner.bind(story);
        }

        @Override
        public boolean holds(StorySystem story) {
            return !inner.holds(story);
        }
    }

    static final class Flag implements Condition {
        private final String name;
        private final boolean is;
        private int index = -1;

        Flag(String name, boolean is) {
            this.name = name;
            this.is = is;
        }

        @Override
        public void bind(StorySystem story) {
            index = story.world().flagIndex(name);
        }

        @Override
        public boolean holds(StorySystem story) {
            return story.world().flagAt(index) == is;
        }
    }

    static final class Var implements Condition {
        private final String name;
        private final Compare compare;
        private int index = -1;

        Var(String name, Compare compare) {
            this.name = name;
            this.compare = compare;
        }

        @Override
        public void bind(StorySystem story) {
            index = story.world().varIndex(name);
        }

        @Override
        public boolean holds(StorySystem story) {
            return compare.test(story.world().varAt(index));
        }
    }

    static final class Item implements Condition {
        private final String item;
        private final String holder;
        private int index = -1;

        Item(String item, String holder) {
            this.item = item;
            this.holder = holder;
        }

        @Override
        public void bind(StorySystem story) {
            index = story.world().itemIndex(item);
        }

        @Override
        public boolean holds(StorySystem story) {
            return holder.equals(story.world().holderAt(index));
        }
    }

    static final class NpcState implements Condition {
        private final String npc;
        private final String state;
        private int index = -1;

        NpcState(String npc, String state) {
            this.npc = npc;
            this.state = state;
        }

        @Override
        public void bind(StorySystem story) {
            index = story.world().npcIndex(npc);
        }

        @Override
        public boolean holds(StorySystem story) {
            return state.equals(story.world().npcStateAt(index));
        }
    }

    static final class Event implements Condition {
        private final String name;
        private final Compare compare;
        private int index = -1;

        Event(String name, Compare compare) {
            this.name = name;
            this.compare = compare;
        }

        @Override
        public void bind(StorySystem story) {
            index = story.world().eventIndex(name);
        }

        @Override
        public boolean holds(StorySystem story) {
            return compare.test(story.world().eventCountAt(index));
        }
    }

    static final class Stage implements Condition {
        private final String id;
        private final int index;

        Stage(String id, int index) {
            this.id = id;
            this.index = index;
        }

        @Override
        public void bind(StorySystem story) {
        }

        @Override
        public boolean holds(StorySystem story) {
            return story.stageIndex() >= index;
        }

        @Override
        public String toString() {
            return "stage " + id;
        }
    }

    static final class Relation implements Condition {
        private final String npc;
        private final String toward;
        private final String dimension;
        private final Compare compare;
        private int slot = -1;
        private int dim = -1;

        Relation(String npc, String toward, String dimension, Compare compare) {
            this.npc = npc;
            this.toward = toward;
            this.dimension = dimension;
            this.compare = compare;
        }

        @Override
        public void bind(StorySystem story) {
            slot = story.requireCastSlot(npc, "a relation condition");
            dim = story.requireRelations("a relation condition on '" + npc + "'").rules().requireDimension(dimension);
        }

        @Override
        public boolean holds(StorySystem story) {
            return compare.test(story.relationValue(slot, toward, dim));
        }
    }
}
