package io.animata.core.npc.action;

/** The JSON type of an action argument's value. */
public enum ArgType {
    /** A JSON string, e.g. {@code "item": "key"}. */
    TEXT,
    /** A JSON integer, e.g. {@code "price": 10}. */
    INTEGER
}
