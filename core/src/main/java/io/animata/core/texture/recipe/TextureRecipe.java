package io.animata.core.texture.recipe;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.animata.core.texture.NormalMap;
import io.animata.core.texture.PixelBuffer;
import io.animata.core.texture.RowExecutor;
import io.animata.runtime.AnimataException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A material described as a small node graph in JSON, so a designer can make one without code: noise fields,
 * warps, levels and math on scalars, colour ramps, blends with masks, baked lighting, and an output that names the
 * colour (and optionally a height, for a normal map). Rendering is deterministic for a seed and, where the recipe
 * is {@code tileable} (the default), seamless by construction.
 *
 * <pre>{@code
 * {
 *   "name": "grass",
 *   "tileable": true,
 *   "nodes": {
 *     "blades": {"type": "noise", "noise": "simplex", "frequency": [24, 6], "fractal": "fbm", "octaves": 4},
 *     "tint":   {"type": "ramp", "input": "blades", "stops": [[0, "#2d4a1e"], [1, "#8db04a"]]}
 *   },
 *   "output": {"color": "tint", "height": "blades"}
 * }
 * }</pre>
 *
 * <p>Node types ({@code "type"}) and their fields (defaults in brackets):
 * <ul>
 *   <li>{@code noise} (scalar in [0, 1]): {@code noise} simplex|perlin|value|cellular [simplex], {@code frequency} features
 *       across the texture, a number or [x, y] [4], {@code fractal} none|fbm|ridged|pingpong [none], {@code octaves}
 *       [4], {@code lacunarity} [2], {@code gain} [0.5], {@code pingPongStrength} [2], {@code seed} (nodes with the same seed share their noise, e.g.
 *       the borders and the colours of the same cells; without it the node's name picks the seed), for
 *       cellular {@code cellular} f1|f2|edge|cell [f1], {@code distance} euclidean|manhattan|chebyshev, {@code jitter}
 *       [1]; {@code warp}: a warp node whose coordinates it is sampled at.</li>
 *   <li>{@code warp} (coordinates): the noise fields above [simplex, frequency 3], {@code amplitude} (required, in
 *       texture widths), {@code input}: a warp to warp further.</li>
 *   <li>{@code levels} (scalar): {@code input}, {@code low} [0], {@code high} [1], {@code gamma} [1],
 *       {@code invert} [false].</li>
 *   <li>{@code math} (scalar, clamped to [0, 1]): {@code op}
 *       add|subtract|multiply|min|max|difference|screen|mix, {@code a}, {@code b} (node names or numbers), for mix
 *       {@code t}.</li>
 *   <li>{@code wave} (scalar): {@code axis} x|y, {@code count} [8] (or [x, y] for slanted bands), {@code shape}
 *       sine|triangle|saw,
 *       {@code offset} in waves [0], {@code distortion} (a scalar), {@code amount} [0].</li>
 *   <li>{@code color} (colour): {@code color} "#rrggbb" or "#rrggbbaa".</li>
 *   <li>{@code ramp} (colour): {@code input}, {@code stops} [[position, "#rrggbb"], ...],
 *       {@code interpolation} linear|smooth|step.</li>
 *   <li>{@code blend} (colour): {@code a}, {@code b}, {@code mask} (a scalar), {@code mode}
 *       mix|multiply|screen|overlay|add|darken|lighten, {@code opacity} [1].</li>
 *   <li>{@code shade} (colour): {@code color}, {@code height}, {@code depth} [0.02], {@code amount} [1],
 *       {@code light} [-1, 1, 1.5].</li>
 * </ul>
 * The {@code output} has {@code color} (required), {@code height} and {@code normalDepth} [0.02]. Comments
 * ({@code //}) and trailing commas are allowed.
 *
 * <p>Mistakes fail at {@link #parse} with an {@link AnimataException} that names the node and the field:
 * {@code recipe 'grass': node 'tint' field 'input': no node named 'blade'}.
 *
 * <p>Threading: a recipe is immutable and thread-safe; {@link #render} blocks the calling thread (so call it on a
 * worker, never the game thread) and fills rows on the given executor.
 */
public final class TextureRecipe {
    /** The recipes shipped in {@code assets/textures/recipes}, by name. */
    private static final List<String> BUILT_IN = List.of("grass", "stone", "wood", "lava", "water", "sand");
    private static final String RESOURCES = "/io/animata/core/texture/recipes/";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final Map<String, String> TYPES = new LinkedHashMap<>();

    static {
        for (String t : new String[] {"noise", "warp", "levels", "math", "wave", "color", "ramp", "blend", "shade"}) {
            TYPES.put(t, t);
        }
    }

    private final String name;
    private final String description;
    private final boolean tileable;
    private final Map<String, RecipeNode> nodes;
    /** Nodes the output needs, each after the nodes it reads. */
    private final List<RecipeNode> order;
    /** For each node in {@link #order}: the index of the last node that reads it (its plane is dropped after). */
    private final int[] lastUse;
    private final String outputColor;
    private final String outputHeight;
    private final float normalDepth;

    private TextureRecipe(String name, String description, boolean tileable, Map<String, RecipeNode> nodes,
            String outputColor, String outputHeight, float normalDepth, List<RecipeNode> order) {
        this.name = name;
        this.description = description;
        this.tileable = tileable;
        this.nodes = nodes;
        this.outputColor = outputColor;
        this.outputHeight = outputHeight;
        this.normalDepth = normalDepth;
        this.order = order;
        this.lastUse = new int[order.size()];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            index.put(order.get(i).id, i);
        }
        Arrays.fill(lastUse, -1);
        for (int i = 0; i < order.size(); i++) {
            for (RecipeNode.Ref ref : order.get(i).refs) {
                int at = index.get(ref.target());
                lastUse[at] = Math.max(lastUse[at], i);
            }
        }
        lastUse[index.get(outputColor)] = order.size(); // the output's planes are kept to the end
        if (outputHeight != null) {
            lastUse[index.get(outputHeight)] = order.size();
        }
    }

    /**
     * Reads a recipe from JSON text.
     *
     * @param name the recipe's name in error messages (usually its file name without {@code .json})
     * @throws AnimataException when the JSON is malformed or the graph is wrong; the message names the node and field
     */
    public static TextureRecipe parse(String name, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new AnimataException("recipe '" + name + "' is not valid JSON" + where + ": "
                    + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new AnimataException("recipe '" + name + "': expected a JSON object with \"nodes\" and \"output\"");
        }
        Fields top = new Fields(name, "top level", root);
        String displayName = top.string("name", name);
        String description = top.string("description", "");
        boolean tileable = top.bool("tileable", true);
        JsonNode nodesJson = top.get("nodes");
        if (nodesJson == null || !nodesJson.isObject() || nodesJson.isEmpty()) {
            throw top.error("nodes", "expected an object of named nodes, like {\"base\": {\"type\": \"noise\"}}");
        }
        JsonNode outputJson = top.get("output");
        if (outputJson == null || !outputJson.isObject()) {
            throw top.error("output", "expected an object like {\"color\": \"node name\"}");
        }
        top.rejectUnknown("a recipe");

        Map<String, RecipeNode> nodes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = nodesJson.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            nodes.put(e.getKey(), node(name, e.getKey(), e.getValue()));
        }
        Fields out = new Fields(name, "output", outputJson);
        String color = out.reference("color", true);
        String height = out.reference("height", false);
        float normalDepth = (float) out.number("normalDepth", 0.02, 1e-5, 1);
        out.rejectUnknown("the output");

        List<RecipeNode.Ref> outputRefs = new ArrayList<>();
        outputRefs.add(new RecipeNode.Ref("color", color, Kind.COLOR));
        if (height != null) {
            outputRefs.add(new RecipeNode.Ref("height", height, Kind.SCALAR));
        }
        for (RecipeNode n : nodes.values()) {
            check(name, "node '" + n.id + "'", n.refs, nodes);
        }
        check(name, "output", outputRefs, nodes);
        List<RecipeNode> order = order(name, nodes, outputRefs);
        return new TextureRecipe(displayName, description, tileable, Collections.unmodifiableMap(nodes), color, height,
                normalDepth, Collections.unmodifiableList(order));
    }

    private static RecipeNode node(String recipe, String id, JsonNode json) {
        Fields f = new Fields(recipe, "node '" + id + "'", json);
        if (!json.isObject()) {
            throw f.error("expected an object like {\"type\": \"noise\", ...}, got " + json);
        }
        String type = f.choice("type", null, TYPES);
        RecipeNode node;
        switch (type) {
            case "noise": node = new RecipeNode.NoiseNode(id, f); break;
            case "warp": node = new RecipeNode.WarpNode(id, f); break;
            case "levels": node = new RecipeNode.LevelsNode(id, f); break;
            case "math": node = new RecipeNode.MathNode(id, f); break;
            case "wave": node = new RecipeNode.WaveNode(id, f); break;
            case "color": node = new RecipeNode.ColorNode(id, f); break;
            case "ramp": node = new RecipeNode.RampNode(id, f); break;
            case "blend": node = new RecipeNode.BlendNode(id, f); break;
            default: node = new RecipeNode.ShadeNode(id, f); break;
        }
        f.rejectUnknown("a " + type + " node");
        return node;
    }

    /** Every reference names a node that exists and makes the right kind of plane. */
    private static void check(String recipe, String where, List<RecipeNode.Ref> refs, Map<String, RecipeNode> nodes) {
        for (RecipeNode.Ref ref : refs) {
            RecipeNode target = nodes.get(ref.target());
            String prefix = "recipe '" + recipe + "': " + where + " field '" + ref.field() + "': ";
            if (target == null) {
                throw new AnimataException(prefix + "no node named '" + ref.target() + "' (nodes: "
                        + String.join(", ", nodes.keySet()) + ")");
            }
            if (target.kind() != ref.kind()) {
                throw new AnimataException(prefix + "node '" + ref.target() + "' makes " + target.kind().describe()
                        + ", but " + ref.kind().describe() + " is needed here");
            }
        }
    }

    /** @return the nodes the output needs, each after the nodes it reads; fails on a cycle */
    private static List<RecipeNode> order(String recipe, Map<String, RecipeNode> nodes, List<RecipeNode.Ref> outputs) {
        List<RecipeNode> order = new ArrayList<>();
        Map<String, Integer> state = new HashMap<>(); // 1 visiting, 2 done
        // every node is checked for cycles, also those the output does not use
        for (RecipeNode n : nodes.values()) {
            visit(recipe, n, nodes, state, new ArrayList<>(), new ArrayList<>());
        }
        state.clear();
        for (RecipeNode.Ref ref : outputs) {
            visit(recipe, nodes.get(ref.target()), nodes, state, new ArrayList<>(), order);
        }
        return order;
    }

    private static void visit(String recipe, RecipeNode n, Map<String, RecipeNode> nodes, Map<String, Integer> state,
            List<String> path, List<RecipeNode> order) {
        Integer s = state.get(n.id);
        if (s != null && s == 2) {
            return;
        }
        path.add(n.id);
        state.put(n.id, 1);
        for (RecipeNode.Ref ref : n.refs) {
            Integer t = state.get(ref.target());
            if (t != null && t == 1) {
                List<String> cycle = new ArrayList<>(path.subList(path.indexOf(ref.target()), path.size()));
                cycle.add(ref.target());
                throw new AnimataException("recipe '" + recipe + "': node '" + n.id + "' field '" + ref.field()
                        + "': cycle " + String.join(" -> ", cycle));
            }
            visit(recipe, nodes.get(ref.target()), nodes, state, path, order);
        }
        state.put(n.id, 2);
        path.remove(path.size() - 1);
        order.add(n);
    }

    /**
     * Reads a recipe file; its name (in errors) is the file name without {@code .json}.
     *
     * @throws AnimataException when the file cannot be read or the recipe is wrong
     */
    public static TextureRecipe read(Path file) {
        String fileName = file.getFileName().toString();
        String name = fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - 5) : fileName;
        try {
            return parse(name, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AnimataException("cannot read recipe " + file + ": " + e.getMessage(), e);
        }
    }

    /** @return the names of the shipped recipes: grass, stone, wood, lava, water, sand */
    public static List<String> builtInNames() {
        return BUILT_IN;
    }

    /**
     * @return the shipped recipe of that name (from {@code assets/textures/recipes}, packaged with core)
     * @throws AnimataException when there is none
     */
    public static TextureRecipe builtIn(String name) {
        if (!BUILT_IN.contains(name)) {
            throw new AnimataException("no shipped texture recipe named '" + name + "'; the shipped ones are "
                    + BUILT_IN);
        }
        try (InputStream in = TextureRecipe.class.getResourceAsStream(RESOURCES + name + ".json")) {
            if (in == null) {
                throw new AnimataException("shipped recipe '" + name + "' is missing from the classpath ("
                        + RESOURCES + name + ".json): is animata-core built with its assets?");
            }
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AnimataException("cannot read shipped recipe '" + name + "': " + e.getMessage(), e);
        }
    }

    /** @return the recipe's name ({@code "name"} in the file, else the name it was parsed under) */
    public String name() {
        return name;
    }

    /** @return the recipe's description, or an empty string */
    public String description() {
        return description;
    }

    /** @return whether renders tile seamlessly */
    public boolean tileable() {
        return tileable;
    }

    /** @return the names of the recipe's nodes, in file order */
    public List<String> nodeNames() {
        return List.copyOf(nodes.keySet());
    }

    /** @return whether the output names a height (so renders have a normal map) */
    public boolean hasHeight() {
        return outputHeight != null;
    }

    /** Renders on the calling thread. See {@link #render(int, int, long, RowExecutor)}. */
    public RenderedTexture render(int width, int height, long seed) {
        return render(width, height, seed, RowExecutor.callerThread());
    }

    /**
     * Renders the recipe. Blocks until done: call it on a worker thread, never the game thread.
     *
     * @param width texture width in pixels, 1 to 8192
     * @param height texture height in pixels, 1 to 8192
     * @param seed the seed: the same seed, size and recipe give the same pixels, whatever the executor
     * @param rows runs the rows of each node, on as many threads as it has
     * @return the colour image, and the height and normal map where the output names a height
     */
    public RenderedTexture render(int width, int height, long seed, RowExecutor rows) {
        if (width < 1 || height < 1 || width > 8192 || height > 8192) {
            throw new AnimataException("recipe '" + name + "': texture size must be 1 to 8192 pixels per side, was "
                    + width + " x " + height);
        }
        Render r = new Render(width, height, tileable, seed, rows);
        for (int i = 0; i < order.size(); i++) {
            RecipeNode n = order.get(i);
            r.put(n.id, n.evaluate(r));
            for (int k = 0; k < i; k++) {
                if (lastUse[k] == i) {
                    r.drop(order.get(k).id); // no later node reads it: free the memory early on large textures
                }
            }
        }
        float[] color = r.color(outputColor);
        PixelBuffer image = new PixelBuffer(width, height);
        int[] pixels = image.pixels();
        rows.forEachRow(height, y -> {
            for (int p = y * width, end = p + width; p < end; p++) {
                pixels[p] = PixelBuffer.rgba(color[4 * p], color[4 * p + 1], color[4 * p + 2], color[4 * p + 3]);
            }
        });
        float[] heights = outputHeight == null ? null : r.scalar(outputHeight);
        PixelBuffer normals = heights == null ? null
                : NormalMap.fromHeight(heights, width, height, normalDepth, tileable, rows);
        return new RenderedTexture(image, heights, normals);
    }

    @Override
    public String toString() {
        return "TextureRecipe[" + name + ", " + nodes.size() + " nodes" + (tileable ? ", tileable" : "") + "]";
    }
}
