package io.animata.demo;

import io.animata.core.agent.OnnxPolicy;
import io.animata.core.level.Legend;
import io.animata.core.level.TileGrid;
import io.animata.core.level.io.LegendReader;
import io.animata.core.level.io.TextGridReader;
import io.animata.runtime.AiRuntime;
import io.animata.runtime.AnimataException;
import io.animata.runtime.rl.PolicySpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the demo loads from the project's {@code assets} folder, which the demo-game jar carries at its classpath
 * root (the paths {@code Gdx.files.internal} takes): the shipped {@code nav} policy and the dungeon examples the
 * levels are learned from. Reading from the classpath works the same in tests, in the shaded {@code animata.jar}
 * and headless, with no {@code Gdx.files}.
 *
 * <p>Threading: stateless; any thread (the policy is loaded through the runtime, as {@link OnnxPolicy} says).
 *
 * <pre>{@code
 * Legend legend = DemoAssets.dungeonLegend();
 * List<TileGrid> examples = DemoAssets.dungeonExamples(legend);
 * OnnxPolicy nav = DemoAssets.navPolicy(runtime);
 * }</pre>
 */
public final class DemoAssets {
    /** The trained nav policy (made by {@code animata train nav}). */
    public static final String NAV_POLICY = "models/nav/policy.onnx";
    /** Its sidecar: observation width, action space, normalisation. */
    public static final String NAV_POLICY_SPEC = "models/nav/policy.json";
    /** The legend of the dungeon examples. */
    public static final String DUNGEON_LEGEND = "levels/dungeon/legend.json";
    /** The dungeon examples, {@code levels/dungeon/<name>.txt} (a test keeps this list equal to the folder). */
    public static final List<String> DUNGEON_EXAMPLES =
            List.of("barracks", "cave", "cells", "crypt", "halls", "maze", "shrine", "vault");

    private DemoAssets() {
    }

    /**
     * @param path a path under the assets folder, e.g. {@value #NAV_POLICY}
     * @return the resource's bytes
     * @throws AnimataException when the classpath has no such resource
     */
    public static byte[] read(String path) {
        try (InputStream in = DemoAssets.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new AnimataException("demo asset '" + path + "' is not on the classpath: the demo-game jar "
                        + "carries the project's assets folder; rebuild it (mvn -pl demo-game -am package)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AnimataException("cannot read demo asset '" + path + "': " + e.getMessage(), e);
        }
    }

    /** @return the resource as UTF-8 text */
    public static String readText(String path) {
        return new String(read(path), StandardCharsets.UTF_8);
    }

    /** @return the dungeon legend ({@code #} wall, {@code .} floor, {@code +} door, {@code $} treasure...) */
    public static Legend dungeonLegend() {
        return LegendReader.parse(readText(DUNGEON_LEGEND), DUNGEON_LEGEND);
    }

    /** @return the dungeon examples, in {@link #DUNGEON_EXAMPLES} order, starts and goals included */
    public static List<TileGrid> dungeonExamples(Legend legend) {
        List<TileGrid> examples = new ArrayList<>();
        for (String name : DUNGEON_EXAMPLES) {
            String path = "levels/dungeon/" + name + ".txt";
            examples.add(TextGridReader.parse(readText(path), path, legend));
        }
        return examples;
    }

    /**
     * Loads the shipped nav policy into the runtime (slow: call it while the game loads, not in a frame).
     *
     * @return the policy, deterministic (the most likely action)
     */
    public static OnnxPolicy navPolicy(AiRuntime runtime) {
        PolicySpec spec = PolicySpec.fromJson(readText(NAV_POLICY_SPEC));
        return OnnxPolicy.builder().setRuntime(runtime).setModel(spec.getName(), read(NAV_POLICY)).optSpec(spec)
                .build();
    }
}
