package io.animata.core.npc.memory;

import com.badlogic.ashley.core.Entity;
import com.badlogic.ashley.utils.ImmutableArray;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.animata.core.npc.save.SaveSection;
import io.animata.runtime.AnimataException;
import io.animata.runtime.text.embed.Vectors;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every NPC's memories and the shared world knowledge, as a {@link SaveSection} (key {@link #KEY}). Each memory keeps
 * its id, kind, text, times, importance, a reflection's sources, a fact's faction, and its embedding (base64 floats),
 * with the embedding model's id: loading with the same model re-embeds nothing, loading with another one drops the
 * vectors and queues every memory to be embedded again. NPCs are keyed by {@link MemoryStreamComponent#npcId} (or
 * their persona's name); memories of an NPC that is not in the engine at load time wait until it joins.
 *
 * <pre>
 * {"embedder": "all-MiniLM-L6-v2/mean/l2", "dimensions": 384, "hours": 31.5,
 *  "world": {"nextId": 3, "facts": [{"id": 1, "kind": "KNOWLEDGE", "text": "...", "faction": "guards", ...}]},
 *  "npcs": {"mira": {"nextId": 12, "importanceSinceReflection": 14, "lastReflectionHours": 30.0,
 *                    "memories": [{"id": 1, "kind": "DIALOGUE", "text": "...", "hours": 2.0, "lastAccess": 3.5,
 *                                  "importance": 4, "embedding": "base64..."}, ...]}}}
 * </pre>
 *
 * <p>Threading: game thread (it reads and replaces the components' streams).
 */
public final class MemorySaveSection implements SaveSection {
    /** The section's key in a save. */
    public static final String KEY = "npc-memory";
    /** The section's data version. */
    public static final int VERSION = 1;
    private static final System.Logger LOG = System.getLogger(MemorySaveSection.class.getName());

    private final MemorySystem system;

    MemorySaveSection(MemorySystem system) {
        this.system = system;
    }

    @Override
    public int version() {
        return VERSION;
    }

    @Override
    public JsonNode save(ObjectMapper json) {
        ObjectNode data = json.createObjectNode();
        data.put("embedder", system.embedder().id());
        data.put("dimensions", system.embedder().dimensions());
        if (!system.usesGameClock()) {
            data.put("hours", system.hours());
        }
        WorldKnowledge world = system.worldKnowledge();
        ObjectNode w = data.putObject("world");
        w.put("nextId", world.nextId());
        ArrayNode facts = w.putArray("facts");
        for (int i = 0; i < world.size(); i++) {
            facts.add(write(json, world.get(i)));
        }
        ObjectNode npcs = data.putObject("npcs");
        ImmutableArray<Entity> entities = system.getEntities();
        for (int e = 0; e < entities.size(); e++) {
            Entity npc = entities.get(e);
            String id = system.saveId(npc);
            if (id == null) {
                LOG.log(Level.WARNING, "an NPC with memories has neither an npcId nor a persona name; its memories are "
                        + "not saved");
                continue;
            }
            if (npcs.has(id)) {
                throw new AnimataException("two NPCs are saved under the same id '" + id + "': give each "
                        + "MemoryStreamComponent its own npcId");
            }
            npcs.set(id, write(json, system.mind(npc).stream));
        }
        for (Map.Entry<String, MemoryStream> parked : system.unclaimed().entrySet()) {
            if (!npcs.has(parked.getKey())) {
                npcs.set(parked.getKey(), write(json, parked.getValue()));
            }
        }
        return data;
    }

    private static ObjectNode write(ObjectMapper json, MemoryStream stream) {
        ObjectNode s = json.createObjectNode();
        s.put("nextId", stream.nextId());
        s.put("importanceSinceReflection", stream.importanceSinceReflection());
        if (!Double.isNaN(stream.lastReflectionHours())) {
            s.put("lastReflectionHours", stream.lastReflectionHours());
        }
        ArrayNode memories = s.putArray("memories");
        for (int i = 0; i < stream.size(); i++) {
            memories.add(write(json, stream.get(i)));
        }
        return s;
    }

    private static ObjectNode write(ObjectMapper json, Memory m) {
        ObjectNode n = json.createObjectNode();
        n.put("id", m.id());
        n.put("kind", m.kind().name());
        n.put("text", m.text());
        n.put("hours", m.hours());
        n.put("lastAccess", m.lastAccessHours());
        n.put("importance", m.importance());
        if (m.sourceCount() > 0) {
            ArrayNode sources = n.putArray("sources");
            for (int i = 0; i < m.sourceCount(); i++) {
                sources.add(m.source(i));
            }
        }
        if (m.faction() != null) {
            n.put("faction", m.faction());
        }
        if (m.embedding != null) {
            n.put("embedding", Vectors.toBase64(m.embedding));
        }
        return n;
    }

    @Override
    public Runnable prepare(JsonNode data, int version, ObjectMapper json) {
        if (!data.isObject()) {
            throw new AnimataException("npc-memory data is not an object");
        }
        String embedderId = text(data, "embedder", "npc-memory");
        int dimensions = (int) integer(data, "dimensions", "npc-memory");
        if (dimensions < 1) {
            throw new AnimataException("npc-memory: \"dimensions\" must be at least 1, was " + dimensions);
        }
        boolean sameModel = embedderId.equals(system.embedder().id()) && dimensions == system.embedder().dimensions();
        JsonNode hoursNode = data.get("hours");
        WorldKnowledge world = new WorldKnowledge();
        JsonNode w = object(data, "world", "npc-memory");
        for (JsonNode f : array(w, "facts", "world")) {
            world.restore(read(f, "world fact", sameModel, dimensions));
        }
        world.restoreNextId(integer(w, "nextId", "world"));
        Map<String, MemoryStream> streams = new LinkedHashMap<>();
        JsonNode npcs = object(data, "npcs", "npc-memory");
        for (var it = npcs.fields(); it.hasNext(); ) {
            var e = it.next();
            String where = "NPC '" + e.getKey() + "'";
            JsonNode s = e.getValue();
            if (!s.isObject()) {
                throw new AnimataException(where + " is not an object");
            }
            MemoryStream stream = new MemoryStream();
            long lastId = 0;
            for (JsonNode m : array(s, "memories", where)) {
                Memory memory = read(m, where + " memory", sameModel, dimensions);
                if (memory.id() <= lastId) {
                    throw new AnimataException(where + " memory ids are not increasing at id " + memory.id());
                }
                lastId = memory.id();
                stream.restore(memory);
            }
            JsonNode lr = s.get("lastReflectionHours");
            stream.restoreCounters(integer(s, "nextId", where), (int) integer(s, "importanceSinceReflection", where),
                    lr == null || !lr.isNumber() ? Double.NaN : lr.doubleValue());
            streams.put(e.getKey(), stream);
        }
        if (!sameModel) {
            LOG.log(Level.INFO, "the save's memories were embedded with '" + embedderId + "' (" + dimensions
                    + " floats); this game uses '" + system.embedder().id() + "': they will be embedded again");
        }
        return () -> apply(world, streams, hoursNode);
    }

    private void apply(WorldKnowledge world, Map<String, MemoryStream> streams, JsonNode hours) {
        system.worldKnowledge().copyFrom(world);
        if (hours != null && hours.isNumber() && !system.usesGameClock()) {
            system.setHours(hours.doubleValue());
        }
        system.unclaimed().clear();
        ImmutableArray<Entity> entities = system.getEntities();
        for (int e = 0; e < entities.size(); e++) {
            Entity npc = entities.get(e);
            MemoryStreamComponent mind = system.mind(npc);
            String id = system.saveId(npc);
            MemoryStream saved = id == null ? null : streams.remove(id);
            mind.recall.clear();
            mind.pendingLine = null;
            mind.querySerial++;
            mind.reflecting = false;
            mind.generation++; // answers in flight belong to the state before the load
            if (saved != null) {
                mind.stream.copyFrom(saved);
            } else {
                mind.stream.clear();
            }
        }
        for (Map.Entry<String, MemoryStream> left : streams.entrySet()) {
            system.park(left.getKey(), left.getValue());
        }
    }

    private static Memory read(JsonNode n, String where, boolean keepEmbedding, int dimensions) {
        if (!n.isObject()) {
            throw new AnimataException(where + " is not an object");
        }
        long id = integer(n, "id", where);
        String kindName = text(n, "kind", where);
        MemoryKind kind;
        try {
            kind = MemoryKind.valueOf(kindName);
        } catch (IllegalArgumentException e) {
            throw new AnimataException(where + " " + id + " has an unknown kind '" + kindName + "'");
        }
        int importance = (int) integer(n, "importance", where);
        if (importance < Memory.MIN_IMPORTANCE || importance > Memory.MAX_IMPORTANCE) {
            throw new AnimataException(where + " " + id + " has importance " + importance + ", outside 1..10");
        }
        long[] sources = null;
        JsonNode s = n.get("sources");
        if (s != null) {
            if (!s.isArray()) {
                throw new AnimataException(where + " " + id + ": \"sources\" is not an array");
            }
            sources = new long[s.size()];
            for (int i = 0; i < sources.length; i++) {
                sources[i] = s.get(i).asLong();
            }
        }
        JsonNode f = n.get("faction");
        Memory m = new Memory(id, kind, text(n, "text", where), number(n, "hours", where), importance, sources,
                f == null || f.isNull() ? null : f.asText());
        JsonNode last = n.get("lastAccess");
        if (last != null && last.isNumber()) {
            m.lastAccessHours = last.doubleValue();
        }
        JsonNode e = n.get("embedding");
        if (e != null && keepEmbedding) {
            try {
                m.embedding = Vectors.fromBase64(e.asText(), dimensions);
            } catch (AnimataException bad) {
                throw new AnimataException(where + " " + id + ": " + bad.getMessage(), bad);
            }
        }
        return m;
    }

    private static JsonNode object(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isObject()) {
            throw new AnimataException(where + ": \"" + field + "\" is missing or not an object");
        }
        return v;
    }

    private static JsonNode array(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isArray()) {
            throw new AnimataException(where + ": \"" + field + "\" is missing or not an array");
        }
        return v;
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new AnimataException(where + ": \"" + field + "\" is missing or not a text");
        }
        return v.asText();
    }

    private static long integer(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber()) {
            throw new AnimataException(where + ": \"" + field + "\" is missing or not a whole number");
        }
        return v.longValue();
    }

    private static double number(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber()) {
            throw new AnimataException(where + ": \"" + field + "\" is missing or not a number");
        }
        return v.doubleValue();
    }
}
