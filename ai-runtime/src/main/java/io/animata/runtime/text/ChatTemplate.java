package io.animata.runtime.text;

import io.animata.runtime.AnimataException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Renders a conversation into the prompt format a chat model was trained on, as the model's own Jinja template
 * ({@code chat_template} in {@code tokenizer_config.json}) does, with the generation prompt for the assistant's
 * turn appended. Each template also names the strings that end the assistant's turn ({@link #stopStrings()}).
 *
 * <p>Message contents are data, never markup: {@link #render} removes the family's control markers (and anything
 * shaped like {@code <|name|>}) from them, so a player who types {@code <|im_end|>} cannot end the system prompt.
 *
 * <p>Threading: immutable and thread-safe.
 *
 * <pre>{@code
 * ChatTemplate template = ChatTemplate.detect(chatTemplateJinja, "qwen2");    // CHATML
 * String prompt = template.render(List.of(ChatMessage.system("Be brief."), ChatMessage.user("Hi")));
 * }</pre>
 */
public enum ChatTemplate {
    /**
     * ChatML, as Qwen 2 and 2.5 use it: {@code <|im_start|>role\ncontent<|im_end|>\n} per message (no default
     * system message is added).
     */
    CHATML(List.of("<|im_end|>", "<|endoftext|>"), List.of("<|im_start|>", "<|im_end|>", "<|endoftext|>"),
            List.of("<|im_start|>")) {
        @Override
        void renderTo(List<ChatMessage> messages, StringBuilder out) {
            for (ChatMessage m : messages) {
                out.append("<|im_start|>").append(roleName(m.role())).append('\n')
                        .append(clean(m.content())).append("<|im_end|>\n");
            }
            out.append("<|im_start|>assistant\n");
        }
    },
    /**
     * Llama 3 instruct: {@code <|begin_of_text|>} once, then
     * {@code <|start_header_id|>role<|end_header_id|>\n\ncontent<|eot_id|>} per message, contents trimmed.
     */
    LLAMA3(List.of("<|eot_id|>", "<|end_of_text|>"),
            List.of("<|begin_of_text|>", "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>", "<|end_of_text|>"),
            List.of("<|start_header_id|>")) {
        @Override
        void renderTo(List<ChatMessage> messages, StringBuilder out) {
            out.append("<|begin_of_text|>");
            for (ChatMessage m : messages) {
                out.append("<|start_header_id|>").append(roleName(m.role())).append("<|end_header_id|>\n\n")
                        .append(clean(m.content()).strip()).append("<|eot_id|>");
            }
            out.append("<|start_header_id|>assistant<|end_header_id|>\n\n");
        }
    },
    /**
     * Mistral instruct (v0.1 to v0.3): {@code <s>[INST] user [/INST]assistant</s>}. The template has no system
     * role: system messages are put before the first user message, separated by a blank line. Consecutive messages
     * of one role are joined the same way, since the template needs user and assistant to alternate.
     */
    MISTRAL(List.of("</s>"), List.of("<s>", "</s>", "[INST]", "[/INST]"), List.of()) {
        @Override
        void renderTo(List<ChatMessage> messages, StringBuilder out) {
            StringBuilder system = new StringBuilder();
            List<ChatMessage> turns = new ArrayList<>();
            for (ChatMessage m : messages) {
                String content = clean(m.content());
                if (m.role() == ChatRole.SYSTEM) {
                    system.append(system.length() == 0 ? "" : "\n\n").append(content);
                } else if (!turns.isEmpty() && turns.get(turns.size() - 1).role() == m.role()) {
                    ChatMessage last = turns.remove(turns.size() - 1);
                    turns.add(new ChatMessage(m.role(), last.content() + "\n\n" + content));
                } else {
                    turns.add(new ChatMessage(m.role(), content));
                }
            }
            out.append("<s>");
            boolean systemPending = system.length() > 0;
            if (turns.isEmpty() || turns.get(0).role() != ChatRole.USER) {
                turns.add(0, ChatMessage.user(""));
            }
            for (ChatMessage m : turns) {
                if (m.role() == ChatRole.USER) {
                    out.append("[INST] ");
                    if (systemPending) {
                        out.append(system).append(m.content().isEmpty() ? "" : "\n\n");
                        systemPending = false;
                    }
                    out.append(m.content()).append(" [/INST]");
                } else {
                    out.append(m.content()).append("</s>");
                }
            }
        }
    },
    /** Phi-3 and Phi-3.5 instruct: {@code <|role|>\ncontent<|end|>\n} per message. */
    PHI3(List.of("<|end|>", "<|endoftext|>"),
            List.of("<|system|>", "<|user|>", "<|assistant|>", "<|end|>", "<|endoftext|>"),
            List.of("<|system|>", "<|user|>", "<|assistant|>")) {
        @Override
        void renderTo(List<ChatMessage> messages, StringBuilder out) {
            for (ChatMessage m : messages) {
                out.append("<|").append(roleName(m.role())).append("|>\n").append(clean(m.content())).append("<|end|>\n");
            }
            out.append("<|assistant|>\n");
        }
    },
    /**
     * For models without a chat template (base models, small models trained on plain dialogue): system messages
     * as paragraphs, then {@code User: ...} and {@code Assistant: ...} lines, ending with {@code Assistant:}.
     */
    PLAIN(List.of("\nUser:", "\nAssistant:"), List.of(), List.of()) {
        @Override
        void renderTo(List<ChatMessage> messages, StringBuilder out) {
            for (ChatMessage m : messages) {
                String content = clean(m.content()).strip();
                switch (m.role()) {
                    case SYSTEM -> out.append(content).append("\n\n");
                    case USER -> out.append("User: ").append(oneParagraph(content)).append('\n');
                    case ASSISTANT -> out.append("Assistant: ").append(oneParagraph(content)).append('\n');
                    default -> throw new IllegalStateException(m.role().toString());
                }
            }
            out.append("Assistant:");
        }
    };

