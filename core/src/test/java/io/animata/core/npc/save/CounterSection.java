package io.animata.core.npc.save;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.animata.runtime.AnimataException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plugged-in section of another system's state (say, relationships): named numbers, version 2. */
final class CounterSection implements SaveSection {
    final Map<String, Integer> values = new LinkedHashMap<>();
    int preparedFromVersion = -1;

    @Override
    public int version() {
        return 2;
    }

    @Override
    public JsonNode save(ObjectMapper json) {
        ObjectNode n = json.createObjectNode();
        values.forEach(n::put);
        return n;
    }

    @Override
    public Runnable prepare(JsonNode data, int version, ObjectMapper json) {
        if (!data.isObject()) {
            throw new AnimataException("counters are not an object");
        }
        Map<String, Integer> read = new LinkedHashMap<>();
        for (var it = data.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().isInt()) {
                throw new AnimataException("counter '" + e.getKey() + "' is not a whole number");
            }
            read.put(e.getKey(), e.getValue().intValue() * (version == 1 ? 10 : 1)); // version 1 counted in tens
        }
        return () -> {
            preparedFromVersion = version;
            values.clear();
            values.putAll(read);
        };
    }
}
