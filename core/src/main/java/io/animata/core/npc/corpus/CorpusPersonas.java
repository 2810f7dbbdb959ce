package io.animata.core.npc.corpus;

import io.animata.core.npc.Persona;
import io.animata.core.npc.corpus.CorpusPersona.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The personas of the dialogue corpus: the built-in ones (mira, tom, guard), with their answers written by hand,
 * and personas generated from a seed out of banks of names, roles, traits and rumours. Stateless.
 */
final class CorpusPersonas {
    private static final String[] NAMES = {"Anna", "Bram", "Cora", "Dain", "Edda", "Finn", "Greta", "Hugo", "Ilse",
        "Jonas", "Kara", "Lukas", "Marta", "Nils", "Olga", "Piet", "Rosa", "Sven", "Tilda", "Ulric", "Vera", "Willem",
        "Yara", "Zeno", "Berta", "Emil", "Frida", "Gustav", "Hanna", "Ivo", "Lena", "Otto"};
    private static final String[] PLACES = {"Emberfall", "Millbrook", "Stonebridge", "Ashford", "Greywater"};
    private static final String[] ADDRESSES = {"traveller", "friend", "stranger", "wanderer"};

    /** A trait, how it sounds in small talk. */
    private record Trait(String word, String style, String[] mood) {
    }

    private static final Trait[] TRAITS = {
        new Trait("cheerful", "bright and quick; laughs often",
                new String[] {"Oh, I am well, thank you! Every day is a good day.", "Splendid, as always!"}),
        new Trait("grumpy", "short and sour; complains a lot",
                new String[] {"Bad, as always. My back aches.", "Don't ask. Nothing goes right today."}),
        new Trait("shy", "quiet and hesitant; short answers",
                new String[] {"I... I am fine, thank you.", "Oh. Well enough, I suppose."}),
        new Trait("proud", "formal and a little boastful",
                new String[] {"Very well. My work is the best in the land.", "I am well. Nobody does it better than me."}),
        new Trait("nervous", "fast and worried; jumps at noises",
                new String[] {"Fine, fine! Did you hear that noise?", "Worried, to be honest. Strange times."}),
        new Trait("kind", "gentle and patient",
                new String[] {"I am well, thank you for asking. And you?", "Well enough. It is good to see a friendly face."}),
        new Trait("greedy", "sly; always talks about money",
                new String[] {"Better when the coins come in.", "Poor, as ever. Business is slow."}),
        new Trait("tired", "slow and weary",
                new String[] {"Tired. It has been a long day.", "I need sleep, that is how I am."}),
    };

    /** A role, what it knows and what it wants. */
    private record Role(String title, String[][] topics, String goalThird, String goalFirst, String[] wares) {
    }

    private static final Role[] ROLES = {
        new Role("the baker of %s", new String[][] {
            {"bread", "Bread is one copper a loaf, fresh every morning."},
            {"the mill", "The mill by the river grinds my flour, but the wheel is broken."}},
            "Fix the mill wheel before the flour runs out.", "I want to fix the mill wheel before the flour runs out.",
            new String[] {"bread", "pie"}),
        new Role("the herbalist of %s", new String[][] {
            {"herbs", "I gather herbs in the forest at dawn."},
            {"the fever", "A fever is going round the village; my tea helps."}},
            "Find the rare moonflower in the forest.", "I want to find the rare moonflower in the forest.",
            new String[] {"potion", "herbs"}),
        new Role("the hunter of %s", new String[][] {
            {"the forest", "The forest is dangerous after dark."},
            {"wolves", "The wolves came down from the hills this winter."}},
            "Hunt the great wolf that kills the sheep.", "I want to hunt the great wolf that kills the sheep.",
            new String[] {"bow", "arrows"}),
        new Role("the merchant of %s", new String[][] {
            {"trade", "Trade is slow since the bridge fell."},
            {"the road", "Bandits wait on the south road."}},
            "Sell all her goods before the winter.", "I want to sell all my goods before the winter.",
            new String[] {"rope", "lamp", "map"}),
        new Role("the fisher of %s", new String[][] {
            {"the lake", "The lake froze early this year."},
            {"fish", "Fish are scarce; something scares them away."}},
            "Catch the old pike of the lake.", "I want to catch the old pike of the lake.",
            new String[] {"fish", "net"}),
        new Role("the priest of %s", new String[][] {
            {"the temple", "The temple bell has been silent for a month."},
            {"the old graves", "Someone has been digging at the old graves at night."}},
            "Learn who digs at the graves.", "I want to learn who digs at the graves.",
            new String[] {"candle", "charm"}),
        new Role("the farmer of %s", new String[][] {
            {"the harvest", "The harvest was poor; the rain came too late."},
            {"the crows", "Crows eat half my seeds."}},
            "Save enough grain for the winter.", "I want to save enough grain for the winter.",
            new String[] {"apples", "grain"}),
        new Role("the miner of %s", new String[][] {
            {"the mine", "The mine is closed after the cave-in."},
            {"silver", "There is still silver deep in the hill."}},
            "Open the mine again.", "I want to open the mine again.",
            new String[] {"pickaxe", "lamp"}),
        new Role("the tailor of %s", new String[][] {
            {"cloth", "Good cloth comes from the city, when the carts come."},
            {"the festival", "The spring festival is in three days."}},
            "Finish the mayor's coat for the festival.", "I want to finish the mayor's coat for the festival.",
            new String[] {"cloak", "hat"}),
        new Role("the stable master of %s", new String[][] {
            {"horses", "My horses are strong, but one went lame."},
            {"the bridge", "The old bridge fell in the storm."}},
            "Find a healer for the lame horse.", "I want to find a healer for the lame horse.",
            new String[] {"horse", "saddle"}),
    };

