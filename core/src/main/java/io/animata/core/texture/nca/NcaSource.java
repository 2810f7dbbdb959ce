package io.animata.core.texture.nca;

import io.animata.runtime.AnimataException;
import io.animata.runtime.onnx.OnnxSessionConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The files of a neural texture, read into memory: the ONNX step ({@code NAME.onnx}) and its optional sidecar
 * ({@code NAME.json}), with the name and place they came from. Reading the files is separate from opening the ONNX
 * session ({@link #open}) so that a loader can read them where file access is (an asset manager's file handles) and
 * the session can be made, used and closed on the AI runtime's job worker ({@link NcaGrower}).
 *
 * <p>Threading: immutable (the bytes are not copied: do not change the array given to {@link #of}); share it freely.
 *
 * <pre>{@code
 * NcaSource lava = NcaSource.read(Path.of("assets/models/nca/lava.onnx"));   // lava.json beside it
 * }</pre>
 *
 * @param name the model's name in logs and errors (the file name without {@code .onnx})
 * @param source where it came from (a path), for errors
 * @param onnx the ONNX bytes of one step
 * @param sidecarJson the sidecar's text, or null for {@link NcaTexture}'s defaults
 */
public record NcaSource(String name, String source, byte[] onnx, String sidecarJson) {
    /** What an NCA model's files are, for error messages that say how to fix a wrong file. */
    public static final String EXPECTED = "a neural texture is NAME.onnx (one automaton step) with its sidecar "
            + "NAME.json beside it, as written by 'animata textures --train-nca'";

    /** @throws NullPointerException when the name, the source or the bytes are null */
    public NcaSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(onnx, "onnx");
    }

    /** @return a source from bytes already read (e.g. from the classpath or an asset manager's file handle) */
    public static NcaSource of(String name, String source, byte[] onnx, String sidecarJson) {
        return new NcaSource(name, source, onnx, sidecarJson);
    }

    /**
     * Reads {@code NAME.onnx} and, when it is there, {@code NAME.json} beside it. Blocks on file access: not for the
     * game thread of a running game.
     *
     * @throws AnimataException when the model file is missing or unreadable, or the sidecar cannot be read
     */
    public static NcaSource read(Path onnx) {
        String stem = stem(onnx.getFileName().toString());
        if (Files.isDirectory(onnx)) {
            throw new AnimataException("cannot read NCA model " + onnx + ": it is a folder; " + EXPECTED);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(onnx);
        } catch (IOException e) {
            throw new AnimataException("cannot read NCA model " + onnx + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); " + EXPECTED, e);
        }
        Path sidecar = onnx.resolveSibling(stem + ".json");
        String json = null;
        if (Files.isRegularFile(sidecar)) {
            try {
                json = Files.readString(sidecar, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new AnimataException("cannot read NCA sidecar " + sidecar + ": " + e.getMessage(), e);
            }
        }
        return new NcaSource(stem, onnx.toString(), bytes, json);
    }

    /** @return {@code file} without a trailing {@code .onnx} */
    static String stem(String file) {
        return file.endsWith(".onnx") ? file.substring(0, file.length() - ".onnx".length()) : file;
    }

    /**
     * Opens the ONNX session. Slow (milliseconds to a fraction of a second): call it on a worker, and close what it
     * returns there.
     *
     * @throws AnimataException naming {@link #source} when the bytes are not an ONNX model, the model is not an NCA
     *     step, or the sidecar is malformed
     */
    public NcaTexture open(OnnxSessionConfig config) {
        try {
            return NcaTexture.load(name, source, onnx, sidecarJson, config);
        } catch (AnimataException e) {
            throw new AnimataException("cannot grow a texture from " + source + ": " + e.getMessage() + "; "
                    + EXPECTED, e);
        }
    }

    @Override
    public String toString() {
        return "NcaSource[" + name + ", " + source + ", " + onnx.length + " bytes"
                + (sidecarJson == null ? ", no sidecar" : "") + "]";
    }
}
