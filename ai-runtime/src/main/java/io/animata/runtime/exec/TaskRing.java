package io.animata.runtime.exec;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A bounded lock-free queue of tasks: many producers, one consumer (D. Vyukov's bounded queue, each cell carrying
 * a sequence number). Unlike {@link java.util.concurrent.ArrayBlockingQueue}, offering never allocates, not even
 * when threads contend, which keeps the game thread's hand-over allocation-free.
 *
 * <p>Threading: {@link #offer} from any thread; {@link #poll} from the single consumer thread only.
 */
final class TaskRing {
    private final WorkerTask[] cells;
    private final AtomicLongArray sequences;
    private final int mask;
    private final AtomicLong enqueuePos = new AtomicLong();
    private long dequeuePos;

    /** @param capacity rounded up to a power of two */
    TaskRing(int capacity) {
        int size = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
        cells = new WorkerTask[size];
        sequences = new AtomicLongArray(size);
        mask = size - 1;
        for (int i = 0; i < size; i++) {
            sequences.set(i, i);
        }
    }

    int capacity() {
        return cells.length;
    }

    /** @return false when full */
    boolean offer(WorkerTask task) {
        long pos = enqueuePos.get();
        while (true) {
            int index = (int) (pos & mask);
            long diff = sequences.get(index) - pos;
            if (diff == 0) {
                if (enqueuePos.compareAndSet(pos, pos + 1)) {
                    cells[index] = task;
                    // publishes the cell to the consumer
                    sequences.set(index, pos + 1);
                    return true;
                }
                pos = enqueuePos.get();
            } else if (diff < 0) {
                return false;
            } else {
                pos = enqueuePos.get();
            }
        }
    }

    /** @return the oldest task, or null when empty */
    WorkerTask poll() {
        long pos = dequeuePos;
        int index = (int) (pos & mask);
        if (sequences.get(index) != pos + 1) {
            return null;
        }
        WorkerTask task = cells[index];
        cells[index] = null;
        sequences.set(index, pos + cells.length);
        dequeuePos = pos + 1;
        return task;
    }

    /** @return tasks waiting, approximately (exact when no one is offering) */
    int size() {
        return (int) Math.max(0, enqueuePos.get() - dequeuePos);
    }
}
