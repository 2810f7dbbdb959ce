package io.animata.demo.npc;

import io.animata.runtime.text.ChatMessage;
import io.animata.runtime.text.ChatTemplate;
import io.animata.runtime.text.GenerationRequest;
import io.animata.runtime.text.ScriptedLanguageModel;
import io.animata.runtime.text.TinyDecoder;
import io.animata.runtime.text.TokenizerJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Language models for the NPC tests: a tiny random ONNX decoder folder, and a scripted model that acts. */
final class TestModels {
    /** How the prompt's action rules name a key the NPC may give: {@code "item" is one of "coin", "spare_key"}. */
    private static final Pattern CARRIED_KEY = Pattern.compile("\"item\" is one of [^\\n]*\"([a-z_]*key)\"");

    private TestModels() {
    }

    /**
     * Writes a tiny randomly initialised decoder in the Optimum layout (ChatML, word-level tokenizer) into {@code dir},
     * the layout the shipped model has; it is loaded through {@code OnnxLanguageModel.builder().setModelFolder}.
     */
    static Path tinyDecoderFolder(Path dir, long seed) {
        List<String> words = new ArrayList<>(List.of("hello", "traveller", ",", ".", "!", "?", "the", "forge", "is",
                "hot", "key", "door", "gold", "stairs", "yes", "no", "friend", "you", "are", "a", "blacksmith"));
        for (int i = 0; i < 40; i++) {
            words.add("w" + i);
        }
        List<String> specials = List.of("<|im_start|>", "<|im_end|>");
        TinyDecoder.random(new TinyDecoder.Config(1 + specials.size() + words.size(), 32, 4, 2, 64, 1024), seed)
                .writeModelFolder(dir, TokenizerJson.wordLevel(specials, words), ChatTemplate.CHATML, 2);
        return dir;
    }

    /**
     * A model that answers the demo script's requests with the matching action line (the key it carries, the door,
     * following, staying, a coin; a sword nobody has) and anything else with a greeting, one word per step as a
     * real model streams.
     */
    static ScriptedLanguageModel acting() {
        return ScriptedLanguageModel.builder().optName("acting").setReplies(TestModels::answer).build();
    }

    static String answer(GenerationRequest request) {
        List<ChatMessage> messages = request.messages();
        String line = messages.get(messages.size() - 1).content().toLowerCase(Locale.ROOT);
        if (line.contains("sword")) {
            return "Here is my sword, traveller.\nACTION: {\"action\": \"give_item\", \"item\": \"sword\"}";
        }
        if (line.contains("key")) {
            // like a model reading its prompt: the key it says it carries, else the plain word
            Matcher m = CARRIED_KEY.matcher(messages.get(0).content());
            String item = m.find() ? m.group(1) : "key";
            return "Here, take my key, traveller.\nACTION: {\"action\": \"give_item\", \"item\": \"" + item + "\"}";
        }
        if (line.contains("door")) {
            return "By the forge, it is open now.\nACTION: {\"action\": \"open_door\"}";
        }
        if (line.contains("come with me")) {
            return "Lead the way, I am right behind you.\nACTION: {\"action\": \"follow\"}";
        }
        if (line.contains("gold coin")) {
            return "Here is a coin for the road.\nACTION: {\"action\": \"give_item\", \"item\": \"coin\"}";
        }
        if (line.contains("wait here")) {
            return "I will stay here.\nACTION: {\"action\": \"stay\"}";
        }
        return "Well met, traveller. Mind the bots down here.";
    }
}
