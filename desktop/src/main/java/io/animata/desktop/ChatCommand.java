package io.animata.desktop;

import com.badlogic.ashley.core.Engine;
import com.badlogic.ashley.core.Entity;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.animata.core.Animata;
import io.animata.core.npc.DialogueComponent;
import io.animata.core.npc.DialogueSystem;
import io.animata.core.npc.MemoryComponent;
import io.animata.core.npc.Persona;
import io.animata.core.npc.PersonaComponent;
import io.animata.core.npc.action.InventoryComponent;
import io.animata.core.npc.action.StandardActions;
import io.animata.runtime.AiRuntime;
import io.animata.runtime.AnimataException;
import io.animata.runtime.RunMode;
import io.animata.runtime.TextMetrics;
import io.animata.runtime.TextQueueOptions;
import io.animata.runtime.text.LanguageModel;
import io.animata.runtime.text.SamplingConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code animata chat}: a conversation with an NPC in the terminal, through the same path a game uses: an Ashley
 * engine with Animata installed (realtime), a {@link DialogueSystem} and an NPC entity with a persona, memory and
 * dialogue; the reply streams to the terminal as the frames deliver it. {@code --say} and {@code --say-file} answer
 * lines without asking; {@code --json} prints one JSON object per reply. Last line:
 * {@code RESULT replies=.. fallbacks=.. tokens=.. ttft_ms=.. frames=..}.
 *
 * <p>Threading: the main thread is the game thread; the model runs on the runtime's worker.
 */
@Command(name = "chat",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Talk with an NPC persona in the terminal, through the game's dialogue system.",
            "--npc is a built-in persona (" + "mira, tom, guard" + ") or a persona JSON file "
                    + "(name, role, traits, speakingStyle, knowledge, goals, fallbackLines).",
            "Without --say/--say-file it reads your lines from the terminal (an empty line or /quit ends).",
            "Without --model it talks through the small model the project ships (" + ShippedDialogueModel.FOLDER
                    + ", trained by 'animata train dialogue'): offline, modest, in character.",
            "Last line: RESULT replies=.. fallbacks=.. tokens=.. ttft_ms=.. frames=..",
        })
