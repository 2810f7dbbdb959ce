package io.animata.runtime.rl;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.animata.runtime.AnimataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The JSON sidecar of an exported policy ({@code policy.onnx} + {@code policy.json}): what the observation and
 * actions look like, and how the ONNX graph's outputs are to be read.
 *
 * <p>Conventions of an exported policy graph: one input {@value #INPUT} of shape {@code [batch, observationWidth]}
 * taking raw observations (normalisation is inside the graph; {@link #getObservationMean()}/{@link #getObservationStd()}
 * record it for tools); for discrete spaces an output {@value #LOGITS} of width
 * {@link ActionSpace#totalDiscreteOptions()} holding every branch's logits side by side; for continuous spaces an
 * output {@value #MEAN} of width {@link ActionSpace#continuousSize()} (the Gaussian's mean, before clipping), with the
 * state-independent log standard deviations in {@link #getLogStd()}; optionally an output {@value #VALUE} of width 1.
 *
 * <p>Immutable and thread-safe.
 */
public final class PolicySpec {
    /** Name of the observation input. */
    public static final String INPUT = "observation";
    /** Name of the concatenated discrete logits output. */
    public static final String LOGITS = "logits";
    /** Name of the continuous mean output. */
    public static final String MEAN = "mean";
    /** Name of the value output. */
    public static final String VALUE = "value";
    /** Sidecar format version. */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final int formatVersion;
    private final String name;
    private final int observationWidth;
    private final int continuousSize;
    private final int[] discreteBranches;
    private final float[] observationMean;
    private final float[] observationStd;
    private final float[] logStd;
    private final boolean hasValue;

    /**
     * @param name the policy's name (e.g. the environment it was trained on)
     * @param observationWidth floats per observation
     * @param actionSpace the actions
     * @param observationMean normalisation mean (null when none)
     * @param observationStd normalisation std (null when none)
     * @param logStd continuous log standard deviations (null or empty for discrete spaces)
     * @param hasValue whether the graph has a {@value #VALUE} output
     */
    public PolicySpec(String name, int observationWidth, ActionSpace actionSpace, float[] observationMean,
            float[] observationStd, float[] logStd, boolean hasValue) {
        this(FORMAT_VERSION, name, observationWidth, actionSpace.continuousSize(), actionSpace.branches(),
                observationMean, observationStd, logStd, hasValue);
    }

    @JsonCreator
    PolicySpec(@JsonProperty("formatVersion") int formatVersion, @JsonProperty("name") String name,
            @JsonProperty("observationWidth") int observationWidth,
            @JsonProperty("continuousSize") int continuousSize,
            @JsonProperty("discreteBranches") int[] discreteBranches,
            @JsonProperty("observationMean") float[] observationMean,
            @JsonProperty("observationStd") float[] observationStd, @JsonProperty("logStd") float[] logStd,
            @JsonProperty("hasValue") boolean hasValue) {
        if (formatVersion != FORMAT_VERSION) {
            throw new AnimataException("policy sidecar format " + formatVersion + " is not supported (this Animata reads "
                    + FORMAT_VERSION + ")");
        }
        if (observationWidth < 1) {
            throw new AnimataException("policy sidecar: observationWidth must be >= 1, was " + observationWidth);
        }
        int[] branches = discreteBranches == null ? new int[0] : discreteBranches.clone();
        try {
            ActionSpace.of(continuousSize, branches);
        } catch (IllegalArgumentException e) {
            throw new AnimataException("policy sidecar: " + e.getMessage(), e);
        }
        checkLength("observationMean", observationMean, observationWidth);
        checkLength("observationStd", observationStd, observationWidth);
        if (continuousSize > 0) {
            checkLength("logStd", logStd, continuousSize);
            if (logStd == null) {
                throw new AnimataException("policy sidecar: a continuous policy needs logStd (" + continuousSize
                        + " values)");
            }
        }
        this.formatVersion = formatVersion;
        this.name = name == null ? "policy" : name;
        this.observationWidth = observationWidth;
        this.continuousSize = continuousSize;
        this.discreteBranches = branches;
        this.observationMean = observationMean == null ? null : observationMean.clone();
        this.observationStd = observationStd == null ? null : observationStd.clone();
        this.logStd = logStd == null || logStd.length == 0 ? new float[0] : logStd.clone();
        this.hasValue = hasValue;
    }

    private static void checkLength(String field, float[] values, int expected) {
        if (values != null && values.length != expected) {
            throw new AnimataException("policy sidecar: " + field + " has " + values.length + " values, expected "
                    + expected);
        }
    }

    /** @return the sidecar format version */
    public int getFormatVersion() {
        return formatVersion;
    }

    /** @return the policy's name */
    public String getName() {
        return name;
    }

    /** @return floats per observation */
    public int getObservationWidth() {
        return observationWidth;
    }

    /** @return number of continuous actions */
    public int getContinuousSize() {
        return continuousSize;
    }

    /** @return branch sizes (a copy) */
    public int[] getDiscreteBranches() {
        return discreteBranches.clone();
    }

    /** @return normalisation mean (a copy), or null */
    public float[] getObservationMean() {
        return observationMean == null ? null : observationMean.clone();
    }

    /** @return normalisation std (a copy), or null */
    public float[] getObservationStd() {
        return observationStd == null ? null : observationStd.clone();
    }

    /** @return continuous log standard deviations (a copy; empty for discrete policies) */
    public float[] getLogStd() {
        return logStd.clone();
    }

    /** @return whether the graph has a value output */
    public boolean isHasValue() {
        return hasValue;
    }

    /** @return the action space */
    @JsonIgnore
    public ActionSpace actionSpace() {
        return ActionSpace.of(continuousSize, discreteBranches);
    }

    /** @return the JSON text */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new AnimataException("cannot write policy sidecar: " + e.getMessage(), e);
        }
    }

    /** Writes the JSON next to the model, e.g. {@code policy.json}. */
    public void write(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, toJson());
        } catch (IOException e) {
            throw new AnimataException("cannot write policy sidecar " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @throws AnimataException when the JSON is malformed or inconsistent
     */
    public static PolicySpec fromJson(String json) {
        try {
            return JSON.readValue(json, PolicySpec.class);
        } catch (AnimataException e) {
            throw e;
        } catch (IOException e) {
            Throwable cause = e.getCause() instanceof AnimataException a ? a : e;
            throw new AnimataException("malformed policy sidecar: " + cause.getMessage(), e);
        }
    }

    /**
     * @throws AnimataException when the file is missing, malformed or inconsistent
     */
    public static PolicySpec read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AnimataException("policy sidecar not found: " + file.toAbsolutePath());
        }
        try {
            return fromJson(Files.readString(file));
        } catch (IOException e) {
            throw new AnimataException("cannot read policy sidecar " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PolicySpec p && p.formatVersion == formatVersion && p.name.equals(name)
                && p.observationWidth == observationWidth && p.continuousSize == continuousSize
                && Arrays.equals(p.discreteBranches, discreteBranches)
                && Arrays.equals(p.observationMean, observationMean) && Arrays.equals(p.observationStd, observationStd)
                && Arrays.equals(p.logStd, logStd) && p.hasValue == hasValue;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + observationWidth;
    }

    @Override
    public String toString() {
        return "PolicySpec[" + name + ", obs " + observationWidth + ", " + actionSpace() + ", value=" + hasValue + "]";
    }
}
