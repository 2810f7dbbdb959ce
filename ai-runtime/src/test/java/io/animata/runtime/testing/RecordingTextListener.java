package io.animata.runtime.testing;

import io.animata.runtime.AiRuntime;
import io.animata.runtime.AnimataException;
import io.animata.runtime.TextListener;
import io.animata.runtime.text.FinishReason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Records every delivery as "frame:tag:text", "frame:tag:END reason" or "frame:tag:FAIL message". */
public final class RecordingTextListener implements TextListener {
    private final AiRuntime runtime;
    public final List<String> events = new ArrayList<>();
    public final Map<Integer, StringBuilder> texts = new HashMap<>();
    public final Map<Integer, FinishReason> ended = new HashMap<>();
    public final Map<Integer, AnimataException> failed = new HashMap<>();
    public final List<String> threads = new ArrayList<>();

    public RecordingTextListener(AiRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void onText(long requestId, int tag, CharSequence text) {
        threads.add(Thread.currentThread().getName());
        events.add(runtime.currentTick() + ":" + tag + ":" + text);
        texts.computeIfAbsent(tag, t -> new StringBuilder()).append(text);
    }

    @Override
    public void onComplete(long requestId, int tag, FinishReason reason) {
        events.add(runtime.currentTick() + ":" + tag + ":END " + reason);
        ended.put(tag, reason);
    }

    @Override
    public void onFailure(long requestId, int tag, AnimataException error) {
        events.add(runtime.currentTick() + ":" + tag + ":FAIL " + error.getMessage());
        failed.put(tag, error);
    }

    public String text(int tag) {
        StringBuilder b = texts.get(tag);
        return b == null ? "" : b.toString();
    }

    public boolean finished(int tag) {
        return ended.containsKey(tag) || failed.containsKey(tag);
    }
}