    /** Anything shaped like a special token of these families, e.g. {@code <|im_start|>}. */
    private static final Pattern SPECIAL = Pattern.compile("<\\|[A-Za-z0-9_\\-]{1,40}\\|>");

    private final List<String> stopStrings;
    private final List<String> markers;
    private final List<String> turnMarkers;

    ChatTemplate(List<String> stopStrings, List<String> markers, List<String> turnMarkers) {
        this.stopStrings = stopStrings;
        this.markers = markers;
        this.turnMarkers = turnMarkers;
    }

    abstract void renderTo(List<ChatMessage> messages, StringBuilder out);

    /**
     * Renders a conversation with the generation prompt of the assistant's turn at the end. Control markers are
     * removed from the contents first.
     *
     * @param messages the conversation, oldest first; at least one message
     * @return the prompt text, to be tokenised without adding special tokens
     */
    public String render(List<ChatMessage> messages) {
        if (messages == null || messages.isEmpty()) {
            throw new IllegalArgumentException("a conversation needs at least one message");
        }
        StringBuilder out = new StringBuilder(64);
        renderTo(messages, out);
        return out.toString();
    }

    /** @return the strings that end the assistant's turn in this format */
    public List<String> stopStrings() {
        return stopStrings;
    }

    /**
     * @return the special tokens that start a turn in this format (a rendered prompt can be cut before each and the
     *     pieces tokenised alone, {@link PromptEncoder}); empty where turns start with plain text ({@link #MISTRAL}'s
     *     {@code [INST]} is text in older tokenizers, {@link #PLAIN})
     */
    public List<String> turnMarkers() {
        return turnMarkers;
    }

    /** @return whether the rendered prompt starts with the beginning-of-sequence token itself */
    public boolean rendersBos() {
        return this == LLAMA3 || this == MISTRAL;
    }

    /**
     * @return {@code content} with this family's control markers, and anything shaped like {@code <|name|>},
     *     removed (repeatedly, so that removing one cannot join the halves of another)
     */
    public String clean(String content) {
        String text = content;
        while (true) {
            String before = text;
            for (String marker : markers) {
                text = text.replace(marker, "");
            }
            text = SPECIAL.matcher(text).replaceAll("");
            if (text.equals(before)) {
                return text;
            }
        }
    }

    private static String roleName(ChatRole role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    private static String oneParagraph(String content) {
        // a line break inside a turn would let the text pose as the next speaker
        return content.replaceAll("\\s*\\R\\s*", " ");
    }

    /**
     * Chooses the template for a model: from the markers in its Jinja {@code chat_template} when there is one,
     * else from its {@code model_type} in {@code config.json}, else {@link #PLAIN}.
     *
     * @param jinja the model's {@code chat_template}, or null
     * @param modelType the model's {@code model_type}, or null
     */
    public static ChatTemplate detect(String jinja, String modelType) {
        if (jinja != null) {
            if (jinja.contains("<|im_start|>")) {
                return CHATML;
            }
            if (jinja.contains("<|start_header_id|>")) {
                return LLAMA3;
            }
            if (jinja.contains("[INST]")) {
                return MISTRAL;
            }
            if (jinja.contains("<|user|>")) {
                return PHI3;
            }
        }
        String type = modelType == null ? "" : modelType.toLowerCase(Locale.ROOT);
        if (type.startsWith("qwen")) {
            return CHATML;
        }
        if (type.startsWith("mistral") || type.startsWith("mixtral")) {
            return MISTRAL;
        }
        if (type.startsWith("phi3")) {
            return PHI3;
        }
        return PLAIN;
    }

    /**
     * @param name {@code chatml} (or {@code qwen}), {@code llama3}, {@code mistral}, {@code phi3} (or {@code phi}),
     *     {@code plain}; any case
     * @throws AnimataException for another name, listing the known ones
     */
    public static ChatTemplate forName(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (n) {
            case "chatml", "qwen", "qwen2" -> CHATML;
            case "llama3", "llama" -> LLAMA3;
            case "mistral" -> MISTRAL;
            case "phi3", "phi" -> PHI3;
            case "plain", "none" -> PLAIN;
            default -> throw new AnimataException("unknown chat template '" + name
                    + "'; known: chatml (qwen), llama3, mistral, phi3, plain");
        };
    }
}
