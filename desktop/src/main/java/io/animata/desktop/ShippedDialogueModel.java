package io.animata.desktop;

import io.animata.runtime.AnimataException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the NPC dialogue model the project ships ({@code assets/models/dialogue}, made by
 * {@code ./animata train dialogue --out assets/models/dialogue --seed 1}): under the working directory, else beside
 * the checkout the running jar was built in ({@code desktop/target/animata.jar}), so {@code ./animata chat} works from
 * any directory.
 */
public final class ShippedDialogueModel {
    /** The folder, relative to the project root. */
    public static final String FOLDER = "assets/models/dialogue";

    private ShippedDialogueModel() {
    }

    /**
     * @return the model folder
     * @throws AnimataException when it is in neither place
     */
    public static Path folder() {
        Path here = Path.of(FOLDER);
        if (Files.isRegularFile(here.resolve("model.onnx"))) {
            return here;
        }
        try {
            Path code = Path.of(ShippedDialogueModel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // desktop/target/animata.jar or desktop/target/classes: the project root is two folders up
            Path root = code.getParent() == null ? null : code.getParent().getParent();
            if (root != null && root.getParent() != null) {
                Path beside = root.getParent().resolve(FOLDER);
                if (Files.isRegularFile(beside.resolve("model.onnx"))) {
                    return beside;
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // no code location to look beside: fall through to the error
        }
        throw new AnimataException("the shipped dialogue model is not here: " + here.toAbsolutePath() + " has no "
                + "model.onnx; run from the project folder, make it with ./animata train dialogue --out " + FOLDER
                + " --seed 1, or give --model PATH");
    }
}
