package io.animata.core.npc.memory;

import com.badlogic.ashley.core.ComponentMapper;
import com.badlogic.ashley.core.Engine;
import com.badlogic.ashley.core.Entity;
import com.badlogic.ashley.core.EntityListener;
import com.badlogic.ashley.core.Family;
import com.badlogic.ashley.systems.IteratingSystem;
import io.animata.core.npc.DialogueComponent;
import io.animata.core.npc.DialogueListener;
import io.animata.core.npc.DialogueSystem;
import io.animata.core.npc.PersonaComponent;
import io.animata.core.npc.WorldFacts;
import io.animata.core.npc.lod.ThinkingLodComponent;
import io.animata.runtime.AnimataException;
import io.animata.runtime.Job;
import io.animata.runtime.JobQueue;
import io.animata.runtime.TextGenerationQueue;
import io.animata.runtime.text.embed.Embedder;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Long-term memory for NPCs, wired into their dialogue. When the player speaks to an NPC through {@link #say}, the
 * line is embedded on the runtime's job worker; when the vector is back (a frame or two later) the NPC's memories,
 * reflections and the world knowledge it shares are ranked by recency x importance x relevance ({@link MemoryRanker},
 * {@link RetrievalWeights}), the best ones become facts in the prompt (through {@link #worldFacts}, composed with the
 * game's own facts), and {@link DialogueSystem#say} is called. The player's lines and the NPC's completed replies are
 * remembered as dialogue memories; the game adds {@link #observe observations} and {@link #event events}.
 *
 * <p>Embeddings never run on the game thread: a memory is added at once and its embedding follows; every text waiting
 * in a frame (new memories of all NPCs, world knowledge, the player's lines) goes to the worker in one job, several
 * texts per model call. Ranking runs on the worker too, right after the query's vector is computed, over a snapshot of
 * the NPC's candidates taken on the game thread (copying the references costs the game thread a few per cent of what
 * scoring them would; the README has the measured figures).
 *
 * <p>Reflection: when the importance of an NPC's memories since its last reflection reaches the threshold, it
 * reflects on its most important recent memories ({@link Reflector}): with a language model
 * ({@link Builder#optReflectionQueue}) it writes one to three insights, otherwise an extractive summary; either way
 * the reflections are memories pointing at their sources.
 *
 * <pre>{@code
 * Embedder embedder = MiniLmEmbedder.load(runtime.sessionConfig());   // at loading time, off the game thread
 * MemorySystem memory = MemorySystem.builder().setJobs(runtime.jobs()).setEmbedder(embedder)
 *         .optWorldKnowledge(world).optPlayerName("Alex").build();
 * DialogueSystem dialogue = DialogueSystem.builder().setQueue(runtime.textQueue(model))
 *         .optWorldFacts(memory.worldFacts(gameFacts)).build();
 * engine.addSystem(dialogue);
 * engine.addSystem(memory);
 * memory.say(mira, "Who makes weapons here?");              // recall, then the dialogue system answers
 * }</pre>
 *
 * <p>Far NPCs ({@link io.animata.core.npc.lod.ThinkingLodSystem}): {@link #heardMemory()} is the
 * {@link io.animata.core.npc.lod.CheapMemory} that records what a far NPC hears of as a memory, scored by the cheap
 * importance rules (never the language model). An NPC whose {@link ThinkingLodComponent} is far keeps its new
 * memories waiting: they are embedded, and it reflects, once it comes near (or in the background, with
 * {@link Builder#optEmbedFarMemories}), so hundreds of far NPCs cost the worker nothing until the player meets them.
 *
 * <p>Threading: game thread only. A frame with nothing new allocates nothing; each new memory, line and reflection
 * allocates its own objects.
 */
public final class MemorySystem extends IteratingSystem {
    private static final System.Logger LOG = System.getLogger(MemorySystem.class.getName());
    /** Times a memory is sent to the embedder before it is left without a vector (then ranked without relevance). */
    static final int EMBED_ATTEMPTS = 3;

    private final ComponentMapper<MemoryStreamComponent> minds = ComponentMapper.getFor(MemoryStreamComponent.class);
    private final ComponentMapper<PersonaComponent> personas = ComponentMapper.getFor(PersonaComponent.class);
    private final ComponentMapper<DialogueComponent> dialogues = ComponentMapper.getFor(DialogueComponent.class);
    private final ComponentMapper<ThinkingLodComponent> lods = ComponentMapper.getFor(ThinkingLodComponent.class);
    private final boolean embedFar;
    private final JobQueue jobs;
    private final Embedder embedder;
    private final WorldKnowledge knowledge;
    private final ImportanceScorer scorer;
    private final RetrievalWeights weights;
    private final Reflector reflector;
    private final int reflectionThreshold;
    private final ModelThoughts thoughts;
    private final GameClock clock;
    private final double hoursPerSecond;
    private final String playerName;
    private final int maxBatch;
    private final MemoryRanker ranker = new MemoryRanker();
    /** Memories whose embedding job failed, sent again with the next frame's texts. */
    private final List<Memory> retry = new ArrayList<>();
    private final DialogueListener replies = this::onReply;
    /** NPC memories read from a save whose NPC is not in the engine yet, by id. */
    private final Map<String, MemoryStream> unclaimed = new LinkedHashMap<>();
    private final EntityListener arrivals = new EntityListener() {
        @Override
        public void entityAdded(Entity entity) {
            claim(entity);
        }

        @Override
        public void entityRemoved(Entity entity) {
            MemoryStreamComponent mind = minds.get(entity);
            if (mind != null) {
                mind.querySerial++; // an answer in flight is for an NPC that left
                mind.pendingLine = null;
            }
        }
    };

    private DialogueSystem dialogue;
    private List<Object> waiting;
    private double internalHours;
    private long embeddedTexts;
    private long embeddingCalls;
    private int largestBatch;
    private long embeddingFailures;
    private long recalls;
    private long lastRankNanos;

    private MemorySystem(Builder b) {
        super(Family.all(MemoryStreamComponent.class).get(), b.priority);
        this.jobs = b.jobs;
        this.embedder = b.embedder;
        this.knowledge = b.knowledge;
        this.scorer = b.scorer != null ? b.scorer : new RuleImportanceScorer(b.playerName);
        this.weights = b.weights;
        this.reflector = b.reflector;
        this.reflectionThreshold = b.reflectionThreshold;
        this.thoughts = new ModelThoughts(b.reflector, b.reflectionQueue, b.importanceQueue, this::hours);
        this.clock = b.clock;
        this.hoursPerSecond = b.hoursPerSecond;
        this.playerName = b.playerName.isBlank() ? "the player" : b.playerName.strip();
        this.maxBatch = b.maxBatch;
        this.embedFar = b.embedFar;
    }

    /** @return a builder; {@link Builder#setJobs} and {@link Builder#setEmbedder} are required */
    public static Builder builder() {
        return new Builder();
    }

    // ---- what the game calls --------------------------------------------------------------------------------

    /**
     * The player says {@code line} to {@code npc}: the line is embedded on the worker, the NPC recalls what is most
     * relevant, then {@link DialogueSystem#say} is called (a frame or two later). A reply in progress stops now (the
     * player interrupted). An NPC without a {@link MemoryStreamComponent} is passed to the dialogue at once.
     *
     * @throws AnimataException when no {@link DialogueSystem} is in the engine
     */
    public void say(Entity npc, String line) {
        if (line == null || line.isBlank()) {
            throw new IllegalArgumentException("the player's line is empty");
        }
        DialogueSystem d = dialogue();
        MemoryStreamComponent mind = minds.get(npc);
        if (mind == null || dialogues.get(npc) == null || personas.get(npc) == null) {
            d.say(npc, line); // no memory: answer at once; no dialogue or persona: its error, now rather than later
            return;
        }
        d.cancel(npc);
        mind.pendingLine = line;
        mind.querySerial++;
        batch().add(new Query(npc, mind, mind.generation, mind.querySerial, line));
    }

    /**
     * The NPC noticed something; its importance comes from the scorer (or the language model, when configured).
     *
     * @return the memory (its embedding follows)
     */
    public Memory observe(Entity npc, String text) {
        MemoryStreamComponent mind = require(npc);
        Memory m = mind.stream.add(MemoryKind.OBSERVATION, text, hours(), scorer.score(MemoryKind.OBSERVATION, text));
        thoughts.rate(mind, m);
        return m;
    }

    /**
     * Something happened that the NPC knows of, with the game's importance.
     *
     * @param importance 1 to 10 (clamped)
     * @return the memory (its embedding follows)
     */
    public Memory event(Entity npc, String text, int importance) {
        return require(npc).stream.add(MemoryKind.EVENT, text, hours(), importance);
    }

    /**
     * The NPC heard of something while far from the player: an observation scored by the cheap importance rules only
     * (no language model, however the system is configured).
     *
     * @return the memory (its embedding follows when the NPC is near, see {@link Builder#optEmbedFarMemories})
     */
    public Memory hear(Entity npc, String text) {
        MemoryStreamComponent mind = require(npc);
        return mind.stream.add(MemoryKind.OBSERVATION, text, hours(), scorer.score(MemoryKind.OBSERVATION, text));
    }

    /**
     * @return a {@link io.animata.core.npc.lod.CheapMemory} for {@link
     *     io.animata.core.npc.lod.ThinkingLodSystem.Builder#optCheapMemory} that records each event a far NPC with a
     *     {@link MemoryStreamComponent} hears of as a memory ({@link #hear})
     */
    public HeardMemory heardMemory() {
        return new HeardMemory(this);
    }

    /**
     * Recalls for a query vector now, on the game thread, into the NPC's {@link MemoryStreamComponent#recall()} (for
     * tools and tests that already have the vector; {@link #say} does this itself).
     */
    public Recall recall(Entity npc, float[] query) {
        MemoryStreamComponent mind = require(npc);
        rank(mind, query);
        return mind.recall;
    }

    /**
     * The facts for {@link DialogueSystem.Builder#optWorldFacts}: the game's own facts, then what the NPC recalled for
     * the player's latest line said through {@link #say} ("What you remember, most relevant first:"), with each
     * memory's age. (A line given straight to {@link DialogueSystem#say} recalls nothing new: the last recall stays.)
     */
    public WorldFacts worldFacts(WorldFacts gameFacts) {
        if (gameFacts == null) {
            throw new IllegalArgumentException("game facts are null; use WorldFacts.NONE");
        }
        return (npc, out) -> {
            gameFacts.describe(npc, out);
            MemoryStreamComponent mind = minds.get(npc);
            if (mind == null || mind.recall.size() == 0) {
                return;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
            out.append("What you remember, most relevant first:\n");
            double now = hours();
            for (int i = 0; i < mind.recall.size(); i++) {
                Memory m = mind.recall.get(i);
                out.append("- ");
                switch (m.kind()) {
                    case REFLECTION -> out.append("(a thought of yours) ");
                    case KNOWLEDGE -> out.append(m.faction() == null ? "(common knowledge) "
                            : "(known to the " + m.faction() + ") ");
                    default -> appendAge(now - m.hours(), out);
                }
                out.append(m.text()).append('\n');
            }
        };
    }

    private static void appendAge(double hoursAgo, StringBuilder out) {
        if (hoursAgo < 1.0) {
            out.append("(just now) ");
        } else if (hoursAgo < 48.0) {
            long h = Math.round(hoursAgo);
            out.append('(').append(h).append(h == 1 ? " hour ago) " : " hours ago) ");
        } else {
            out.append('(').append(Math.round(hoursAgo / 24.0)).append(" days ago) ");
        }
    }

    /** @return the game time in hours: the game's clock, or this system's own (advanced by frame time) */
    public double hours() {
        return clock != null ? clock.hours() : internalHours;
    }

    /** Sets this system's own clock (no effect on a game clock given to the builder); used when loading. */
    public void setHours(double hours) {
        internalHours = hours;
    }

    /** @return whether the time comes from a {@link GameClock} the game gave */
    public boolean usesGameClock() {
        return clock != null;
    }

    /** @return the shared world knowledge */
    public WorldKnowledge worldKnowledge() {
        return knowledge;
    }

    /** @return how many world knowledge facts have no embedding yet */
    public int worldKnowledgeUnembedded() {
        int n = 0;
        for (int i = 0; i < knowledge.size(); i++) {
            n += knowledge.get(i).embedding == null ? 1 : 0;
        }
        return n;
    }

    /** @return the embedder, whose {@link Embedder#id()} is saved with the vectors */
    public Embedder embedder() {
        return embedder;
    }

    /** @return texts embedded so far */
    public long embeddedTexts() {
        return embeddedTexts;
    }

    /** @return embedding jobs run so far (each one model call) */
    public long embeddingCalls() {
        return embeddingCalls;
    }

    /** @return the most texts embedded in one call */
    public int largestBatch() {
        return largestBatch;
    }

    /**
     * @return embedding jobs that failed (their memories are sent again, up to three times in all; their player lines
     *     are recalled without relevance)
     */
    public long embeddingFailures() {
        return embeddingFailures;
    }

    /** @return recalls for player lines so far */
    public long recalls() {
        return recalls;
    }

    /** @return nanoseconds the last ranking for a player's line took (on the job worker) */
    public long lastRankNanos() {
        return lastRankNanos;
    }

    /** @return the NPC memories read from a save whose NPC has not joined the engine yet, by id (read-only use) */
    public Map<String, MemoryStream> unclaimed() {
        return unclaimed;
    }

    /** @return the save section holding every NPC's memories and the world knowledge, under key "npc-memory" */
    public MemorySaveSection saveSection() {
        return new MemorySaveSection(this);
    }

    /** @return the key an NPC's memories are saved under: its npcId, else its persona's name, else null */
    String saveId(Entity npc) {
        MemoryStreamComponent mind = minds.get(npc);
        if (mind != null && !mind.npcId.isBlank()) {
            return mind.npcId.strip();
        }
        PersonaComponent p = personas.get(npc);
        return p != null && !p.name.isBlank() ? p.name.strip() : null;
    }

    MemoryStreamComponent mind(Entity npc) {
        return minds.get(npc);
    }

    private MemoryStreamComponent require(Entity npc) {
        MemoryStreamComponent mind = minds.get(npc);
        if (mind == null) {
            throw new AnimataException("entity " + npc + " has no MemoryStreamComponent: add one to give it memories");
        }
        return mind;
    }

    private DialogueSystem dialogue() {
        if (dialogue == null) {
            Engine engine = getEngine();
            dialogue = engine == null ? null : engine.getSystem(DialogueSystem.class);
            if (dialogue == null) {
                throw new AnimataException("MemorySystem.say needs a DialogueSystem in the same engine: add both "
                        + "systems (engine.addSystem) before the player speaks");
            }
            dialogue.addListener(replies);
        }
        return dialogue;
    }

    // ---- engine lifecycle ------------------------------------------------------------------------------------

    @Override
    public void addedToEngine(Engine engine) {
        super.addedToEngine(engine);
        engine.addEntityListener(getFamily(), arrivals);
        DialogueSystem d = engine.getSystem(DialogueSystem.class);
        if (d != null) {
            dialogue = d;
            d.addListener(replies);
        }
    }

    /** Stops listening to the dialogue and cancels the reflections and ratings being written. */
    @Override
    public void removedFromEngine(Engine engine) {
        super.removedFromEngine(engine);
        engine.removeEntityListener(arrivals);
        if (dialogue != null) {
            dialogue.removeListener(replies);
            dialogue = null;
        }
        thoughts.cancelAll();
        waiting = null;
        retry.clear();
    }

    @Override
    public void update(float deltaTime) {
        if (clock == null) {
            internalHours += deltaTime * hoursPerSecond;
        }
        super.update(deltaTime);
        if (!retry.isEmpty()) {
            batch().addAll(retry);
            retry.clear();
        }
        List<Memory> facts = knowledge.waitingForEmbedding();
        if (!facts.isEmpty()) {
            batch().addAll(facts);
            facts.clear();
        }
        if (waiting != null) {
            submit(waiting);
            waiting = null;
        }
    }

    @Override
    protected void processEntity(Entity entity, float deltaTime) {
        MemoryStreamComponent mind = minds.get(entity);
        if (!embedFar) {
            ThinkingLodComponent lod = lods.get(entity);
            if (lod != null && !lod.isNear()) {
                return; // far: embedded and reflected on when it comes near
            }
        }
        List<Memory> fresh = mind.stream.waitingForEmbedding();
        if (!fresh.isEmpty()) {
            batch().addAll(fresh);
            fresh.clear();
        }
        if (!mind.reflecting && mind.stream.importanceSinceReflection() >= reflectionThreshold) {
            reflect(entity, mind);
        }
    }

    // ---- embeddings on the worker ----------------------------------------------------------------------------

    private List<Object> batch() {
        if (waiting == null) {
            waiting = new ArrayList<>();
        }
        return waiting;
    }

    /** Sends the frame's texts to the worker, {@code maxBatch} per model call; queries first, so replies start soon. */
    private void submit(List<Object> items) {
        List<Object> ordered = new ArrayList<>(items.size());
        for (Object o : items) {
            if (o instanceof Query) {
                ordered.add(o);
            }
        }
        for (Object o : items) {
            if (o instanceof Memory m) {
                m.embeddingInFlight = true;
                ordered.add(o);
            }
        }
        double now = hours();
        RetrievalWeights w = weights;
        for (int from = 0; from < ordered.size(); from += maxBatch) {
            List<Object> chunk = List.copyOf(ordered.subList(from, Math.min(ordered.size(), from + maxBatch)));
            List<String> inputs = new ArrayList<>(chunk.size());
            for (Object o : chunk) {
                if (o instanceof Query q) {
                    q.now = now;
                    MemoryRanker.gather(q.mind.stream, knowledge, q.mind.factions, q.candidates);
                    inputs.add(q.line);
                } else {
                    inputs.add(((Memory) o).text());
                }
            }
            jobs.submit("embed " + count(inputs.size()), () -> {
                float[][] vectors = embedder.embed(inputs);
                for (int i = 0; i < chunk.size(); i++) {
                    if (chunk.get(i) instanceof Query q) {
                        MemoryRanker.score(q.candidates, vectors[i], q.now, w); // on the worker, beside the model
                    }
                }
                return vectors;
            }, job -> deliver(chunk, job));
        }
    }

    private static String count(int texts) {
        return texts == 1 ? "1 text" : texts + " texts";
    }

    private void deliver(List<Object> chunk, Job<float[][]> job) {
        float[][] vectors = null;
        if (job.isFailed()) {
            embeddingFailures++;
            LOG.log(Level.WARNING, "embedding " + count(chunk.size()) + " failed (memories are tried again, at most "
                    + EMBED_ATTEMPTS + " times): " + job.error().getMessage());
        } else {
            vectors = job.result();
            embeddingCalls++;
            embeddedTexts += chunk.size();
            largestBatch = Math.max(largestBatch, chunk.size());
        }
        for (int i = 0; i < chunk.size(); i++) {
            Object o = chunk.get(i);
            float[] v = vectors == null ? null : vectors[i];
            if (o instanceof Memory m) {
                m.embeddingInFlight = false;
                if (v != null) {
                    m.embedding = v;
                } else if (++m.embeddingAttempts < EMBED_ATTEMPTS) {
                    retry.add(m);
                }
            } else if (getEngine() != null) {
                answer((Query) o, v); // a line heard before the system left the engine gets no answer
            }
        }
    }

    /** The query's vector is back: recall, remember the line, and let the dialogue answer. */
    private void answer(Query q, float[] vector) {
        MemoryStreamComponent mind = q.mind;
        if (mind.generation != q.generation || mind.querySerial != q.serial) {
            return; // a newer line, or the NPC left
        }
        mind.pendingLine = null;
        if (vector == null) {
            MemoryRanker.score(q.candidates, null, q.now, weights); // the embedding failed: recency and importance
        }
        MemoryRanker.deliver(q.candidates, mind.recall, hours(), true);
        lastRankNanos = q.candidates.scoreNanos();
        recalls++;
        Memory heard = mind.stream.add(MemoryKind.DIALOGUE, playerName + " told me: \"" + q.line.strip() + "\"",
                hours(), scorer.score(MemoryKind.DIALOGUE, q.line));
        if (vector != null) {
            heard.embedding = vector; // the line's own vector: no second model call for the same words
            List<Memory> fresh = mind.stream.waitingForEmbedding();
            fresh.remove(fresh.size() - 1);
        }
        thoughts.rate(mind, heard);
        dialogue().say(q.npc, q.line);
    }

    private void rank(MemoryStreamComponent mind, float[] vector) {
        long start = System.nanoTime();
        ranker.rank(mind.stream, knowledge, mind.factions, vector, hours(), weights, mind.recall, true);
        lastRankNanos = System.nanoTime() - start;
    }

    private void onReply(Entity npc, DialogueComponent d) {
        MemoryStreamComponent mind = minds.get(npc);
        if (mind == null || d.isFallback() || d.lastReply().isBlank()) {
            return; // a fallback line is the plugin's stand-in, not something the NPC chose to say
        }
        Memory said = mind.stream.add(MemoryKind.DIALOGUE, "I told " + playerName + ": \"" + d.lastReply() + "\"",
                hours(), scorer.score(MemoryKind.DIALOGUE, d.lastReply()));
        thoughts.rate(mind, said);
    }

    // ---- reflection ------------------------------------------------------------------------------------------

    private void reflect(Entity npc, MemoryStreamComponent mind) {
        List<Memory> sources = reflector.sources(mind.stream);
        mind.stream.resetImportanceSinceReflection();
        if (sources.isEmpty()) {
            return;
        }
        PersonaComponent p = personas.get(npc);
        thoughts.reflect(mind, p != null && !p.name.isBlank() ? p.name : saveId(npc), sources);
    }

    // ---- save support ----------------------------------------------------------------------------------------

    /** A stream read from a save for an NPC not in the engine yet; claimed when it joins. */
    void park(String id, MemoryStream stream) {
        unclaimed.put(id, stream);
    }

    private void claim(Entity entity) {
        if (unclaimed.isEmpty()) {
            return;
        }
        String id = saveId(entity);
        MemoryStream saved = id == null ? null : unclaimed.remove(id);
        if (saved != null) {
            minds.get(entity).stream.copyFrom(saved);
        }
    }

    /** A player's line on its way: the snapshot of candidates goes to the worker with it and is ranked there. */
    private static final class Query {
        final Entity npc;
        final MemoryStreamComponent mind;
        final int generation;
        final int serial;
        final String line;
        final MemoryRanker.Candidates candidates = new MemoryRanker.Candidates();
        double now;

        Query(Entity npc, MemoryStreamComponent mind, int generation, int serial, String line) {
            this.npc = npc;
            this.mind = mind;
            this.generation = generation;
            this.serial = serial;
            this.line = line;
        }
    }

    /**
     * Builds a {@link MemorySystem}. {@link #setJobs} and {@link #setEmbedder} are required. Not thread-safe.
     */
    public static final class Builder {
        private JobQueue jobs;
        private Embedder embedder;
        private WorldKnowledge knowledge = new WorldKnowledge();
        private ImportanceScorer scorer;
        private RetrievalWeights weights = RetrievalWeights.DEFAULT;
        private Reflector reflector = Reflector.defaults();
        private int reflectionThreshold = 60;
        private TextGenerationQueue reflectionQueue;
        private TextGenerationQueue importanceQueue;
        private GameClock clock;
        private double hoursPerSecond = 1.0 / 60.0;
        private String playerName = "";
        private int maxBatch = 32;
        private int priority;
        private boolean embedFar;

        private Builder() {
        }

        /** Required: the runtime's job queue ({@code runtime.jobs()}), where embeddings are computed. */
        public Builder setJobs(JobQueue jobQueue) {
            this.jobs = jobQueue;
            return this;
        }

        /**
         * Required: the sentence-embedding model, e.g. {@code MiniLmEmbedder.load(runtime.sessionConfig())} (load it
         * off the game thread). The game closes it after the runtime.
         */
        public Builder setEmbedder(Embedder model) {
            this.embedder = model;
            return this;
        }

        /** Facts shared by every NPC or by factions (default: an empty one, see {@link #worldKnowledge()}). */
        public Builder optWorldKnowledge(WorldKnowledge shared) {
            if (shared == null) {
                throw new IllegalArgumentException("world knowledge is null");
            }
            this.knowledge = shared;
            return this;
        }

        /** How dialogue lines and observations are scored (default {@link RuleImportanceScorer} with the player's name). */
        public Builder optImportanceScorer(ImportanceScorer importance) {
            this.scorer = importance;
            return this;
        }

        /** How recalled memories are ranked and how many (default {@link RetrievalWeights#DEFAULT}). */
        public Builder optWeights(RetrievalWeights retrieval) {
            if (retrieval == null) {
                throw new IllegalArgumentException("retrieval weights are null");
            }
            this.weights = retrieval;
            return this;
        }

        /** What an NPC reflects on and how replies are read (default {@link Reflector#defaults()}). */
        public Builder optReflector(Reflector reflection) {
            if (reflection == null) {
                throw new IllegalArgumentException("reflector is null");
            }
            this.reflector = reflection;
            return this;
        }

        /**
         * The sum of importance of new memories (reflections excluded) at which an NPC reflects (default 60: a dozen
         * notable things).
         */
        public Builder optReflectionThreshold(int importanceSum) {
            if (importanceSum < 1) {
                throw new IllegalArgumentException("the reflection threshold must be at least 1, was " + importanceSum);
            }
            this.reflectionThreshold = importanceSum;
            return this;
        }

        /**
         * The language model that writes reflections (e.g. the dialogue's {@code dialogue.queue()}); default none:
         * reflections are extractive summaries.
         */
        public Builder optReflectionQueue(TextGenerationQueue queue) {
            this.reflectionQueue = queue;
            return this;
        }

        /**
         * A language model that rates each new dialogue line and observation 1-10 (its rating replaces the scorer's
         * when it arrives); default none. One short request per memory: use a server or a capable local model.
         */
        public Builder optImportanceQueue(TextGenerationQueue queue) {
            this.importanceQueue = queue;
            return this;
        }

        /** The game's clock (default: this system's own, advanced by frame time at {@link #optHoursPerSecond}). */
        public Builder optClock(GameClock gameClock) {
            this.clock = gameClock;
            return this;
        }

        /** Game hours per real second for the system's own clock (default 1/60: a game hour per real minute). */
        public Builder optHoursPerSecond(double rate) {
            if (!(rate >= 0.0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException("hours per second must be finite and >= 0, was " + rate);
            }
            this.hoursPerSecond = rate;
            return this;
        }

        /** The player's name, used in dialogue memories and by the default scorer (default "the player"). */
        public Builder optPlayerName(String name) {
            this.playerName = name == null ? "" : name;
            return this;
        }

        /** Most texts per embedding call (default 32). */
        public Builder optMaxBatch(int texts) {
            if (texts < 1) {
                throw new IllegalArgumentException("a batch holds at least 1 text, was " + texts);
            }
            this.maxBatch = texts;
            return this;
        }

        /** Ashley system priority (default 0). */
        public Builder optPriority(int systemPriority) {
            this.priority = systemPriority;
            return this;
        }

        /**
         * Whether NPCs far from the player (a {@link ThinkingLodComponent} that is not near) have their new memories
         * embedded, and reflect, at once in the background (true) or only once they come near (default false: the
         * worker stays free for the NPCs the player meets).
         */
        public Builder optEmbedFarMemories(boolean atOnce) {
            this.embedFar = atOnce;
            return this;
        }

        /**
         * @return the system, to add to the engine beside a {@link DialogueSystem}
         * @throws IllegalStateException when a required setting is missing
         */
        public MemorySystem build() {
            if (jobs == null) {
                throw new IllegalStateException("MemorySystem.Builder.setJobs(runtime.jobs()) is required");
            }
            if (embedder == null) {
                throw new IllegalStateException("MemorySystem.Builder.setEmbedder(...) is required, e.g. "
                        + "MiniLmEmbedder.load(runtime.sessionConfig())");
            }
            return new MemorySystem(this);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "MemorySystem[%d NPCs, %d facts, %d texts embedded in %d calls]",
                getEntities().size(), knowledge.size(), embeddedTexts, embeddingCalls);
    }
}
