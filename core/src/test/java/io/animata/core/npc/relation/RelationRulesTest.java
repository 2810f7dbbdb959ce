package io.animata.core.npc.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.runtime.AnimataException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RelationRulesTest {

    @Test
    void defaultsHaveTrustAffinityFearAndTheCommonEvents() {
        RelationRules rules = RelationRules.defaults();
        assertEquals(List.of("trust", "affinity", "fear"),
                rules.dimensions().stream().map(RelationDimension::name).toList());
        for (String event : List.of("gift", "attack", "help", "insult", "promise_kept", "promise_broken", "threat",
                "kind_words", "rude_words")) {
            assertTrue(rules.eventNames().contains(event), event);
        }
        assertEquals(0.6f, rules.event("attack")[rules.dimension("fear")], 1e-6);
        assertEquals(0f, rules.dimensions().get(2).min());
        assertNull(rules.event("dance"));
        assertEquals(0.3f, rules.hearsay(), 1e-6);
    }

    @Test
    void degreesFollowTheBands() {
        RelationRules rules = RelationRules.defaults();
        assertEquals(-1, rules.degree(0.1f));
        assertEquals(0, rules.degree(0.2f));
        assertEquals(1, rules.degree(-0.5f));
        assertEquals(2, rules.degree(0.9f));
    }

    @Test
    void aMinimalRuleSetParses() {
        RelationRules rules = RelationRules.parse("{\"dimensions\": [{\"name\": \"respect\", \"min\": 0, \"max\": 10,"
                + " \"baseline\": 5}], \"events\": {\"duel_won\": {\"respect\": 2}}}", "test");
        assertEquals(1, rules.dimensionCount());
        assertEquals(2f, rules.event("duel_won")[0]);
        assertEquals(5f, rules.dimensions().get(0).baseline());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"dimensions\": []}|dimensions: needs at least one dimension",
        "{\"dims\": []}|dims: unknown field",
        "{}|dimensions: missing",
        "{\"dimensions\": [{\"name\": \"trust\"}, {\"name\": \"trust\"}]}|dimensions[1].name: dimension 'trust' is defined twice",
        "{\"dimensions\": [{\"name\": \"trust\", \"min\": 1, \"max\": 0}]}|dimensions[0]: relation dimension 'trust': need min < max",
        "{\"dimensions\": [{\"name\": \"trust\", \"colour\": 1}]}|dimensions[0].colour: unknown field",
        "{\"dimensions\": [{\"name\": \"trust\"}], \"events\": {\"gift\": {\"love\": 1}}}|events.gift.love: unknown dimension",
        "{\"dimensions\": [{\"name\": \"trust\"}], \"events\": {\"gift\": {\"trust\": \"lots\"}}}|events.gift.trust: must be a number",
        "{\"dimensions\": [{\"name\": \"trust\"}], \"hearsay\": 2}|hearsay: must be between 0 and 1",
        "{\"dimensions\": [{\"name\": \"trust\"}], \"bands\": [0.5, 0.2, 0.9]}|bands: must be positive and increasing",
        "{\"dimensions\": [{\"name\": \"trust\", \"degrees\": [\"a bit\"]}]}|degrees must have 3 words",
        "{\"dimensions\": [{\"name\": \"trust\"}], \"sentiment\": {\"words\": {\"nice\": \"yes\"}}}|sentiment.words.nice: must be a number",
        "{\"dimensions\": [{\"name\": \"trust\"}],|is not valid JSON",
    })
    void malformedRulesNameTheField(String json, String expected) {
        AnimataException e = assertThrows(AnimataException.class, () -> RelationRules.parse(json, "rules.json"));
        assertTrue(e.getMessage().startsWith("relation rules rules.json"), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