public final class ChatCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--npc", required = true, paramLabel = "NAME|FILE", description = "the NPC's persona")
    String npc;

    @Mixin
    LanguageModelOptions modelOptions;

    @Mixin
    SamplingOptions sampling;

    @Option(names = "--say", paramLabel = "TEXT", description = "a line to say (repeatable); no prompt is shown")
    List<String> says = new ArrayList<>();

    @Option(names = "--say-file", paramLabel = "FILE", description = "lines to say, one per line")
    Path sayFile;

    @Option(names = "--json", description = "print one JSON object per reply, with text and action")
    boolean json;

    @Option(names = "--facts", paramLabel = "TEXT", description = "world facts the NPC knows right now")
    String facts;

    @Option(names = "--actions", split = ",", paramLabel = "A,B", description = {"actions a reply may end with;"
            + " the contract's verbs take their arguments (give_item: item; trade: item, price), others none"})
    List<String> actions = new ArrayList<>();

    @Option(names = "--items", split = ",", paramLabel = "A,B", description = {"items the NPC carries: what give_item"
            + " and trade may name (without items those two verbs are not offered)"})
    List<String> items = new ArrayList<>();

    @Option(names = "--max-tokens", paramLabel = "N", description = "most tokens per reply (default: ${DEFAULT-VALUE})")
    int maxTokens = 96;

    @Option(names = "--memory", paramLabel = "TURNS", description = "turns the NPC remembers (default: ${DEFAULT-VALUE})")
    int memoryTurns = MemoryComponent.DEFAULT_CAPACITY;

    @Spec
    CommandSpec spec;

    /** Where interactive lines come from: the terminal, or what a test pipes in. */
    java.io.InputStream terminal = System.in;

    @Override
    public Integer call() throws IOException {
        if (!modelOptions.hasModel()) {
            modelOptions.model = ShippedDialogueModel.folder().toString();
        }
        SamplingConfig config;
        try {
            config = sampling.config(0.7f);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Persona persona = resolvePersona(npc);
        List<String> lines = new ArrayList<>(says);
        if (sayFile != null) {
            if (!Files.isRegularFile(sayFile)) {
                throw new AnimataException("--say-file not found: " + sayFile.toAbsolutePath());
            }
            for (String line : Files.readAllLines(sayFile, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
        }
        boolean interactive = lines.isEmpty();
        PrintWriter out = spec.commandLine().getOut();
        LanguageModel model = modelOptions.open();
        Engine engine = new Engine();
        Animata animata = Animata.installOwning(engine,
                AiRuntime.builder().setMode(RunMode.REALTIME).optThreadNamePrefix("animata-chat").build());
        try {
            DialogueSystem.Builder settings = DialogueSystem.builder()
                    .setQueue(animata.runtime().textQueue(model, TextQueueOptions.DEFAULT));
            if (facts != null && !facts.isBlank()) {
                settings.optWorldFacts((e, sb) -> sb.append(facts));
            }
            if (!actions.isEmpty()) {
                settings.optActions(StandardActions.definitions(actions));
            }
            DialogueSystem dialogue = settings.build();
            engine.addSystem(dialogue);
            Entity entity = engine.createEntity();
            entity.add(engine.createComponent(PersonaComponent.class).set(persona));
            DialogueComponent d = engine.createComponent(DialogueComponent.class);
            d.sampling = config;
            d.seed = sampling.seed;
            d.maxTokens = maxTokens;
            entity.add(d);
            entity.add(engine.createComponent(MemoryComponent.class).setCapacity(Math.max(1, memoryTurns)));
            InventoryComponent inventory = engine.createComponent(InventoryComponent.class);
            for (String item : items) {
                if (!item.isBlank()) {
                    inventory.items.add(item.strip());
                }
            }
            entity.add(inventory);
            engine.addEntity(entity);

            long frames = 0;
            BufferedReader in = interactive ? new BufferedReader(new InputStreamReader(terminal,
                    StandardCharsets.UTF_8)) : null;
            int next = 0;
            while (true) {
                String line;
                if (interactive) {
                    out.print("you> ");
                    out.flush();
                    line = in.readLine();
                    if (line == null || line.isBlank() || line.strip().equals("/quit")) {
                        break;
                    }
                } else {
                    if (next == lines.size()) {
                        break;
                    }
                    line = lines.get(next++);
                    if (!json) {
                        out.println("you> " + line);
                    }
                }
                dialogue.say(entity, line);
                frames += converse(engine, d, persona.name(), out);
            }
            TextMetrics m = animata.runtime().textQueueAt(0).metrics();
            out.printf(Locale.ROOT, "RESULT replies=%d fallbacks=%d tokens=%d ttft_ms=%.1f frames=%d device=%s%n",
                    d.replies(), dialogue.fallbacks(), m.tokensGenerated(), m.p50FirstTextMicros() / 1000.0, frames,
                    m.device());
            out.flush();
        } finally {
            animata.dispose();
        }
        return 0;
    }

    /** Runs frames (about 60 a second) until the reply is complete, streaming it; returns the frames run. */
    private long converse(Engine engine, DialogueComponent d, String name, PrintWriter out) {
        long frames = 0;
        int printed = 0;
        if (!json) {
            out.print(name + ": ");
            out.flush();
        }
        do {
            engine.update(1f / 60f);
            frames++;
            if (!json && !d.isFallback()) {
                CharSequence reply = d.reply();
                if (reply.length() > printed) {
                    out.print(reply.subSequence(printed, reply.length()));
                    out.flush();
                    printed = reply.length();
                }
            }
            if (d.isBusy()) {
                LockSupport.parkNanos(16_000_000L);
            }
        } while (d.isBusy());
        if (json) {
            ObjectNode o = JSON.createObjectNode();
            o.put("npc", name).put("text", d.lastReply()).put("action", d.action()).put("fallback", d.isFallback());
            if (d.acceptedAction() != null) {
                o.set("args", JSON.valueToTree(d.actionArgs()));
            }
            if (d.actionRejection() != null) {
                o.put("refused", d.actionRejection());
            }
            if (d.isFallback()) {
                o.put("error", d.lastError());
            }
            out.println(o);
        } else {
            if (d.isFallback()) {
                out.print((printed > 0 ? " ... " : "") + d.lastReply());
                spec.commandLine().getErr().println("(the model failed: " + d.lastError() + ")");
            }
            out.println(d.acceptedAction() == null ? "" : "  [" + d.acceptedAction().toJson() + "]");
        }
        out.flush();
        return frames;
    }

    private static Persona resolvePersona(String spec) {
        Path file = Path.of(spec);
        if (spec.toLowerCase(Locale.ROOT).endsWith(".json") || Files.isRegularFile(file)) {
            return Persona.load(file);
        }
        return Persona.builtIn(spec);
    }
}