    /** Rumours any persona may know, each with its subject. */
    private static final String[][] RUMOURS = {
        {"the stranger", "A hooded stranger came to town two days ago."},
        {"the castle", "Lights burn in the old castle at night."},
        {"the king", "They say the king is sick."},
        {"the dragon", "Some say a dragon sleeps under the mountain."},
        {"the thieves", "Thieves broke into the mayor's house last week."},
        {"the well", "The water in the well tastes of iron now."},
    };

    private CorpusPersonas() {
    }

    /** @return the built-in personas with their answers written by hand */
    static List<CorpusPersona> builtIns() {
        List<CorpusPersona> list = new ArrayList<>();
        list.add(new CorpusPersona(Persona.builtIn("mira"), "traveller", List.of(
                new Topic("the forge", "By the forge, I forge and mend weapons and tools. The best in the valley."),
                new Topic("weapons", "I make blades, axes and spears. Good steel, fair price."),
                new Topic("the mine", "The mine north of the village closed after a cave-in last winter."),
                new Topic("Oskar", "Oskar is the trader who brings my iron. He is late this month."),
                new Topic("iron", "My iron comes from Oskar, and his cart is late.")),
                "I want to sell my blades at a fair price and find out why Oskar's cart has not come.",
                List.of("Busy. The forge never sleeps.", "Hm. Well enough, traveller. Steel does not wait.",
                        "Tired arms, but a good day of work."),
                List.of("sword", "axe", "dagger", "spare_key")));
        list.add(new CorpusPersona(Persona.builtIn("tom"), "friend", List.of(
                new Topic("rooms", "A room is two silver a night, friend, and the beds are clean."),
                new Topic("stew", "Stew is one silver a bowl. Best in town, they say!"),
                new Topic("the stranger", "Ah, the hooded stranger! He rented the attic room for a week and pays in old coins."),
                new Topic("rumours", "I hear every rumour in town, friend. A stranger in my attic pays in old coins!"),
                new Topic("the inn", "The Crooked Lantern is the warmest inn in town, friend.")),
                "I want to keep the inn full and learn who the hooded stranger is.",
                List.of("Oh, can't complain, friend! A full inn is a happy inn.",
                        "Well, well! As the saying goes, a warm hearth makes a warm heart.",
                        "Busy, friend, busy. But never too busy for a chat!"),
                List.of("stew", "ale", "key")));
        list.add(new CorpusPersona(Persona.builtIn("guard"), "stranger", List.of(
                new Topic("the gate", "The gate closes at dusk. No exceptions."),
                new Topic("wolves", "Wolves have been seen near the old mine road. Stay off it."),
                new Topic("the mine road", "Wolves have been seen near the old mine road."),
                new Topic("the seal", "Nobody leaves after dark without the mayor's seal."),
                new Topic("the night", "Nobody leaves after dark without the mayor's seal.")),
                "I want to keep the gate safe and get through the night without trouble.",
                List.of("On duty. State your business.", "Tired. It is a long watch. What do you want?",
                        "Well enough. Why do you ask?"),
                List.of("key", "torch")));
        return list;
    }

    /** @return a persona made from the banks with {@code random} */
    static CorpusPersona generate(SplittableRandom random) {
        String name = pick(random, NAMES);
        String place = pick(random, PLACES);
        Role role = ROLES[random.nextInt(ROLES.length)];
        Trait first = TRAITS[random.nextInt(TRAITS.length)];
        Trait second = TRAITS[random.nextInt(TRAITS.length)];
        String address = pick(random, ADDRESSES);
        List<Topic> topics = new ArrayList<>();
        for (String[] t : role.topics()) {
            topics.add(new Topic(t[0], t[1]));
        }
        String[] rumour = RUMOURS[random.nextInt(RUMOURS.length)];
        topics.add(new Topic(rumour[0], rumour[1]));
        List<String> traits = first == second ? List.of(first.word()) : List.of(first.word(), second.word());
        StringBuilder knowledge = new StringBuilder();
        for (Topic t : topics) {
            knowledge.append(knowledge.length() == 0 ? "" : " ").append(t.answer());
        }
        Persona persona = new Persona(name, String.format(role.title(), place), traits,
                first.style() + "; calls people '" + address + "'", knowledge.toString(), role.goalThird(),
                List.of("Hm? Say that again, " + address + "."));
        List<String> mood = new ArrayList<>(List.of(first.mood()));
        if (first != second) {
            mood.addAll(List.of(second.mood()));
        }
        return new CorpusPersona(persona, address, topics, role.goalFirst(), mood, List.of(role.wares()));
    }

    static String pick(SplittableRandom random, String[] options) {
        return options[random.nextInt(options.length)];
    }

    static String pick(SplittableRandom random, List<String> options) {
        return options.get(random.nextInt(options.size()));
    }
}
