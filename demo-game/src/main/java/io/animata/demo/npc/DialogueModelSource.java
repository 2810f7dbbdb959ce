package io.animata.demo.npc;

import io.animata.runtime.AnimataException;
import io.animata.runtime.text.LanguageModel;
import io.animata.runtime.text.OnnxLanguageModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where the NPCs' language model comes from: the model the project ships ({@link #shipped()}, the
 * {@value #SHIPPED_FOLDER} folder the demo-game jar carries), a model folder on disk ({@link #folder}, any Optimum
 * layout decoder), or a model the caller makes ({@link #of}, e.g. a scripted model in a test). Folders are loaded with
 * {@code OnnxLanguageModel.builder().setModelFolder(dir)}, the same code path as a downloaded Optimum model.
 *
 * <p>Threading: {@link #open()} is slow (it loads a model): call it while the game loads. Implementations are
 * immutable.
 */
public interface DialogueModelSource {
    /** The shipped dialogue model's folder, under the assets folder (the demo-game jar's classpath root). */
    String SHIPPED_FOLDER = "models/dialogue";
    /** The files of a model folder the shipped source copies out of the jar when present (the first is required). */
    List<String> FOLDER_FILES = List.of("model.onnx", "model.onnx.data", "config.json", "generation_config.json",
            "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json");

    /**
     * @return the model, ready for a text queue (the caller owns it)
     * @throws AnimataException saying why when there is no model to load (the demo then falls back)
     */
    LanguageModel open();

    /** @return where the model comes from, for a log line and the HUD */
    String describe();

    /** @return a source that loads the model folder {@code dir} */
    static DialogueModelSource folder(Path dir) {
        if (dir == null) {
            throw new IllegalArgumentException("dir is null");
        }
        return new DialogueModelSource() {
            @Override
            public LanguageModel open() {
                if (!Files.isRegularFile(dir.resolve("model.onnx"))) {
                    throw new AnimataException("no dialogue model at " + dir.toAbsolutePath()
                            + " (no model.onnx there)");
                }
                return OnnxLanguageModel.builder().setModelFolder(dir).optName("dialogue").build();
            }

            @Override
            public String describe() {
                return dir.toString();
            }
        };
    }

    /**
     * The shipped model: {@value #SHIPPED_FOLDER} on the classpath (the jar carries the project's assets), copied to
     * a temporary folder that is deleted when the JVM exits, then loaded like any folder.
     */
    static DialogueModelSource shipped() {
        return new DialogueModelSource() {
            @Override
            public LanguageModel open() {
                ClassLoader loader = DialogueModelSource.class.getClassLoader();
                if (loader.getResource(SHIPPED_FOLDER + "/" + FOLDER_FILES.get(0)) == null) {
                    throw new AnimataException("the shipped dialogue model is missing: no assets/" + SHIPPED_FOLDER
                            + "/model.onnx in this build");
                }
                try {
                    Path dir = Files.createTempDirectory("animata-dialogue");
                    dir.toFile().deleteOnExit();
                    for (String name : FOLDER_FILES) {
                        try (InputStream in = loader.getResourceAsStream(SHIPPED_FOLDER + "/" + name)) {
                            if (in != null) {
                                Path file = dir.resolve(name);
                                Files.copy(in, file);
                                file.toFile().deleteOnExit();
                            }
                        }
                    }
                    return folder(dir).open();
                } catch (IOException e) {
                    throw new AnimataException("cannot copy the shipped dialogue model out of the jar: "
                            + e.getMessage(), e);
                }
            }

            @Override
            public String describe() {
                return "assets/" + SHIPPED_FOLDER;
            }
        };
    }

    /**
     * @param name what to call it on the HUD
     * @param factory makes the model when the game loads
     * @return a source of the caller's own model
     */
    static DialogueModelSource of(String name, Supplier<LanguageModel> factory) {
        if (name == null || factory == null) {
            throw new IllegalArgumentException("name and factory are required");
        }
        return new DialogueModelSource() {
            @Override
            public LanguageModel open() {
                return factory.get();
            }

            @Override
            public String describe() {
                return name;
            }
        };
    }
}
