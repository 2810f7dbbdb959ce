package io.animata.runtime.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Reads a {@link StructuredReply} envelope, {@code {"say": "...", "action": {...} | null}}, as it streams in: the
 * characters of the {@code say} string are passed on (unescaped) as soon as they arrive, so the reply streams as
 * plain speech; at the end the whole text is parsed (Jackson) and the action, if any, becomes the action line. A
 * server that ignored the schema and sent plain text gets that text passed on at the end instead, so its own action
 * line can still be read.
 *
 * <p>Threading: one thread (each generation has its own).
 */
final class SayFieldStreamer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StructuredReply format;
    private final StringBuilder all = new StringBuilder(256);
    private final StringBuilder key = new StringBuilder(8);
    private final StringBuilder out = new StringBuilder(64);
    private int depth;
    private boolean inString;
    private boolean escape;
    private int unicodeLeft;
    private int unicodeValue;
    private boolean keyMode;
    private boolean expectKey;
    private boolean valueNext;
    private boolean capturing;
    private boolean sawSay;
    private String currentKey = "";

    SayFieldStreamer(StructuredReply format) {
        this.format = format;
    }

    /** @return the speech that {@code chunk} completes; empty when it holds none */
    String feed(CharSequence chunk) {
        out.setLength(0);
        all.append(chunk);
        for (int i = 0; i < chunk.length(); i++) {
            read(chunk.charAt(i));
        }
        return out.toString();
    }

    /** @return whether a {@code say} string began (the server followed the schema) */
    boolean sawSay() {
        return sawSay;
    }

    /**
     * @return what follows the speech: a newline and the action line when the envelope holds an action; the whole
     *     text when the server sent no envelope; "" otherwise (no action, or an envelope cut short)
     */
    String finish() {
        String text = all.toString().strip();
        if (!sawSay) {
            return text;
        }
        try {
            JsonNode root = JSON.readTree(text);
            JsonNode action = root == null ? null : root.get("action");
            if (action != null && action.isObject()) {
                return "\n" + format.actionLine(action);
            }
        } catch (IOException e) {
            // cut short (max tokens) or malformed: the speech stands, there is no action
        }
        return "";
    }

    private void read(char c) {
        if (inString) {
            if (escape) {
                escape = false;
                switch (c) {
                    case 'u' -> {
                        unicodeLeft = 4;
                        unicodeValue = 0;
                    }
                    case 'n' -> emit('\n');
                    case 't' -> emit('\t');
                    case 'r' -> emit('\r');
                    case 'b' -> emit('\b');
                    case 'f' -> emit('\f');
                    default -> emit(c);
                }
            } else if (unicodeLeft > 0) {
                int digit = Character.digit(c, 16);
                unicodeValue = unicodeValue * 16 + Math.max(0, digit);
                if (--unicodeLeft == 0) {
                    emit((char) unicodeValue);
                }
            } else if (c == '\\') {
                escape = true;
            } else if (c == '"') {
                inString = false;
                if (keyMode) {
                    keyMode = false;
                    currentKey = key.toString();
                }
                capturing = false;
            } else {
                emit(c);
            }
            return;
        }
        switch (c) {
            case '{', '[' -> {
                depth++;
                valueNext = false;
                if (depth == 1 && c == '{') {
                    expectKey = true;
                }
            }
            case '}', ']' -> depth--;
            case '"' -> {
                inString = true;
                if (depth == 1 && expectKey) {
                    keyMode = true;
                    key.setLength(0);
                    expectKey = false;
                } else if (depth == 1 && valueNext && currentKey.equals("say")) {
                    capturing = true;
                    sawSay = true;
                }
                valueNext = false;
            }
            case ':' -> valueNext = depth == 1;
            case ',' -> {
                if (depth == 1) {
                    expectKey = true;
                    valueNext = false;
                }
            }
            default -> {
                if (!Character.isWhitespace(c)) {
                    valueNext = false;
                }
            }
        }
    }

    private void emit(char c) {
        if (keyMode) {
            key.append(c);
        } else if (capturing) {
            out.append(c);
        }
    }
}
