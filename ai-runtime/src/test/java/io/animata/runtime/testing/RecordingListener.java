package io.animata.runtime.testing;

import io.animata.runtime.AnimataException;
import io.animata.runtime.InferenceListener;
import io.animata.runtime.InferenceResult;
import java.util.ArrayList;
import java.util.List;

/** Records every result (request id, tag, output 0's first value, output 1) and failure it receives. */
public final class RecordingListener implements InferenceListener {
    public record Got(long requestId, int tag, float first, float sum) { }

    public final List<Got> results = new ArrayList<>();
    public final List<Long> failures = new ArrayList<>();
    public AnimataException lastError;

    @Override
    public void onResult(long requestId, int tag, InferenceResult result) {
        results.add(new Got(requestId, tag, result.get(0, 0), result.get(1, 0)));
    }

    @Override
    public void onFailure(long requestId, int tag, AnimataException error) {
        failures.add(requestId);
        lastError = error;
    }
}
