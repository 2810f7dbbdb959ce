package io.animata.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.animata.core.npc.corpus.DialogueCorpus;
import io.animata.core.npc.corpus.TrainingText;
import io.animata.runtime.onnx.DevicePreference;
import io.animata.runtime.onnx.OnnxSessionConfig;
import io.animata.runtime.text.ChatMessage;
import io.animata.runtime.text.GenerationRequest;
import io.animata.runtime.text.HfTokenizer;
import io.animata.runtime.text.OnnxLanguageModel;
import io.animata.runtime.text.TokenizerJson;
import io.animata.runtime.train.DecoderTrainer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dialogue model's tokenizer and training data, and (slow) a whole small training run. */
class DialogueTrainingTest {

    @Test
    void theCorpusRoundTripsThroughTheTokenizerBuiltFromItAndOnlyRepliesAreTrained(@TempDir Path dir)
            throws Exception {
        List<TrainingText> corpus = DialogueCorpus.generate(3, 60);
        Files.writeString(dir.resolve("tokenizer.json"), TokenizerJson.byteLevelWords(DialogueCorpus.SPECIAL_TOKENS,
                DialogueTraining.vocabulary(corpus)));
        try (HfTokenizer tokenizer = HfTokenizer.load(dir)) {
            List<DecoderTrainer.Sequence> sequences = DialogueTraining.tokenize(corpus, tokenizer);
            assertEquals(corpus.size(), sequences.size());
            for (int c = 0; c < corpus.size(); c++) {
                int[] ids = sequences.get(c).ids();
                assertEquals(corpus.get(c).text(), tokenizer.decode(ids, 0, ids.length, false));
                StringBuilder replies = new StringBuilder();
                StringBuilder trained = new StringBuilder();
                for (TrainingText.Span s : corpus.get(c).spans()) {
                    if (s.reply()) {
                        replies.append(s.text());
                    }
                }
                for (int i = 0; i < ids.length; i++) {
                    assertTrue(ids[i] > 0, "no corpus piece is unknown");
                    if (sequences.get(c).trained()[i]) {
                        trained.append(tokenizer.decode(ids, i, i + 1, false));
                    }
                }
                assertEquals(replies.toString(), trained.toString());
            }
        }
    }

    @Test
    void theVocabularyIsTheSameForTheSameCorpus() {
        assertEquals(DialogueTraining.vocabulary(DialogueCorpus.generate(4, 30)),
                DialogueTraining.vocabulary(DialogueCorpus.generate(4, 30)));
    }

    @Test
    @Tag("slow")
    void aShortRunWritesAModelFolderTheRuntimeLoadsAndThatAnswers(@TempDir Path dir) {
        StringWriter log = new StringWriter();
        DialogueTraining.Outcome o = DialogueTraining.run(new DialogueTraining.Settings(2, 60, 200, 20, 8, 3e-3f), dir,
                (step, total, loss) -> { }, new PrintWriter(log));
        assertTrue(o.summary().finalLoss() < o.summary().firstLoss(), o.toString());
        assertTrue(o.summary().heldOutLoss() < o.summary().firstLoss(), o.toString());
        for (String file : List.of("model.onnx", "tokenizer.json", "config.json", "tokenizer_config.json",
                "training.json")) {
            assertTrue(Files.isRegularFile(dir.resolve(file)), file);
        }
        try (OnnxLanguageModel model = OnnxLanguageModel.builder().setModelFolder(dir)
                .optSessionConfig(new OnnxSessionConfig(1, DevicePreference.CPU, 0)).build()) {
            GenerationRequest request = GenerationRequest.chat(List.of(ChatMessage.system("You are Mira."),
                    ChatMessage.user("Hello."))).optMaxTokens(20).build();
            String reply = model.generate(request, piece -> { }, null).text();
            assertFalse(reply.isBlank(), "reply: '" + reply + "'");
        }
    }
}
